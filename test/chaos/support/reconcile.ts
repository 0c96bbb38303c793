/** The end of every scenario: each Shopify order is in Exact exactly once, or reported failed. */
import type { ChaosEnv } from './env';
import type { OrderOutcome } from './pipeline';
import type { ScenarioRow } from './collect';

export interface Reconciliation extends Omit<ScenarioRow, 'scenario' | 'seconds'> {
	/** Orders in Exact more than once, with their count. */
	duplicated: Record<string, number>;
	lostNames: string[];
	failures: Record<string, string>;
	/** Orders reported failed although Exact has them (a false failure). */
	falseFailures: string[];
}

export async function exactOrderCounts(env: ChaosEnv): Promise<Map<string, number>> {
	const answer = await env.admin<{ records: Array<{ YourRef?: string | null }> }>(
		'GET',
		`state/salesorder/SalesOrders?division=${env.division}`,
	);
	const counts = new Map<string, number>();
	for (const r of answer.records) {
		const ref = String(r.YourRef ?? '').trim();
		if (ref) counts.set(ref, (counts.get(ref) ?? 0) + 1);
	}
	return counts;
}

/** Failure texts grouped, numbers blanked so that one reason reads as one line. */
export function reasonSummary(failures: Record<string, string>): string[] {
	const groups = new Map<string, number>();
	for (const text of Object.values(failures)) {
		const key = text
			.replace(/#?\d[\d.,:TZ-]*/g, 'N')
			.replace(/(\S{24})\S+/g, '$1…')
			.slice(0, 110);
		groups.set(key, (groups.get(key) ?? 0) + 1);
	}
	return [...groups].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}× ${k}`);
}

export async function reconcile(
	env: ChaosEnv,
	names: string[],
	outcomes: OrderOutcome[],
): Promise<Reconciliation> {
	const counts = await exactOrderCounts(env);
	const failures: Record<string, string> = {};
	for (const o of outcomes) if (o.error) failures[o.name] = `${o.step}: ${o.error}`;
	const duplicated: Record<string, number> = {};
	const lostNames: string[] = [];
	const falseFailures: string[] = [];
	let imported = 0;
	let failed = 0;
	const failedOnly: Record<string, string> = {};
	for (const name of names) {
		const n = counts.get(name) ?? 0;
		if (n > 1) duplicated[name] = n;
		if (n >= 1) {
			imported++;
			const succeeded = outcomes.some((o) => o.name === name && !o.error);
			if (!succeeded && failures[name]) falseFailures.push(name);
		} else if (failures[name]) {
			failed++;
			failedOnly[name] = failures[name];
		} else lostNames.push(name);
	}
	const duplicates = Object.values(duplicated).reduce((a, n) => a + n - 1, 0);
	return {
		orders: names.length,
		imported,
		failed,
		reasons: reasonSummary(failedOnly),
		duplicates,
		lost: lostNames.length,
		duplicated,
		lostNames,
		failures: failedOnly,
		falseFailures,
	};
}

/** Master data created twice: accounts per e-mail, contacts and addresses per account, items per code. */
export async function duplicateMasterData(env: ChaosEnv): Promise<Record<string, number>> {
	const read = async (set: string) =>
		(
			await env.admin<{ records: Array<Record<string, unknown>> }>(
				'GET',
				`state/${set}?division=${env.division}`,
			)
		).records;
	const extra = (keys: string[]) => {
		const seen = new Map<string, number>();
		for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
		return [...seen.values()].reduce((a, n) => a + n - 1, 0);
	};
	const norm = (v: unknown) =>
		String(v ?? '')
			.trim()
			.toLowerCase();
	const accounts = (await read('crm/Accounts')).filter((a) => a.Email);
	const contacts = await read('crm/Contacts');
	const addresses = (await read('crm/Addresses')).filter((a) => a.Type === 4);
	const items = await read('logistics/Items');
	return {
		accounts: extra(accounts.map((a) => norm(a.Email))),
		contacts: extra(contacts.map((c) => `${norm(c.Account)}|${norm(c.Email)}|${norm(c.LastName)}`)),
		deliveryAddresses: extra(
			addresses.map((a) => `${norm(a.Account)}|${norm(a.AddressLine1)}|${norm(a.Postcode)}`),
		),
		items: extra(items.map((i) => norm(i.Code))),
	};
}
