/**
 * Scenario 5: CPU of the pure core, no I/O. Mapping + VAT classification (the Map Shopify Order and
 * VAT Resolver nodes' work without their API calls) of seeded synthetic orders, against the VAT
 * codes of the sandbox division; and the existing mapping-only bench (bench/mapping.bench.ts, run
 * in this process) over the real fixtures, for reference.
 */
import path from 'path';

import type { EnrichedOrderDocument } from '../../../nodes/core/document';
import { mapShopifyOrder } from '../../../nodes/core/mapping';
import { validateVatNumber } from '../../../nodes/core/vat';
import type { ExactVatCode } from '../../../nodes/core/vat';
import { applyResolvedVat, resolveDocumentVat } from '../../../nodes/core/vat/resolveDocument';
import { orderSet } from '../data/orders';
import type { BenchEnv } from '../env';
import { round } from './orderRuns';

export interface CpuConfig {
	seed: number;
	orders: number;
}

export interface CpuResult {
	config: CpuConfig;
	/** Distinct synthetic orders cycled (customers and carts vary; all kinds of sale occur). */
	distinctOrders: number;
	lines: number;
	ms: number;
	ordersPerSecond: number;
	/** The same orders, mapping only (what the VAT step adds is the difference). */
	mappingOnlyOrdersPerSecond: number;
	treatments: Record<string, number>;
	/** bench/mapping.bench.ts: mapping only, real fixtures. */
	mappingOnly: { orders: number; ms: number; ordersPerSecond: number } | null;
}

const DISTINCT = 1000;

function vatOf(doc: EnrichedOrderDocument, vatCodes: ExactVatCode[]): EnrichedOrderDocument {
	const raw = doc.customer.vatNumber;
	const valid = raw ? validateVatNumber(raw, doc.invoiceAddress?.countryCode ?? null).valid : null;
	const resolved = resolveDocumentVat(doc, {
		sellerCountry: 'NL',
		sellerUsesOss: true,
		shippingMode: 'proRata',
		vatCodes,
		mapping: [],
		vatNumberValid: valid,
	});
	if (resolved.errors.length)
		throw new Error(`${doc.references.orderName}: ${resolved.errors.join('; ')}`);
	return applyResolvedVat(doc, resolved);
}

/** Runs bench/mapping.bench.ts in this process (it prints a JSON line) and reads its figures. */
function mappingBench(orders: number): CpuResult['mappingOnly'] {
	const file = path.resolve(__dirname, '../../mapping.bench.ts');
	const argv = process.argv;
	const log = console.log;
	const lines: string[] = [];
	process.argv = [argv[0], file, String(orders)];
	console.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
	try {
		delete require.cache[require.resolve(file)];
		require(file);
	} finally {
		process.argv = argv;
		console.log = log;
	}
	const json = lines
		.map((l) => l.trim())
		.reverse()
		.find((l) => l.startsWith('{'));
	if (!json) return null;
	const parsed = JSON.parse(json) as { orders: number; ms: number; ordersPerSecond: number };
	return { orders: parsed.orders, ms: parsed.ms, ordersPerSecond: parsed.ordersPerSecond };
}

export async function runCpuScenario(env: BenchEnv, config: CpuConfig): Promise<CpuResult> {
	const { records } = await env.exactAdmin<{ records: ExactVatCode[] }>(
		'GET',
		'state/vat/VATCodes',
	);
	const payloads = orderSet({
		seed: config.seed,
		orders: Math.min(DISTINCT, config.orders),
		knownCustomers: 400,
		knownSkus: 200,
		newCustomerShare: 0,
		newSkus: 0,
	}).orders;
	// As in the order flow: the shop's prices include VAT and are posted so (the division's OSS codes are incl.).
	const run = (order: unknown) =>
		vatOf(
			mapShopifyOrder(order, { pricesPosted: 'incl' }) as unknown as EnrichedOrderDocument,
			records,
		);
	const treatments: Record<string, number> = {};
	for (const order of payloads) {
		for (const line of run(order).lines) {
			const t = line.vat?.treatment ?? 'none';
			treatments[t] = (treatments[t] ?? 0) + 1;
		}
	}
	const timed = (fn: (order: unknown) => { lines: unknown[] }) => {
		let count = 0;
		const started = process.hrtime.bigint();
		for (let i = 0; i < config.orders; i++) count += fn(payloads[i % payloads.length]).lines.length;
		return { lines: count, ms: Number(process.hrtime.bigint() - started) / 1e6 };
	};
	const { lines, ms } = timed(run);
	const mappingMs = timed((order) => mapShopifyOrder(order, { pricesPosted: 'incl' })).ms;
	return {
		config,
		distinctOrders: payloads.length,
		lines,
		ms: round(ms, 1),
		ordersPerSecond: Math.round((config.orders / ms) * 1000),
		mappingOnlyOrdersPerSecond: Math.round((config.orders / mappingMs) * 1000),
		treatments,
		mappingOnly: mappingBench(config.orders),
	};
}
