/**
 * What a merchant wants to see first of an order or refund as it passes a node: which order, what
 * happened, the Exact number, the division and the warnings. Each Exact node puts this `summary`
 * at the top of its output item (the full document follows), and n8n's custom execution data is
 * set from it so the Executions list can be searched by order name.
 */

export type Outcome =
	| 'imported'
	| 'already imported'
	| 'credited'
	| 'already credited'
	| 'skipped'
	| 'in progress'
	| 'failed';

export interface RunSummary {
	/** The Shopify order name, e.g. #1042. */
	order: string | null;
	/** The Shopify refund id (refunds only). */
	refund?: string;
	outcome: Outcome;
	/** Why, when the outcome needs one (e.g. "already imported" as which order). */
	reason?: string;
	/** The Exact sales order number, or the credit note's invoice number. */
	exactNumber: number | null;
	division: number | null;
	warnings: string[];
}

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function numberOrNull(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function warningsOf(json: Json): string[] {
	const list = Array.isArray(json.warnings)
		? json.warnings.filter((w) => typeof w === 'string')
		: [];
	return list as string[];
}

/** The summary of an order or refund document (or a node's output built on one); else null. */
export function summarizeDocument(json: Json): RunSummary | null {
	const references = record(json.references);
	if (json.source !== 'shopify' || !references) return null;
	const exact = record(json.exact) ?? {};
	const division = numberOrNull(exact.division);
	const warnings = warningsOf(json);
	const order = text(references.orderName);
	if (json.type === 'refund') {
		const creditNote = record(exact.creditNote);
		const action = creditNote?.action;
		return {
			order,
			refund: text(references.refundId) ?? undefined,
			outcome:
				action === 'created'
					? 'credited'
					: action === 'skipped'
						? 'already credited'
						: 'in progress',
			...(text(creditNote?.reason) ? { reason: text(creditNote?.reason) as string } : {}),
			exactNumber: numberOrNull(creditNote?.number),
			division,
			warnings,
		};
	}
	const salesOrder = record(exact.salesOrder);
	const skip = record(json.skip);
	const action = salesOrder?.action;
	const outcome: Outcome =
		action === 'created'
			? 'imported'
			: action === 'skipped'
				? 'already imported'
				: skip
					? 'skipped'
					: 'in progress';
	const reason = text(salesOrder?.reason) ?? text(skip?.reason);
	return {
		order,
		outcome,
		...(reason ? { reason } : {}),
		exactNumber: numberOrNull(salesOrder?.number),
		division,
		warnings,
	};
}

/** The output json with its summary first (an existing summary is replaced); unchanged if none. */
export function withSummaryFirst(json: Json): Json {
	const summary = summarizeDocument(json);
	if (!summary) return json;
	const rest = { ...json };
	delete rest.summary;
	return { summary, ...rest };
}

const MAX_VALUE = 255;

function joined(values: Array<string | null | undefined>): string | undefined {
	const unique = [...new Set(values.filter((v): v is string => !!v))];
	if (unique.length === 0) return undefined;
	const all = unique.join(', ');
	return all.length <= MAX_VALUE ? all : `${all.slice(0, MAX_VALUE - 1)}…`;
}

/** A failed item of a node run: the document it carried (if any) and the step that failed. */
export interface FailedRun {
	summary: RunSummary | null;
	step: string;
}

/**
 * n8n's custom execution data for one node run (keys A-Za-z0-9_, values ≤255 characters): order,
 * refund, outcome, exactNumber, division and, after a failure, failedStep. Several orders in one
 * execution: the names joined, the outcome counted ("2 imported, 1 failed").
 */
export function executionData(
	summaries: RunSummary[],
	failures: FailedRun[],
): Record<string, string> {
	const failed = failures.map((f) => f.summary).filter((s): s is RunSummary => s !== null);
	const all = [...summaries, ...failed];
	const data: Record<string, string | undefined> = {
		order: joined(all.map((s) => s.order)),
		refund: joined(all.map((s) => s.refund)),
		exactNumber: joined(
			summaries.map((s) => (s.exactNumber === null ? null : String(s.exactNumber))),
		),
		division: joined(all.map((s) => (s.division === null ? null : String(s.division)))),
		failedStep: joined(failures.map((f) => f.step)),
	};
	const outcomes = [...summaries.map((s) => s.outcome), ...failures.map((): Outcome => 'failed')];
	if (outcomes.length === 1) data.outcome = outcomes[0];
	else if (outcomes.length > 1) {
		const counts = new Map<Outcome, number>();
		for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
		data.outcome = joined([[...counts].map(([o, n]) => `${n} ${o}`).join(', ')]);
	}
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(data)) if (value !== undefined) out[key] = value;
	return out;
}
