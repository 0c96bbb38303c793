/**
 * The order flow Account → Item → Sales Order on 200 mapped Shopify orders (30 % by new customers,
 * 1–6 lines over 50 SKUs, shipping on most) against the Exact sandbox: every order is imported
 * exactly once, delivering every order twice more changes nothing, and the Exact calls per order
 * are measured for a new shop, for known customers and items, and per single-order execution.
 */
import { clearProcessMemory } from '../../../nodes/ExactOnline/shared/processMemory';
import { runChain } from './chain';
import { ITEMS, mapSpecs } from './documents';
import { startKit } from './exactTestKit';
import type { Kit } from './exactTestKit';
import { customers, orderSpecs } from './syntheticOrders';
import type { SyntheticCustomer } from './syntheticOrders';

const KNOWN = customers(60, 100);
const NEW = customers(30, 300);
const BATCH = 50;
type Rec = Record<string, unknown>;

async function seedKnownCustomers(kit: Kit, list: SyntheticCustomer[]): Promise<void> {
	const accounts = await kit.seed(
		'crm/Accounts',
		list.map((c) => ({
			Name: c.company ?? `${c.firstName} ${c.lastName}`,
			Status: 'C',
			Email: c.email,
			VATNumber: c.vatNumber,
			CodeAtSupplier: c.id,
			AddressLine1: c.street,
			Postcode: c.postcode,
			City: c.city,
			Country: c.country,
		})),
	);
	await kit.seed(
		'crm/Contacts',
		accounts.map((a, i) => ({
			Account: a.ID,
			FirstName: list[i].firstName,
			LastName: list[i].lastName,
			Email: list[i].email,
		})),
	);
	await kit.seed(
		'crm/Addresses',
		accounts.map((a, i) => ({
			Account: a.ID,
			Type: 4,
			AddressLine1: list[i].street,
			Postcode: list[i].postcode,
			City: list[i].city,
			Country: 'NL',
		})),
	);
}

async function counts(kit: Kit): Promise<Record<string, number>> {
	const sets = [
		'crm/Accounts',
		'crm/Contacts',
		'crm/Addresses',
		'logistics/Items',
		'logistics/SalesItemPrices',
		'salesorder/SalesOrders',
		'salesorder/SalesOrderLines',
	];
	const out: Record<string, number> = {};
	for (const set of sets) out[set] = (await kit.state(set)).length;
	return out;
}

async function importInBatches(kit: Kit, docs: object[], size = BATCH) {
	const orders: Rec[] = [];
	const errors: string[] = [];
	for (let i = 0; i < docs.length; i += size) {
		const result = await runChain(kit, docs.slice(i, i + size));
		orders.push(...(result.orders as Rec[]));
		errors.push(...result.errors);
	}
	return { orders, errors };
}

async function measure(kit: Kit, orders: number, run: () => Promise<unknown>) {
	await kit.clearCalls();
	await run();
	const log = await kit.calls();
	const by: Record<string, number> = {};
	for (const call of log) {
		const key = `${call.method} ${call.path
			.split('/')
			.slice(4)
			.join('/')
			.replace(/\(.*\)$/, '')}`;
		by[key] = (by[key] ?? 0) + 1;
	}
	return { total: log.length, perOrder: Math.round((log.length / orders) * 100) / 100, by };
}

const figures: Record<string, unknown> = {};

