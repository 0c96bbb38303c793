/**
 * Query cost as Shopify calculates it (shopify.dev "GraphQL Admin API rate limits"):
 * scalars and enums 0, objects 1, connections 2 + first × (cost of one node), mutations 10.
 * The requested cost is computed before execution from the arguments; the actual cost after,
 * from what the response really holds (never more than requested).
 */
import {
	getArgumentValues,
	getDirectiveValues,
	getNamedType,
	GraphQLIncludeDirective,
	GraphQLSkipDirective,
	isLeafType,
	isListType,
	getNullableType,
	isObjectType,
	Kind,
	type FieldNode,
	type FragmentDefinitionNode,
	type GraphQLField,
	type GraphQLObjectType,
	type GraphQLSchema,
	type OperationDefinitionNode,
	type SelectionSetNode,
} from 'graphql';

export const MUTATION_COST = 10;

interface Walk {
	schema: GraphQLSchema;
	fragments: Record<string, FragmentDefinitionNode>;
	variables: Record<string, unknown>;
}

interface Selected {
	key: string;
	node: FieldNode;
	def: GraphQLField<unknown, unknown>;
}

function included(walk: Walk, node: FieldNode | { directives?: FieldNode['directives'] }): boolean {
	const skip = getDirectiveValues(GraphQLSkipDirective, node, walk.variables);
	if (skip?.if === true) return false;
	const include = getDirectiveValues(GraphQLIncludeDirective, node, walk.variables);
	return include?.if !== false;
}

/** Flattens fragments: the fields selected on `type`, in order. */
function collect(walk: Walk, type: GraphQLObjectType, set: SelectionSetNode): Selected[] {
	const out: Selected[] = [];
	for (const sel of set.selections) {
		if (!included(walk, sel)) continue;
		if (sel.kind === Kind.FIELD) {
			const def = type.getFields()[sel.name.value];
			if (def) out.push({ key: sel.alias?.value ?? sel.name.value, node: sel, def });
		} else if (sel.kind === Kind.INLINE_FRAGMENT) {
			out.push(...collect(walk, type, sel.selectionSet));
		} else {
			const fragment = walk.fragments[sel.name.value];
			if (fragment) out.push(...collect(walk, type, fragment.selectionSet));
		}
	}
	return out;
}

function isConnection(type: GraphQLObjectType): boolean {
	return type.name.endsWith('Connection');
}

function objectTypeOf(def: GraphQLField<unknown, unknown>): GraphQLObjectType | undefined {
	const named = getNamedType(def.type);
	return isObjectType(named) ? named : undefined;
}

/** Requested cost of one connection node: the larger of `nodes {…}` and `edges { node {…} }`. */
function nodeCost(walk: Walk, type: GraphQLObjectType, set: SelectionSetNode): number {
	let best = 0;
	for (const s of collect(walk, type, set)) {
		const child = objectTypeOf(s.def);
		if (!child || !s.node.selectionSet) continue;
		if (s.def.name === 'nodes')
			best = Math.max(best, 1 + selectionCost(walk, child, s.node.selectionSet));
		if (s.def.name === 'edges') {
			for (const e of collect(walk, child, s.node.selectionSet)) {
				const nodeType = objectTypeOf(e.def);
				if (e.def.name === 'node' && nodeType && e.node.selectionSet) {
					best = Math.max(best, 1 + selectionCost(walk, nodeType, e.node.selectionSet));
				}
			}
		}
	}
	return best;
}

function selectionCost(walk: Walk, type: GraphQLObjectType, set: SelectionSetNode): number {
	let cost = 0;
	for (const s of collect(walk, type, set)) {
		const child = objectTypeOf(s.def);
		if (!child || isLeafType(getNamedType(s.def.type)) || !s.node.selectionSet) continue;
		if (isConnection(child)) {
			const args = getArgumentValues(s.def, s.node, walk.variables);
			const size = Number(args.first ?? args.last ?? 0);
			cost += 2 + size * nodeCost(walk, child, s.node.selectionSet);
		} else {
			cost += 1 + selectionCost(walk, child, s.node.selectionSet);
		}
	}
	return cost;
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType {
	const type =
		operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
	if (!type) throw new Error(`schema has no ${operation.operation} type`);
	return type;
}

function fragmentsOf(document: { definitions: readonly unknown[] }): Walk['fragments'] {
	const fragments: Walk['fragments'] = {};
	for (const def of document.definitions as FragmentDefinitionNode[]) {
		if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
	}
	return fragments;
}

export function requestedCost(
	schema: GraphQLSchema,
	document: { definitions: readonly unknown[] },
	operation: OperationDefinitionNode,
	variables: Record<string, unknown>,
): number {
	const walk: Walk = { schema, fragments: fragmentsOf(document), variables };
	const type = rootType(schema, operation);
	if (operation.operation === 'mutation') {
		return collect(walk, type, operation.selectionSet).length * MUTATION_COST;
	}
	return selectionCost(walk, type, operation.selectionSet);
}

function valueCost(
	walk: Walk,
	type: GraphQLObjectType,
	set: SelectionSetNode,
	data: unknown,
): number {
	if (!data || typeof data !== 'object') return 0;
	let cost = 0;
	for (const s of collect(walk, type, set)) {
		const child = objectTypeOf(s.def);
		const value = (data as Record<string, unknown>)[s.key];
		if (!child || value == null || !s.node.selectionSet) continue;
		if (isConnection(child)) {
			cost += 2 + connectionNodesCost(walk, child, s.node.selectionSet, value);
		} else if (isListType(getNullableType(s.def.type)) && Array.isArray(value)) {
			for (const element of value) cost += 1 + valueCost(walk, child, s.node.selectionSet, element);
		} else {
			cost += 1 + valueCost(walk, child, s.node.selectionSet, value);
		}
	}
	return cost;
}

function connectionNodesCost(
	walk: Walk,
	type: GraphQLObjectType,
	set: SelectionSetNode,
	value: unknown,
): number {
	let best = 0;
	const conn = value as Record<string, unknown>;
	for (const s of collect(walk, type, set)) {
		const child = objectTypeOf(s.def);
		const list = conn[s.key];
		if (!child || !Array.isArray(list) || !s.node.selectionSet) continue;
		let sum = 0;
		if (s.def.name === 'nodes') {
			for (const n of list) sum += 1 + valueCost(walk, child, s.node.selectionSet, n);
		} else if (s.def.name === 'edges') {
			for (const edge of list) sum += valueCost(walk, child, s.node.selectionSet, edge);
		}
		best = Math.max(best, sum);
	}
	return best;
}

export function actualCost(
	schema: GraphQLSchema,
	document: { definitions: readonly unknown[] },
	operation: OperationDefinitionNode,
	variables: Record<string, unknown>,
	data: unknown,
): number {
	const walk: Walk = { schema, fragments: fragmentsOf(document), variables };
	const type = rootType(schema, operation);
	if (operation.operation === 'mutation') {
		return collect(walk, type, operation.selectionSet).length * MUTATION_COST;
	}
	return valueCost(walk, type, operation.selectionSet, data);
}
