/**
 * Order metafields with Shopify's compare-and-set (shopify.dev, GraphQL Admin `metafieldsSet`,
 * 2024-07 and later): `compareDigest` given → the write lands only when the stored value's digest
 * equals it, `compareDigest: null` → only when the metafield does not exist yet, absent → no check.
 * A mismatch is the userError STALE_OBJECT and nothing of the call is written (the mutation is
 * atomic). `metafieldsDelete` removes by (ownerId, namespace, key) and answers null for one that
 * does not exist. Only orders own metafields here.
 */
import { createHash } from 'crypto';
import type { SandboxCore } from '../core';
import { gid, parseGid } from '../ids';
import { nowIso } from '../state';

export const METAFIELDS_SDL = `
type Metafield {
	id: ID!
	namespace: String!
	key: String!
	value: String!
	type: String!
	compareDigest: String!
	ownerType: String!
	createdAt: DateTime!
	updatedAt: DateTime!
}

input MetafieldsSetInput {
	ownerId: ID!
	namespace: String
	key: String!
	value: String!
	type: String
	compareDigest: String
}

input MetafieldIdentifierInput { ownerId: ID! namespace: String! key: String! }
type MetafieldIdentifier { ownerId: ID! namespace: String! key: String! }

enum MetafieldsSetUserErrorCode {
	APP_NOT_AUTHORIZED BLANK CAPABILITY_VIOLATION INCLUSION INTERNAL_ERROR INVALID
	INVALID_COMPARE_DIGEST INVALID_TYPE INVALID_VALUE LESS_THAN_OR_EQUAL_TO PRESENT
	STALE_OBJECT TAKEN TOO_LONG TOO_SHORT
}

type MetafieldsSetUserError {
	field: [String!]
	message: String!
	code: MetafieldsSetUserErrorCode
	elementIndex: Int
}

type MetafieldsSetPayload { metafields: [Metafield!] userErrors: [MetafieldsSetUserError!]! }
type UserError { field: [String!] message: String! }
type MetafieldsDeletePayload { deletedMetafields: [MetafieldIdentifier] userErrors: [UserError!]! }
`;

/** The namespace Shopify gives a metafield set without one (an app-reserved namespace). */
export const APP_NAMESPACE = '$app';
const TYPES = new Set([
	'json',
	'single_line_text_field',
	'multi_line_text_field',
	'number_integer',
	'boolean',
]);
const MAX_PER_CALL = 25;

export interface StoredMetafield {
	id: string;
	ownerId: string;
	namespace: string;
	key: string;
	type: string;
	value: string;
	createdAt: string;
	updatedAt: string;
}

export interface MetafieldsSetInput {
	ownerId: string;
	namespace?: string | null;
	key: string;
	value: string;
	type?: string | null;
	compareDigest?: string | null;
}

interface SetUserError {
	field: string[];
	message: string;
	code: string;
	elementIndex: number | null;
}

function slot(ownerId: string, namespace: string, key: string): string {
	return `${ownerId}|${namespace}|${key}`;
}

/** The digest of a stored value (opaque to clients; changes whenever the value changes). */
export function digestOf(metafield: StoredMetafield): string {
	return createHash('sha256').update(`${metafield.type}\n${metafield.value}`).digest('hex');
}

export function metafieldView(metafield: StoredMetafield): Record<string, unknown> {
	return {
		id: gid('Metafield', metafield.id),
		namespace: metafield.namespace,
		key: metafield.key,
		value: metafield.value,
		type: metafield.type,
		compareDigest: digestOf(metafield),
		ownerType: 'ORDER',
		createdAt: metafield.createdAt,
		updatedAt: metafield.updatedAt,
	};
}

/** Order.metafield(namespace:, key:) */
export function findMetafield(
	core: SandboxCore,
	ownerId: string,
	namespace: string | null | undefined,
	key: string,
): Record<string, unknown> | null {
	const found = core.state.metafields.get(slot(ownerId, namespace ?? APP_NAMESPACE, key));
	return found ? metafieldView(found) : null;
}

function ownerExists(core: SandboxCore, ownerId: string): boolean {
	// Shopify takes owners as global ids only (a bare number is not an owner).
	const id = ownerId.startsWith('gid://') ? parseGid(ownerId, 'Order') : undefined;
	return id !== undefined && core.state.orders.has(id);
}

