/**
 * Throughput of the pure mapping: validates and maps 10,000 Shopify orders (the order fixtures
 * that map, cycled) and prints orders per second, as a line and as JSON. No assertions.
 *
 *   npx ts-node --transpile-only bench/mapping.bench.ts [orders]
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

import { mapShopifyOrder, parseShopifyJson } from '../nodes/core';

const ROOT = path.resolve(__dirname, '../test/fixtures/shopify');
const ORDERS = Number(process.argv[2] ?? 10_000);

function orderFiles(dir: string, prefix = ''): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) return orderFiles(path.join(dir, entry.name), relative);
		const isOrder = /^(orders?-.*|order)\.json$/.test(entry.name) || prefix === 'synthetic';
		return isOrder && entry.name.endsWith('.json') ? [relative] : [];
	});
}

function load(file: string): unknown {
	const parsed = parseShopifyJson(readFileSync(path.join(ROOT, file), 'utf8')) as Record<
		string,
		unknown
	>;
	return file.startsWith('docs-webhooks-') ? parsed.response : parsed;
}

const payloads = orderFiles(ROOT)
	.map(load)
	.filter((payload) => {
		try {
			mapShopifyOrder(payload);
			return true;
		} catch {
			return false; // the anonymized exemplar (placeholder amounts) is refused by design
		}
	});

// Warm up the JIT on 3,000 orders, then measure.
for (let i = 0; i < 3000; i++) mapShopifyOrder(payloads[i % payloads.length]);

let lines = 0;
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
for (let i = 0; i < ORDERS; i++)
	lines += mapShopifyOrder(payloads[i % payloads.length]).lines.length;
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore);
// CPU time is what this process used; wall time also counts waiting for other processes on a busy machine.
const cpuMs = (cpu.user + cpu.system) / 1000;
const ordersPerSecond = Math.round((ORDERS / ms) * 1000);

console.log(
	`mapped ${ORDERS} orders (${lines} lines, ${payloads.length} fixtures cycled) in ${ms.toFixed(1)} ms ` +
		`(${cpuMs.toFixed(1)} ms CPU): ${ordersPerSecond} orders/s`,
);
console.log(
	JSON.stringify({
		bench: 'mapping',
		orders: ORDERS,
		lines,
		fixtures: payloads.length,
		ms: Number(ms.toFixed(1)),
		cpuMs: Number(cpuMs.toFixed(1)),
		ordersPerSecond,
	}),
);
