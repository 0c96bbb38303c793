/** The sandbox's own control API under /__sandbox/ (JSON, no auth). Ids come back as strings. */
import {
	addLocations,
	addProducts,
	SandboxInputError,
	type LocationSeed,
	type ProductSeed,
} from '../catalog';
import type { FaultMode, SandboxCore, Settings } from '../core';
import { toPlain, type JsonObject } from '../json';
import { sortedOrders } from '../orders';
import { createSubscription } from '../rest/webhooks';
import { webhookJson } from '../rest/serialize';
import { resolveVersion, SUPPORTED_VERSIONS } from '../versions';
import { payoutJson, seedPayouts, setPayoutStatus } from '../payouts';
import { deliverRoute, eventsOf, ordersRoute } from './deliver';
import { inventoryReport, setInventory } from './inventory';

export interface AdminResponse {
	status: number;
	body: unknown;
}

const ok = (body: unknown): AdminResponse => ({ status: 200, body });

const ENDPOINTS = [
	'POST /__sandbox/reset {seed?: false | mode?: "demo"|"empty"}',
	'GET|PUT /__sandbox/settings',
	'GET|POST /__sandbox/products, GET|POST /__sandbox/locations',
	'GET /__sandbox/inventory?sku=&locationId=, PUT /__sandbox/inventory {levels}',
	'GET /__sandbox/adjustments',
	'POST /__sandbox/webhooks/deliver {topic, payloads | events, copies, concurrent, order, seed}',
	'GET|POST|DELETE /__sandbox/webhooks, DELETE /__sandbox/webhooks/{id}',
	'GET|DELETE /__sandbox/deliveries',
	'GET|POST /__sandbox/orders {orders, topics, commitInventory, …delivery options}',
	'GET|POST /__sandbox/payouts {payouts: [{id?, status?, issuedAt?, currency?, transactions: [{type, amount, fee?, orderId?}]}]}, PUT /__sandbox/payouts/{id} {status}',
	'GET|DELETE /__sandbox/calls',
	'GET|POST|DELETE /__sandbox/faults',
];

const NUMERIC_SETTINGS: (keyof Settings)[] = [
	'bucketSize',
	'restoreRate',
	'maxQueryCost',
	'restBucketSize',
	'restLeakRate',
	'deliveryRetries',
	'deliveryRetryDelayMs',
	'deliveryTimeoutMs',
];

function updateSettings(core: SandboxCore, body: JsonObject): AdminResponse {
	const next: Settings = { ...core.settings };
	for (const [key, value] of Object.entries(body)) {
		if ((NUMERIC_SETTINGS as string[]).includes(key)) {
			if (typeof value !== 'number' || !(value >= 0))
				throw new SandboxInputError(`${key} must be a number >= 0`);
			(next as unknown as Record<string, number>)[key] = value;
		} else if (key === 'apiVersionDefault') {
			if (typeof value !== 'string' || !resolveVersion(value))
				throw new SandboxInputError(`unsupported version ${String(value)}`);
			next.apiVersionDefault = value;
		} else if (key === 'autoWebhooks' || key === 'fuzzySkuSearch') {
			if (typeof value !== 'boolean') throw new SandboxInputError(`${key} must be a boolean`);
			next[key] = value;
		} else if (key !== 'currentlyAvailable') {
			throw new SandboxInputError(`unknown setting ${key}`);
		}
	}
	const bucketChanged =
		next.bucketSize !== core.settings.bucketSize || next.restoreRate !== core.settings.restoreRate;
	core.settings = next;
	if (bucketChanged) core.bucket.configure(next.bucketSize, next.restoreRate);
	core.restBucket.configure(next.restBucketSize, next.restLeakRate, core.restBucket.available());
	if (typeof body.currentlyAvailable === 'number') core.bucket.setLevel(body.currentlyAvailable);
	return ok(settingsView(core));
}

function settingsView(core: SandboxCore) {
	return { ...core.settings, currentlyAvailable: Math.floor(core.bucket.available()) };
}

function addFault(core: SandboxCore, body: JsonObject): AdminResponse {
	const mode = (body.mode ?? 'status') as FaultMode;
	if (!['status', 'reset', 'delay', 'dropAfterCommit'].includes(mode))
		throw new SandboxInputError(`unknown fault mode ${mode}`);
	const fault = core.addFault({
		pathPrefix:
			typeof body.pathPrefix === 'string'
				? body.pathPrefix
				: typeof body.path === 'string'
					? body.path
					: '/admin/api/',
		method: typeof body.method === 'string' ? body.method.toUpperCase() : null,
		remaining: typeof body.count === 'number' ? body.count : 1,
		mode,
		status: typeof body.status === 'number' ? body.status : 500,
		delayMs: typeof body.delayMs === 'number' ? body.delayMs : 10_000,
		body: body.body ?? null,
	});
	return { status: 201, body: { fault } };
}