function validate(core: SandboxCore, input: MetafieldsSetInput, index: number): SetUserError[] {
	const errors: SetUserError[] = [];
	const error = (field: string, code: string, message: string) =>
		errors.push({
			field: ['metafields', String(index), field],
			message,
			code,
			elementIndex: index,
		});
	const namespace = input.namespace ?? APP_NAMESPACE;
	if (!ownerExists(core, input.ownerId)) error('ownerId', 'INVALID', 'Owner does not exist.');
	if (namespace !== APP_NAMESPACE && namespace.length < 3)
		error('namespace', 'TOO_SHORT', 'Namespace is too short (minimum is 3 characters)');
	if (namespace.length > 255)
		error('namespace', 'TOO_LONG', 'Namespace is too long (maximum is 255 characters)');
	if (input.key.length < 2) error('key', 'TOO_SHORT', 'Key is too short (minimum is 2 characters)');
	if (input.key.length > 64) error('key', 'TOO_LONG', 'Key is too long (maximum is 64 characters)');
	if (!/^[A-Za-z0-9_-]+$/.test(input.key))
		error('key', 'INVALID', 'Key contains one or more invalid characters.');
	const existing = core.state.metafields.get(slot(input.ownerId, namespace, input.key));
	const type = input.type ?? existing?.type;
	if (!type) error('type', 'BLANK', "Type can't be blank");
	else if (!TYPES.has(type)) error('type', 'INVALID_TYPE', `Type '${type}' is not supported here`);
	else if (existing && existing.type !== type)
		error('type', 'INVALID_TYPE', 'Type must be the same as the existing metafield type');
	if (type === 'json') {
		try {
			JSON.parse(input.value);
		} catch {
			error('value', 'INVALID_VALUE', 'Value is invalid JSON');
		}
	}
	if ('compareDigest' in input && input.compareDigest !== undefined) {
		const current = existing ? digestOf(existing) : null;
		if (input.compareDigest !== current)
			error(
				'compareDigest',
				'STALE_OBJECT',
				'The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.',
			);
	}
	return errors;
}

/** metafieldsSet: validates every input first; writes all of them or none. */
export function metafieldsSet(
	core: SandboxCore,
	inputs: MetafieldsSetInput[],
): { metafields: Record<string, unknown>[] | null; userErrors: SetUserError[] } {
	if (inputs.length > MAX_PER_CALL) {
		return {
			metafields: null,
			userErrors: [
				{
					field: ['metafields'],
					message: `Exceeded the maximum metafields input limit of ${MAX_PER_CALL}.`,
					code: 'LESS_THAN_OR_EQUAL_TO',
					elementIndex: null,
				},
			],
		};
	}
	const errors = inputs.flatMap((input, index) => validate(core, input, index));
	if (errors.length > 0) return { metafields: [], userErrors: errors };
	const now = nowIso();
	const written = inputs.map((input) => {
		const namespace = input.namespace ?? APP_NAMESPACE;
		const key = slot(input.ownerId, namespace, input.key);
		const existing = core.state.metafields.get(key);
		const stored: StoredMetafield = {
			id: existing?.id ?? core.state.ids.id(),
			ownerId: input.ownerId,
			namespace,
			key: input.key,
			type: input.type ?? existing?.type ?? 'json',
			value: input.value,
			createdAt: existing?.createdAt ?? now,
			updatedAt: now,
		};
		core.state.metafields.set(key, stored);
		return metafieldView(stored);
	});
	return { metafields: written, userErrors: [] };
}

/** metafieldsDelete: null for each identifier that was not found. */
export function metafieldsDelete(
	core: SandboxCore,
	identifiers: Array<{ ownerId: string; namespace: string; key: string }>,
): { deletedMetafields: Array<Record<string, string> | null>; userErrors: unknown[] } {
	if (identifiers.length === 0)
		return {
			deletedMetafields: [],
			userErrors: [{ field: ['metafields'], message: 'At least one identifier is required.' }],
		};
	return {
		deletedMetafields: identifiers.map((i) =>
			core.state.metafields.delete(slot(i.ownerId, i.namespace, i.key))
				? { ownerId: i.ownerId, namespace: i.namespace, key: i.key }
				: null,
		),
		userErrors: [],
	};
}
