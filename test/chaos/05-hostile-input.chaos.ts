/**
 * Scenario 5, hostile and broken input: 72 mutated Shopify orders (missing, null and mistyped
 * fields, ids beyond 2^53, negative and huge amounts, 500-character texts, emoji and RTL, quotes and
 * OData operators in e-mails and SKUs, HTML, unknown countries, invalid VAT numbers), in executions
 * of 8 next to valid orders. Each is imported once (texts shortened with a warning) or rejected
 * naming the order and the field; no execution fails for the others; every $filter sent holds the
 * user's text only inside literals.
 */
import type { ChaosEnv } from './support/env';
import { startChaosEnv } from './support/env';
import { MUTATIONS } from './support/mutations';
import { extractFilter, filterLiterals } from './support/odata';
import { CHAOS_ITEMS } from './support/orders';
import { customers, shopifyOrder } from '../nodes/flow/syntheticOrders';
import { runOrderWorkflow, sharedNodes } from './support/pipeline';
import type { OrderOutcome } from './support/pipeline';
import { exactOrderCounts, reasonSummary } from './support/reconcile';
import { expectNoLeaks, writeRow } from './support/scenario';

let env: ChaosEnv;
const started = Date.now();
const people = customers(MUTATIONS.length, 600);
// One new customer per order, so that each text reaches Exact in a new account and contact.
const bases = MUTATIONS.map((_, i) =>
	shopifyOrder({
		number: 60001 + i,
		customer: people[i],
		guest: false,
		lines: [0, 1, 2]
			.slice(0, 1 + (i % 3))
			.map((k) => ({ item: CHAOS_ITEMS[(i * 3 + k) % CHAOS_ITEMS.length], quantity: 1 + k })),
		shippingCents: i % 4 === 0 ? null : 495,
	}),
);
const mutated = MUTATIONS.map((mutation, i) => {
	const order = JSON.parse(JSON.stringify(bases[i])) as Record<string, any>;
	mutation.mutate(order);
	return { mutation, order, label: `${mutation.label} (#${60001 + i})`, ref: `#${60001 + i}` };
});

beforeAll(async () => {
	env = await startChaosEnv();
	await env.admin('POST', 'vies/invalid', { vatNumbers: ['BE0999999999'] });
});

afterAll(async () => {
	await env.close();
});

describe('scenario 5: hostile and broken orders', () => {
	it('imports or rejects each mutated order on its own, naming the order and the field', async () => {
		const outcomes: OrderOutcome[] = [];
		for (let i = 0; i < mutated.length; i += 8) {
			const batch = mutated.slice(i, i + 8).map((m) => m.order);
			outcomes.push(...(await runOrderWorkflow(env, batch, sharedNodes())));
		}
		const counts = await exactOrderCounts(env);
		const problems: string[] = [];
		let imported = 0;
		const failures: Record<string, string> = {};
		for (const [i, m] of mutated.entries()) {
			const name =
				typeof m.order.name === 'string' && m.order.name.trim()
					? m.order.name.trim()
					: `input item ${i % 8}`;
			const mine = outcomes.filter((o) => o.name === name);
			const say = (text: string) =>
				problems.push(`${m.label}: ${text} ${JSON.stringify(mine).slice(0, 300)}`);
			if (mine.length !== 1) {
				say(`${mine.length} outcomes`);
				continue;
			}
			const [outcome] = mine;
			if (outcome.error) {
				failures[m.label] = outcome.error;
				if (outcome.error.startsWith('execution failed')) say('crashed the execution');
				if (!outcome.error.includes(m.ref)) say('rejection does not name the order');
				if (!m.mutation.field.test(outcome.error))
					say(`rejection does not name the field ${m.mutation.field}`);
				if (counts.get(outcome.yourRef ?? m.ref)) say('rejected but in Exact');
				continue;
			}
			imported++;
			if (outcome.action !== 'created') say(`action ${outcome.action}`);
			if (counts.get(outcome.yourRef ?? '') !== 1)
				say(`in Exact ${counts.get(outcome.yourRef ?? '') ?? 0} times`);
			if (m.mutation.long && !(outcome.warnings ?? []).some((w) => /cut|longer/i.test(w)))
				say('shortened without a warning');
		}
		const rec = {
			orders: mutated.length,
			imported,
			failed: Object.keys(failures).length,
			reasons: reasonSummary(failures),
			duplicates: 0,
			lost: 0,
			duplicated: {},
			lostNames: [],
			failures,
			falseFailures: [],
		};
		writeRow(
			'5 hostile input',
			rec,
			started,
			`${MUTATIONS.length} mutations in executions of 8; every $filter parsed as field-op-literal`,
		);
		expect(problems).toEqual([]);
		expect(imported + rec.failed).toBe(mutated.length);
	});

	it("kept every text within Exact's field lengths", async () => {
		const limits: Record<string, Record<string, number>> = {
			'crm/Accounts': {
				Name: 50,
				Email: 100,
				Phone: 30,
				AddressLine1: 100,
				City: 50,
				Postcode: 20,
			},
			'crm/Contacts': { FirstName: 50, LastName: 50, Email: 100, Phone: 30 },
			'crm/Addresses': { AddressLine1: 100, City: 50, Postcode: 20, Phone: 30 },
			'logistics/Items': { Code: 30, Description: 60 },
			'salesorder/SalesOrders': { YourRef: 30, Description: 60 },
			'salesorder/SalesOrderLines': { Description: 60 },
		};
		const over: string[] = [];
		for (const [set, fields] of Object.entries(limits)) {
			const { records } = await env.admin<{ records: Array<Record<string, unknown>> }>(
				'GET',
				`state/${set}?division=${env.division}`,
			);
			for (const record of records) {
				for (const [field, max] of Object.entries(fields)) {
					const value = record[field];
					if (typeof value === 'string' && Array.from(value).length > max)
						over.push(`${set}.${field}: ${Array.from(value).length} > ${max}`);
				}
			}
		}
		expect(over).toEqual([]);
	});

	it('sent every $filter as field-op-literal comparisons only', async () => {
		const log = (
			await env.admin<{ calls: Array<{ method: string; query: string }> }>('GET', 'calls')
		).calls;
		const bad: string[] = [];
		const literals = new Set<string>();
		let filters = 0;
		for (const call of log) {
			const filter = extractFilter(call.query);
			if (filter === undefined) continue;
			filters++;
			try {
				for (const literal of filterLiterals(filter)) literals.add(literal.trim().toLowerCase());
			} catch (error) {
				bad.push((error as Error).message);
			}
		}
		// The reader refuses what an injection would look like, and keeps quotes inside literals.
		expect(() => filterLiterals("Email eq 'a' or 1 eq 1")).toThrow();
		expect(() => filterLiterals("Email eq 'a' or Email ne 'b'')")).toThrow();
		expect(filterLiterals("(Code eq 'A''B' or trim(Code) eq 'C')")).toEqual(["A'B", 'C']);
		expect(filters).toBeGreaterThan(20);
		expect(bad).toEqual([]);
		// Each hostile value that was looked up reached Exact whole, inside one literal.
		const hostile = mutated.flatMap((m) => m.mutation.filterValues?.(m.order) ?? []);
		expect(hostile.length).toBeGreaterThanOrEqual(8);
		expect(hostile.filter((value) => !literals.has(value.trim().toLowerCase()))).toEqual([]);
		expectNoLeaks(env);
	});
});
