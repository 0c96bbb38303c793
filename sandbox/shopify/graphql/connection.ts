/** Relay-style connections with Shopify's rules: `first` or `last` is required, at most 250. */
import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 250;

export interface ConnectionArgs {
	first?: number | null;
	after?: string | null;
	last?: number | null;
	before?: string | null;
	reverse?: boolean | null;
}

export interface Connection<V> {
	edges: { cursor: string; node: V }[];
	nodes: V[];
	pageInfo: {
		hasNextPage: boolean;
		hasPreviousPage: boolean;
		startCursor: string | null;
		endCursor: string | null;
	};
}

export function encodeCursor(id: string): string {
	return Buffer.from(`{"last_id":${id},"last_value":"${id}"}`).toString('base64');
}

function decodeCursor(cursor: string): string {
	const text = Buffer.from(cursor, 'base64').toString('utf8');
	const match = /"last_id":\s*"?([0-9]+)/.exec(text);
	if (!match) throw new GraphQLError(`Invalid cursor for current pagination sort.`);
	return match[1];
}

/** Validates paging arguments; throws the GraphQL error Shopify answers with. */
export function checkPaging(args: ConnectionArgs): void {
	if (args.first == null && args.last == null) {
		throw new GraphQLError('you must provide one of first or last');
	}
	for (const key of ['first', 'last'] as const) {
		const n = args[key];
		if (n != null && (n < 0 || n > MAX_PAGE_SIZE)) {
			throw new GraphQLError(
				`The '${key}' argument must be between 0 and ${MAX_PAGE_SIZE}, got ${n}.`,
				{ extensions: { code: 'BAD_REQUEST' } },
			);
		}
	}
}

export function connectionOf<T, V>(
	records: T[],
	args: ConnectionArgs,
	view: (record: T) => V,
	idOf: (record: T) => string = (r) => (r as unknown as { id: string }).id,
): Connection<V> {
	checkPaging(args);
	let list = args.reverse ? [...records].reverse() : records;
	let hasPreviousPage = false;
	let hasNextPage = false;
	if (args.after) {
		const after = decodeCursor(args.after);
		const index = list.findIndex((r) => idOf(r) === after);
		hasPreviousPage = index >= 0;
		list = index >= 0 ? list.slice(index + 1) : [];
	}
	if (args.before) {
		const before = decodeCursor(args.before);
		const index = list.findIndex((r) => idOf(r) === before);
		if (index >= 0) {
			hasNextPage = true;
			list = list.slice(0, index);
		}
	}
	if (args.first != null && list.length > args.first) {
		hasNextPage = true;
		list = list.slice(0, args.first);
	}
	if (args.last != null && list.length > args.last) {
		hasPreviousPage = true;
		list = list.slice(list.length - args.last);
	}
	const edges = list.map((r) => ({ cursor: encodeCursor(idOf(r)), node: view(r) }));
	return {
		edges,
		nodes: edges.map((e) => e.node),
		pageInfo: {
			hasNextPage,
			hasPreviousPage,
			startCursor: edges[0]?.cursor ?? null,
			endCursor: edges[edges.length - 1]?.cursor ?? null,
		},
	};
}
