/** REST resources: shop, products (n8n's credential test), locations, inventory levels, orders. */
import type { SandboxCore } from '../core';
import { deliverInBackground } from '../webhooks/deliver';
import { idToString, type JsonObject } from '../json';
import { sortedOrders, storeOrder } from '../orders';
import { nowIso } from '../state';
import type { RestRequest, RestResponse } from './types';
import { levelJson, locationJson, productJson } from './serialize';

const NOT_FOUND: RestResponse = { status: 404, body: { errors: 'Not Found' } };

function idSet(value: string | undefined): Set<string> | undefined {
	return value ? new Set(value.split(',').map((s) => s.trim())) : undefined;
}

/** limit (default 50, max 250) with Shopify's page_info cursor in a Link header. */
function page<T>(
	req: RestRequest,
	resource: string,
	items: T[],
): { items: T[]; headers: Record<string, string> } {
	const limit = Math.min(250, Math.max(1, Number(req.query.limit ?? 50) || 50));
	const offset = req.query.page_info
		? Number(Buffer.from(req.query.page_info, 'base64url').toString()) || 0
		: 0;
	const slice = items.slice(offset, offset + limit);
	const links: string[] = [];
	const url = (at: number) =>
		`<${req.baseUrl}/admin/api/${req.version}/${resource}.json?limit=${limit}&page_info=${Buffer.from(String(at)).toString('base64url')}>`;
	if (offset > 0) links.push(`${url(Math.max(0, offset - limit))}; rel="previous"`);
	if (offset + limit < items.length) links.push(`${url(offset + limit)}; rel="next"`);
	return { items: slice, headers: links.length ? { Link: links.join(', ') } : {} };
}

function products(core: SandboxCore, req: RestRequest): RestResponse | undefined {
	const state = core.state;
	if (/^products(\.json)?$/.test(req.path) && req.method === 'GET') {
		const ids = idSet(req.query.ids);
		const all = state.sortedProducts().filter((p) => !ids || ids.has(p.id));
		const { items, headers } = page(req, 'products', all);
		return { status: 200, body: { products: items.map((p) => productJson(state, p)) }, headers };
	}
	if (/^products\/count(\.json)?$/.test(req.path))
		return { status: 200, body: { count: state.products.size } };
	const match = /^products\/([0-9]+)(\.json)?$/.exec(req.path);
	if (match && req.method === 'GET') {
		const product = state.products.get(match[1]);
		return product ? { status: 200, body: { product: productJson(state, product) } } : NOT_FOUND;
	}
	return undefined;
}

function locations(core: SandboxCore, req: RestRequest): RestResponse | undefined {
	const state = core.state;
	if (/^locations(\.json)?$/.test(req.path) && req.method === 'GET') {
		return { status: 200, body: { locations: state.sortedLocations().map(locationJson) } };
	}
	if (/^locations\/count(\.json)?$/.test(req.path))
		return { status: 200, body: { count: state.locations.size } };
	const match = /^locations\/([0-9]+)(\.json)?$/.exec(req.path);
	if (match && req.method === 'GET') {
		const location = state.locations.get(match[1]);
		return location ? { status: 200, body: { location: locationJson(location) } } : NOT_FOUND;
	}
	return undefined;
}

function inventoryLevels(core: SandboxCore, req: RestRequest): RestResponse | undefined {
	const state = core.state;
	if (/^inventory_levels(\.json)?$/.test(req.path) && req.method === 'GET') {
		const items = idSet(req.query.inventory_item_ids);
		const locs = idSet(req.query.location_ids);
		if (!items && !locs) {
			return {
				status: 422,
				body: { errors: 'inventory_item_ids or location_ids must be present' },
			};
		}
		const levels = state.sortedItems().flatMap((item) =>
			state
				.levelsOf(item)
				.filter((l) => (!items || items.has(item.id)) && (!locs || locs.has(l.locationId)))
				.map((l) => levelJson(item, l)),
		);
		return { status: 200, body: { inventory_levels: levels } };
	}
	if (/^inventory_levels\/set(\.json)?$/.test(req.path) && req.method === 'POST') {
		const body = (req.body ?? {}) as JsonObject;
		const item = state.items.get(idToString(body.inventory_item_id) ?? '');
		const locationId = idToString(body.location_id) ?? '';
		const level = item?.levels.get(locationId);
		if (!item || !state.locations.has(locationId))
			return { status: 422, body: { errors: ['Inventory item or location not found'] } };
		if (!level)
			return { status: 422, body: { errors: ['Inventory item is not stocked at the location'] } };
		if (!item.tracked)
			return {
				status: 422,
				body: { errors: ['Inventory item does not have inventory tracking enabled'] },
			};
		if (typeof body.available !== 'number' || !Number.isInteger(body.available)) {
			return { status: 422, body: { errors: { available: ['must be an integer'] } } };
		}
		level.quantities.available = body.available;
		level.updatedAt = nowIso();
		return { status: 200, body: { inventory_level: levelJson(item, level) } };
	}
	return undefined;
}

function orders(core: SandboxCore, req: RestRequest): RestResponse | undefined {
	if (/^orders(\.json)?$/.test(req.path)) {
		if (req.method === 'GET') {
			const ids = idSet(req.query.ids);
			const since = req.query.since_id;
			const all = sortedOrders(core)
				.filter((o) => !ids || ids.has(o.id))
				.filter((o) => !since || !/^[0-9]+$/.test(since) || BigInt(o.id) > BigInt(since));
			const { items, headers } = page(req, 'orders', all);
			return { status: 200, body: { orders: items.map((o) => o.body) }, headers };
		}
		if (req.method === 'POST') {
			const input = (req.body as JsonObject | undefined)?.order;
			if (!input || typeof input !== 'object') {
				return {
					status: 400,
					body: { errors: { order: 'Required parameter missing or invalid' } },
				};
			}
			const stored = storeOrder(core, { ...(input as JsonObject), id: null });
			deliverInBackground(core, [{ topic: 'orders/create', body: stored.body }]);
			return { status: 201, body: { order: stored.body } };
		}
	}
	if (/^orders\/count(\.json)?$/.test(req.path))
		return { status: 200, body: { count: core.state.orders.size } };
	const match = /^orders\/([0-9]+)(\.json)?$/.exec(req.path);
	if (match && req.method === 'GET') {
		const order = core.state.orders.get(match[1]);
		return order ? { status: 200, body: { order: order.body } } : NOT_FOUND;
	}
	return undefined;
}

function shop(core: SandboxCore, req: RestRequest): RestResponse | undefined {
	if (!/^shop(\.json)?$/.test(req.path) || req.method !== 'GET') return undefined;
	const domain = core.config.shopDomain;
	return {
		status: 200,
		body: {
			shop: {
				id: '1',
				name: domain.replace(/\.myshopify\.com$/, ''),
				myshopify_domain: domain,
				domain,
				currency: 'EUR',
				country_code: 'NL',
				iana_timezone: 'Europe/Amsterdam',
			},
		},
	};
}

export function resourceRoutes(core: SandboxCore, req: RestRequest): RestResponse | undefined {
	return (
		products(core, req) ??
		locations(core, req) ??
		inventoryLevels(core, req) ??
		orders(core, req) ??
		shop(core, req)
	);
}
