/**
 * POST /admin/api/{version}/graphql.json: parse, validate, price the query, charge the shop's
 * cost bucket (or answer Throttled / MAX_COST_EXCEEDED), execute, refund the unused part of
 * the requested cost, and report it all in extensions.cost.
 */
import {
	execute,
	getOperationAST,
	getVariableValues,
	GraphQLError,
	Kind,
	parse,
	validate,
	type DocumentNode,
	type FieldNode,
} from 'graphql';
import type { SandboxCore } from '../core';
import { casFamily } from '../versions';
import { actualCost, requestedCost } from './cost';
import { rootValue } from './root';
import { schemaFor } from './schema';

export interface GraphqlOutcome {
	status: number;
	body: unknown;
	operationName: string | null;
	rootFields: string[];
	requestedCost: number | null;
	actualCost: number | null;
	throttled: boolean;
}

interface GraphqlRequest {
	query?: unknown;
	variables?: unknown;
	operationName?: unknown;
}

function throttleStatus(core: SandboxCore) {
	return {
		maximumAvailable: core.bucket.size,
		currentlyAvailable: Math.floor(core.bucket.available()),
		restoreRate: core.bucket.restoreRate,
	};
}

function costExtension(core: SandboxCore, requested: number, actual: number | null) {
	return {
		cost: {
			requestedQueryCost: requested,
			actualQueryCost: actual,
			throttleStatus: throttleStatus(core),
		},
	};
}

function parseRequest(raw: string, contentType: string): GraphqlRequest | undefined {
	if (contentType.includes('application/graphql')) return { query: raw };
	try {
		const parsed: unknown = JSON.parse(raw);
		return parsed && typeof parsed === 'object' ? (parsed as GraphqlRequest) : undefined;
	} catch {
		return undefined;
	}
}

function maxCostMessage(cost: number, max: number): string {
	return (
		`Query cost is ${cost}, which exceeds the single query max cost limit (${max}).\n\n` +
		'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
		'cost of a query is calculated.\n\n' +
		'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
		'See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n'
	);
}

export async function runGraphql(
	core: SandboxCore,
	version: string,
	raw: string,
	contentType: string,
): Promise<GraphqlOutcome> {
	const outcome: GraphqlOutcome = {
		status: 200,
		body: null,
		operationName: null,
		rootFields: [],
		requestedCost: null,
		actualCost: null,
		throttled: false,
	};
	const request = parseRequest(raw, contentType);
	if (!request || typeof request.query !== 'string' || request.query.trim() === '') {
		return {
			...outcome,
			status: 400,
			body: { errors: { query: 'Required parameter missing or invalid' } },
		};
	}
	const family = casFamily(version);
	const schema = schemaFor(family);
	let document: DocumentNode;
	try {
		document = parse(request.query);
	} catch (error) {
		return { ...outcome, body: { errors: [(error as GraphQLError).toJSON()] } };
	}
	const validationErrors = validate(schema, document);
	if (validationErrors.length > 0) {
		return { ...outcome, body: { errors: validationErrors.map((e) => e.toJSON()) } };
	}
	const operationName = typeof request.operationName === 'string' ? request.operationName : null;
	const operation = getOperationAST(document, operationName);
	if (!operation) {
		const message = operationName
			? `No operation named "${operationName}"`
			: 'An operation name is required';
		return { ...outcome, body: { errors: [{ message }] } };
	}
	outcome.operationName = operation.name?.value ?? operationName;
	outcome.rootFields = operation.selectionSet.selections
		.filter((s): s is FieldNode => s.kind === Kind.FIELD)
		.map((s) => s.name.value);
	const rawVariables =
		request.variables && typeof request.variables === 'object' ? request.variables : {};
	const coerced = getVariableValues(
		schema,
		operation.variableDefinitions ?? [],
		rawVariables as Record<string, unknown>,
	);
	if (coerced.errors) {
		return { ...outcome, body: { errors: coerced.errors.map((e) => e.toJSON()) } };
	}
	const variables = coerced.coerced;
	const requested = requestedCost(schema, document, operation, variables);
	outcome.requestedCost = requested;
	const maxCost = Math.min(core.settings.maxQueryCost, core.bucket.size);
	if (requested > maxCost) {
		const error = {
			message: maxCostMessage(requested, maxCost),
			extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost },
		};
		return {
			...outcome,
			body: { errors: [error], extensions: costExtension(core, requested, null) },
		};
	}
	if (!core.bucket.take(requested)) {
		const error = {
			message: 'Throttled',
			extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
		};
		outcome.throttled = true;
		return {
			...outcome,
			body: { errors: [error], extensions: costExtension(core, requested, null) },
		};
	}
	const result = await execute({
		schema,
		document,
		rootValue: rootValue(core, family),
		variableValues: rawVariables as Record<string, unknown>,
		operationName: operationName ?? undefined,
	});
	const actual = Math.min(
		requested,
		actualCost(schema, document, operation, variables, result.data),
	);
	core.bucket.refund(requested - actual);
	outcome.actualCost = actual;
	const body: Record<string, unknown> = {};
	if (result.errors) body.errors = result.errors.map((e) => e.toJSON());
	body.data = result.data ?? null;
	body.extensions = costExtension(core, requested, actual);
	return { ...outcome, body };
}
