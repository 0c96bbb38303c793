/**
 * Resolve → plan → write for deduplicated quantity requests. Shopify applies a batch all or
 * nothing: when a quantity in it is refused, the others were not written either. Refused quantities
 * that mean "cannot take stock" become skips, stale compare values are re-read, and the batch is
 * sent once more; anything still refused is an error.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { chunk, MAX_QUANTITIES_PER_SET } from '../core/stock/batching';
import {
	buildSetInput,
	classifyUserError,
	planWrites,
	userErrorIndex,
} from '../core/stock/inventoryPlan';
import type {
	PlannedWrite,
	QuantityRequest,
	SkipReason,
	UserError,
} from '../core/stock/inventoryPlan';
import type { ShopifyEndpoint } from '../core/stock/shopifyEndpoint';
import { rememberQuantity, resolveSkus } from './resolveSkus';
import { shopifyGraphql } from './transport';

export interface Outcome {
	index: number;
	action: 'updated' | 'skipped' | 'error';
	reason?: SkipReason;
	error?: string;
	sku?: string;
	locationId?: string;
	quantity?: number;
	previous?: number;
	variantId?: string;
	inventoryItemId?: string;
}

const SET_MUTATION =
	'mutation SetAvailable($input: InventorySetQuantitiesInput!) {' +
	' inventorySetQuantities(input: $input) {' +
	' inventoryAdjustmentGroup { id } userErrors { field message code } } }';

/** Shopify prices every mutation at 10 points. */
const MUTATION_COST = 10;

interface SetResponse {
	inventorySetQuantities: {
		inventoryAdjustmentGroup: { id: string } | null;
		userErrors: UserError[];
	} | null;
}

function requestsOf(writes: PlannedWrite[]): QuantityRequest[] {
	return writes.map((w) => ({
		index: w.index,
		sku: w.sku,
		locationId: w.locationId,
		quantity: w.quantity,
	}));
}

function locationsOf(requests: QuantityRequest[]): string[] {
	return [...new Set(requests.map((r) => r.locationId))];
}

export async function writeQuantities(
	ctx: IExecuteFunctions,
	endpoint: ShopifyEndpoint,
	requests: QuantityRequest[],
	settings: { reason: string; reference: string },
): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	const variants = await resolveSkus(
		ctx,
		endpoint,
		requests.map((r) => r.sku),
		locationsOf(requests),
	);
	const plan = planWrites(requests, variants);
	for (const skip of plan.skips) {
		outcomes.push({ ...skip, previous: skip.current ?? undefined, action: 'skipped' });
	}
	for (const batch of chunk(plan.writes, MAX_QUANTITIES_PER_SET)) {
		outcomes.push(...(await writeBatch(ctx, endpoint, batch, settings)));
	}
	return outcomes;
}

async function sendBatch(
	ctx: IExecuteFunctions,
	endpoint: ShopifyEndpoint,
	batch: PlannedWrite[],
	settings: { reason: string; reference: string },
): Promise<UserError[]> {
	const data = await shopifyGraphql<SetResponse>(ctx, endpoint, {
		query: SET_MUTATION,
		variables: {
			input: buildSetInput(
				batch,
				endpoint.apiVersion,
				settings.reason,
				settings.reference,
			) as unknown as JsonObject,
		},
		estimatedCost: MUTATION_COST,
		itemIndex: batch[0]?.index,
		purpose: 'set available quantities',
	});
	const payload = data.inventorySetQuantities;
	if (!payload) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Shopify returned no result for inventorySetQuantities',
			{
				itemIndex: batch[0]?.index,
			},
		);
	}
	return payload.userErrors ?? [];
}

async function writeBatch(
	ctx: IExecuteFunctions,
	endpoint: ShopifyEndpoint,
	first: PlannedWrite[],
	settings: { reason: string; reference: string },
): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	let batch = first;
	let staleRetries = 0;
	while (batch.length > 0) {
		const errors = await sendBatch(ctx, endpoint, batch, settings);
		if (errors.length === 0) {
			for (const w of batch) {
				rememberQuantity(ctx, endpoint, w.sku, w.locationId, w.quantity);
				outcomes.push({ ...w, previous: w.current, action: 'updated' });
			}
			return outcomes;
		}
		const unplaced = errors.filter(
			(e) => userErrorIndex(e) === undefined || !batch[userErrorIndex(e) as number],
		);
		const failing = errors.filter((e) => classifyUserError(e).kind === 'fail');
		const staleAgain =
			staleRetries >= 1 && errors.some((e) => classifyUserError(e).kind === 'stale');
		if (unplaced.length > 0 || failing.length > 0 || staleAgain) {
			const text = [...unplaced, ...failing, ...errors].map(
				(e) => `${e.code ?? 'ERROR'}: ${e.message}`,
			);
			throw new NodeApiError(ctx.getNode(), { userErrors: errors } as unknown as JsonObject, {
				message: `Shopify refused the stock update: ${[...new Set(text)].join('; ').slice(0, 400)}`,
				itemIndex: batch[userErrorIndex(errors[0]) ?? 0]?.index,
			});
		}
		const stale = new Set<number>();
		const skipped = new Map<number, SkipReason>();
		for (const error of errors) {
			const at = userErrorIndex(error) as number;
			const verdict = classifyUserError(error);
			if (verdict.kind === 'stale') stale.add(at);
			if (verdict.kind === 'skip') skipped.set(at, verdict.reason);
		}
		const next: PlannedWrite[] = [];
		const reread: PlannedWrite[] = [];
		batch.forEach((w, at) => {
			const reason = skipped.get(at);
			if (reason) outcomes.push({ ...w, previous: w.current, action: 'skipped', reason });
			else if (stale.has(at)) reread.push(w);
			else next.push(w);
		});
		if (reread.length > 0) {
			staleRetries++;
			const requests = requestsOf(reread);
			const fresh = await resolveSkus(
				ctx,
				endpoint,
				requests.map((r) => r.sku),
				locationsOf(requests),
				{
					fresh: true,
				},
			);
			const replanned = planWrites(requests, fresh);
			for (const skip of replanned.skips) {
				outcomes.push({ ...skip, previous: skip.current ?? undefined, action: 'skipped' });
			}
			next.push(...replanned.writes);
		}
		batch = next;
	}
	return outcomes;
}