describe('order flow: 200 Shopify orders into Exact', () => {
	let kit: Kit;
	const specs = orderSpecs({
		seed: 2026,
		count: 200,
		firstNumber: 10001,
		knownCustomers: KNOWN,
		newCustomers: NEW,
		newShare: 0.3,
		items: ITEMS,
		shippingShare: 0.85,
	});

	beforeAll(async () => {
		kit = await startKit();
		await seedKnownCustomers(kit, KNOWN);
	});
	afterAll(async () => {
		console.log(
			`Exact calls per order (batches of ${BATCH} orders per execution):\n${JSON.stringify(figures, null, 2)}`,
		);
		await kit.close();
	});

	it('has the order mix the scenario asks for', () => {
		const byNew = specs.filter((s) => NEW.includes(s.customer)).length;
		expect(byNew / specs.length).toBeGreaterThan(0.22);
		expect(byNew / specs.length).toBeLessThan(0.38);
		expect(new Set(specs.flatMap((s) => s.lines.map((l) => l.item.sku))).size).toBe(50);
		expect(Math.max(...specs.map((s) => s.lines.length))).toBe(6);
		expect(specs.filter((s) => s.shippingCents !== null).length).toBeGreaterThan(150);
	});

	it('imports every order exactly once into a new shop (items and 30 % of the customers new)', async () => {
		const docs = mapSpecs(specs);
		let result: { orders: Rec[]; errors: string[] } = { orders: [], errors: [] };
		figures.newShop = await measure(
			kit,
			200,
			async () => (result = await importInBatches(kit, docs)),
		);
		expect(result.errors).toEqual([]);
		expect(result.orders).toHaveLength(200);
		expect(result.orders.every((o) => o.action === 'created')).toBe(true);
		expect(
			result.orders.map(
				(o) => (o.exact as Rec & { salesOrder: Rec }).salesOrder.totalDifferenceCents,
			),
		).toEqual(Array(200).fill(0));

		const orders = await kit.state<Rec>('salesorder/SalesOrders');
		const refs = orders.map((o) => o.YourRef).filter((r) => String(r).startsWith('#1'));
		expect(refs.sort()).toEqual(specs.map((s) => `#${s.number}`).sort());
		const lines = await kit.state<Rec>('salesorder/SalesOrderLines');
		const imported = new Set(orders.map((o) => o.OrderID));
		const expectedLines = docs.reduce((n, d) => n + d.lines.length, 0);
		expect(lines.filter((l) => imported.has(l.OrderID))).toHaveLength(expectedLines);

		const accounts = await kit.state<Rec>('crm/Accounts');
		for (const c of [...NEW, ...KNOWN]) {
			const used = specs.some((s) => s.customer === c);
			expect(accounts.filter((a) => String(a.Email).toLowerCase() === c.email).length).toBe(
				used || KNOWN.includes(c) ? 1 : 0,
			);
		}
		const items = await kit.state<Rec>('logistics/Items');
		for (const code of [...ITEMS.map((i) => i.sku), 'SHIPMENT'])
			expect(items.filter((i) => i.Code === code)).toHaveLength(1);
	});

	it('changes nothing when every order is delivered twice more', async () => {
		const before = await counts(kit);
		const results: Array<{ orders: Rec[]; errors: string[] }> = [];
		figures.redeliveredTwice = await measure(kit, 400, async () => {
			results.push(await importInBatches(kit, mapSpecs(specs)));
			results.push(await importInBatches(kit, mapSpecs(specs)));
		});
		for (const result of results) {
			expect(result.errors).toEqual([]);
			expect(result.orders.map((o) => o.action)).toEqual(Array(200).fill('skipped'));
			expect(
				result.orders.every((o) => String(o.reason).startsWith('already imported as sales order')),
			).toBe(true);
		}
		expect(await counts(kit)).toEqual(before);
		const by = (figures.redeliveredTwice as { by: Record<string, number> }).by;
		expect(Object.keys(by).every((k) => k.startsWith('GET '))).toBe(true);
	});

	it('costs at most 2 calls per order with known customers and items', async () => {
		const inExact = [...KNOWN, ...NEW.filter((c) => specs.some((s) => s.customer === c))];
		const steady = orderSpecs({
			seed: 77,
			count: 200,
			firstNumber: 20001,
			knownCustomers: inExact,
			newCustomers: [],
			newShare: 0,
			items: ITEMS,
			shippingShare: 0.85,
		});
		let result: { orders: Rec[]; errors: string[] } = { orders: [], errors: [] };
		const m = await measure(
			kit,
			200,
			async () => (result = await importInBatches(kit, mapSpecs(steady))),
		);
		figures.knownCustomersAndItems = m;
		expect(result.errors).toEqual([]);
		expect(result.orders.every((o) => o.action === 'created')).toBe(true);
		expect(m.by['POST salesorder/SalesOrders']).toBe(200);
		expect(Object.keys(m.by).filter((k) => k.startsWith('POST') || k.startsWith('PUT'))).toEqual([
			'POST salesorder/SalesOrders',
		]);
		// Per execution: one lookup each of accounts, addresses, items and YourRefs, split only where a
		// URL would pass 2,000 characters (the YourRef lookup of 50 orders takes 3 URLs: it also reads
		// each order's customer, to tell another shop's order with the same name apart).
		const lookups = m.total - 200;
		expect(
			Object.keys(m.by)
				.filter((k) => k.startsWith('GET'))
				.sort(),
		).toEqual([
			'GET crm/Accounts',
			'GET crm/Addresses',
			'GET logistics/Items',
			'GET salesorder/SalesOrders',
		]);
		expect(lookups).toBeLessThanOrEqual((200 / BATCH) * 9);
		expect(m.perOrder).toBeLessThanOrEqual(2);
	});

	it('measures one order per execution (one webhook, one run), known and new customers', async () => {
		const known = orderSpecs({
			seed: 5,
			count: 10,
			firstNumber: 30001,
			knownCustomers: KNOWN,
			newCustomers: [],
			newShare: 0,
			items: ITEMS,
			shippingShare: 1,
		});
		const fresh = orderSpecs({
			seed: 6,
			count: 10,
			firstNumber: 30101,
			knownCustomers: KNOWN,
			newCustomers: [],
			newShare: 0,
			items: ITEMS,
			shippingShare: 1,
		}).map((spec, i) => ({ ...spec, customer: customers(1, 501 + i * 2)[0] }));
		const single = async (list: typeof known) => {
			for (const doc of mapSpecs(list)) {
				// Each as the first order after a restart (nothing remembered in process memory).
				clearProcessMemory();
				const result = await runChain(kit, [doc]);
				expect(result.errors).toEqual([]);
				expect(result.orders[0].action).toBe('created');
			}
		};
		figures.singleKnownCustomer = await measure(kit, 10, () => single(known));
		figures.singleNewCustomer = await measure(kit, 10, () => single(fresh));
		expect((figures.singleKnownCustomer as { perOrder: number }).perOrder).toBe(5);
		// Account lookup + account, contact, delivery address + item lookup + YourRef lookup + order.
		expect((figures.singleNewCustomer as { perOrder: number }).perOrder).toBe(7);
	});
});
