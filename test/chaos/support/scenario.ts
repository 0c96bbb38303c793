/** Shared steps of the scenario files: Shopify deliveries to the receiver, the row, the secrets grep. */
import { leakedSecrets, readCollected, recordOutput, recordRow } from './collect';
import type { ScenarioRow } from './collect';
import type { ChaosEnv } from './env';
import type { OrderOutcome } from './pipeline';
import type { Reconciliation } from './reconcile';

export interface DeliverySummary {
	events: number;
	deliveries: number;
	delivered: number;
	failed: number;
}

/** Delivers events through the Shopify sandbox (signed, as Shopify does) to `address`. */
export async function deliver(
	env: ChaosEnv,
	address: string,
	events: Array<{ topic: string; payload: unknown }>,
	options: { copies?: number; concurrent?: number | boolean; order?: string; seed?: number } = {},
): Promise<DeliverySummary> {
	const answer = await env.shopifyAdmin<{ summary: DeliverySummary }>('POST', 'webhooks/deliver', {
		events,
		address,
		retries: 0,
		timeoutMs: 180_000,
		...options,
	});
	return answer.summary;
}

export function writeRow(
	scenario: string,
	rec: Reconciliation,
	started: number,
	notes?: string,
	/** Orders that failed before the scenario's retry (default: the final failures, no retry). */
	firstPassFailed?: number,
): ScenarioRow {
	const row: ScenarioRow = {
		scenario,
		orders: rec.orders,
		imported: rec.imported,
		failed: rec.failed,
		firstPassFailed: firstPassFailed ?? rec.failed,
		reasons: rec.reasons,
		duplicates: rec.duplicates,
		lost: rec.lost,
		seconds: Math.round((Date.now() - started) / 100) / 10,
		notes,
	};
	recordRow(row);
	recordOutput('row', row);
	return row;
}

/** No secret of this scenario in anything collected so far. */
export function expectNoLeaks(env: ChaosEnv): void {
	expect(leakedSecrets(readCollected(), env.secrets())).toEqual([]);
}

export const count = (outcomes: OrderOutcome[], test: (o: OrderOutcome) => boolean): number =>
	outcomes.filter(test).length;