function listOf<T>(body: JsonObject | JsonObject[], key: string): T[] {
	const list = Array.isArray(body) ? body : body[key];
	if (!Array.isArray(list)) throw new SandboxInputError(`${key} (array) is required`);
	return toPlain(list) as T[];
}

function productsView(core: SandboxCore) {
	const state = core.state;
	return state.sortedProducts().map((p) => ({
		id: p.id,
		title: p.title,
		variants: p.variantIds.map((id) => {
			const v = state.variants.get(id);
			const item = v && state.itemOfVariant(v);
			return {
				id,
				sku: v?.sku ?? null,
				inventoryItemId: item?.id ?? null,
				tracked: item?.tracked ?? null,
				requiresComponents: v?.requiresComponents ?? null,
			};
		}),
	}));
}

export async function adminRoute(
	core: SandboxCore,
	method: string,
	path: string,
	query: Record<string, string>,
	body: JsonObject,
): Promise<AdminResponse | undefined> {
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	const state = core.state;
	switch (route) {
		case 'GET /__sandbox':
			return ok({
				endpoints: ENDPOINTS,
				shopDomain: core.config.shopDomain,
				baseUrl: core.baseUrl,
				versions: SUPPORTED_VERSIONS,
			});
		case 'POST /__sandbox/reset':
			core.reset(body.seed !== false && body.mode !== 'empty');
			return ok({ reset: true });
		case 'GET /__sandbox/settings':
			return ok(settingsView(core));
		case 'PUT /__sandbox/settings':
		case 'POST /__sandbox/settings':
			return updateSettings(core, body);
		case 'GET /__sandbox/products':
			return ok({ products: productsView(core) });
		case 'POST /__sandbox/products':
			addProducts(state, listOf<ProductSeed>(body, 'products'));
			return ok({ products: productsView(core) });
		case 'GET /__sandbox/locations':
			return ok({ locations: state.sortedLocations() });
		case 'POST /__sandbox/locations':
			return ok({ locations: addLocations(state, listOf<LocationSeed>(body, 'locations')) });
		case 'GET /__sandbox/inventory':
			return ok(inventoryReport(core, query));
		case 'PUT /__sandbox/inventory':
		case 'POST /__sandbox/inventory':
			setInventory(core, listOf<JsonObject>(body, 'levels'));
			return ok(inventoryReport(core, {}));
		case 'GET /__sandbox/adjustments':
			return ok({ adjustmentGroups: [...state.adjustmentGroups.values()] });
		case 'POST /__sandbox/webhooks/deliver':
			return deliverRoute(core, eventsOf(body), body);
		case 'GET /__sandbox/webhooks':
			return ok({ webhooks: [...core.subscriptions.values()].map(webhookJson).map(toPlain) });
		case 'POST /__sandbox/webhooks': {
			const version =
				typeof body.apiVersion === 'string' ? body.apiVersion : core.settings.apiVersionDefault;
			if (!resolveVersion(version)) throw new SandboxInputError(`unsupported version ${version}`);
			const result = createSubscription(core, body, version);
			return { status: result.status, body: toPlain(result.body) };
		}
		case 'DELETE /__sandbox/webhooks':
			core.subscriptions.clear();
			return ok({ deleted: true });
		case 'GET /__sandbox/deliveries':
			return ok({ deliveries: core.deliveries });
		case 'DELETE /__sandbox/deliveries':
			core.deliveries = [];
			return ok({ deleted: true });
		case 'GET /__sandbox/orders':
			return ok({ orders: sortedOrders(core).map((o) => toPlain(o.body)) });
		case 'POST /__sandbox/orders':
			return ordersRoute(core, body);
		case 'GET /__sandbox/payouts':
			return ok({
				payouts: state.payouts.sortedPayouts().map((p) => payoutJson(state.payouts, p)),
			});
		case 'POST /__sandbox/payouts': {
			const stored = seedPayouts(core, listOf<JsonObject>(body, 'payouts'));
			return { status: 201, body: { payouts: stored.map((p) => payoutJson(state.payouts, p)) } };
		}
		case 'GET /__sandbox/calls':
			return ok({ calls: core.calls });
		case 'DELETE /__sandbox/calls':
			core.calls = [];
			return ok({ deleted: true });
		case 'GET /__sandbox/faults':
			return ok({ faults: core.faults });
		case 'POST /__sandbox/faults':
			return addFault(core, body);
		case 'DELETE /__sandbox/faults':
			core.faults = [];
			return ok({ deleted: true });
	}
	const payout = /^PUT \/__sandbox\/payouts\/([0-9]+)$/.exec(route);
	if (payout) {
		return ok({ payout: payoutJson(state.payouts, setPayoutStatus(core, payout[1], body.status)) });
	}
	const webhook = /^DELETE \/__sandbox\/webhooks\/([0-9]+)$/.exec(route);
	if (webhook) {
		return core.subscriptions.delete(webhook[1])
			? ok({ deleted: true })
			: { status: 404, body: { error: 'Not Found' } };
	}
	return undefined;
}
