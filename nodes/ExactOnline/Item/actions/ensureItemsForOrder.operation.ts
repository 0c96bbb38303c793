/**
 * Ensure Items For Order: one batched lookup of every line's item code over all input documents,
 * creation of the missing items (the shipping item on first use), and `itemId` on every line.
 */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { EnrichedOrderDocument } from '../../../core/document';
import {
	codeKey,
	documentItemCodes,
	lineCodeProblems,
	planNewItems,
} from '../../../core/exact/itemDraft';
import type { NewItemPlan } from '../../../core/exact/itemDraft';
import { isNonTurnover, leaveOutUnbookedLines } from '../../../core/exact/nonTurnover';
import type { NonTurnoverAccounts } from '../../../core/exact/nonTurnover';
import {
	documentOutput,
	orderLabel,
	readOrderDocument,
} from '../../../core/exact/orderDocumentInput';
import { createKeyedLock } from '../../shared/keyedLock';
import { memoryScope, sharedMap } from '../../shared/processMemory';
import { resolveDivision } from '../../shared/transport/division';
import { runBatch } from '../../shared/runner';
import type { BatchResult } from '../../shared/runner';
import { getExactCallCount } from '../../shared/transport';
import { openItemMemo } from './itemMemo';
import { findItemsByCodes, itemWriteCheck, postItem, setSalesPrices } from './common';
import type { ItemRecord } from './common';

const properties: INodeProperties[] = [
	{
		displayName: 'Item Group Name or ID',
		name: 'itemGroup',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getItemGroupsOrDefault' },
		default: '',
		description:
			'Item group of new product items (it decides their revenue and stock accounts). Empty: Exact\'s default group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Gift Card G/L Account Name or ID',
				name: 'giftCardGlAccount',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGlAccounts' },
				default: '',
				description:
					'Account a new gift card item books on: a liability (e.g. gift cards outstanding), since a sold gift card is not turnover until it is redeemed. None: gift card lines are left out of the order (with a warning) unless the item exists in Exact. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Import Duty G/L Account Name or ID',
				name: 'dutyGlAccount',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGlAccounts' },
				default: '',
				description:
					'Account a new import duty item books on (duties are passed on to customs, not turnover). None: duty lines are left out (with a warning) unless the item exists in Exact. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Mark as Webshop Items',
				name: 'webshopItem',
				type: 'boolean',
				default: true,
				description: 'Whether new items are marked as webshop items in Exact',
			},
			{
				displayName: 'Products Are Stock Items',
				name: 'productsAreStockItems',
				type: 'boolean',
				default: true,
				description:
					'Whether new product items keep stock in Exact (products that need no shipping, and the shipping, tip and duty items, never do)',
			},
			{
				displayName: 'Remember Found Records Between Runs',
				name: 'rememberRecords',
				type: 'boolean',
				default: true,
				description:
					'Whether to remember the Exact item of each item code, so an order of known products costs no item lookup. Kept for 24 hours (up to 5,000 codes per credential and division) in the memory of this n8n process, shared at once by all runs, even those at the same moment, and with the workflow (saved by successful runs of the active workflow) so it survives a restart. In queue mode each worker has its own memory. Items that are not sales items are not remembered. A remembered item that was deleted in Exact makes the sales order fail: then turn on Reset Cache once, or retry the failed execution (a retry looks everything up again).',
			},
			{
				displayName: 'Reset Cache',
				name: 'resetCache',
				type: 'boolean',
				default: false,
				description:
					'Whether to forget every remembered item before this run (use it once after deleting or recoding items in Exact, then turn it off again)',
			},
			{
				displayName: 'Set Sales Price',
				name: 'setSalesPrice',
				type: 'boolean',
				default: true,
				description:
					"Whether a new product item gets the order line's unit price excl. VAT as its sales price (one extra call per new item).",
			},
			{
				displayName: 'Shipping Item Group Name or ID',
				name: 'shippingItemGroup',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getItemGroupsOrDefault' },
				default: '',
				description:
					'Item group of the shipping, tip, duty and rounding items. Empty: the item group above. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Tip G/L Account Name or ID',
				name: 'tipGlAccount',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGlAccounts' },
				default: '',
				description:
					'Account a new tip item books on (tips belong to the staff, not turnover). None: tip lines are left out (with a warning) unless the item exists in Exact. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['ensureItemsForOrder'] } },
	properties,
);

interface Options {
	webshopItem?: boolean;
	productsAreStockItems?: boolean;
	setSalesPrice?: boolean;
	shippingItemGroup?: string;
	rememberRecords?: boolean;
	resetCache?: boolean;
	giftCardGlAccount?: string;
	tipGlAccount?: string;
	dutyGlAccount?: string;
}

function glAccounts(options: Options): NonTurnoverAccounts {
	const id = (value: string | undefined) => value?.trim() || null;
	return {
		giftCard: id(options.giftCardGlAccount),
		tip: id(options.tipGlAccount),
		duty: id(options.dutyGlAccount),
	};
}

/**
 * Creates are serialised per (credential, site, division, code) in this process, and the items this
 * process created are kept here: concurrent executions (a burst of order webhooks) that all looked
 * an unknown code up before the first create take the item the first one made, instead of posting a
 * second create that Exact refuses (a failed POST and a look-up: 2 calls each).
 */
const withItemCodeLock = createKeyedLock();
const CREATED_ITEMS_SLOT = 'createdItems';

/**
 * Creates the planned items in order; a failed create fails only the orders that need that item.
 * `byOther`: the codes another execution created meanwhile (it sets their sales price). Only an
 * item created after `lookedUpAt` is taken: one created before it that the look-up did not find
 * was deleted in Exact since.
 */
async function createItems(
	ctx: IExecuteFunctions,
	plans: Array<NewItemPlan & { owner: number }>,
	found: Map<string, ItemRecord>,
	calls: number[],
	lookedUpAt: number,
): Promise<{ failures: Map<string, Error>; byOther: Set<string> }> {
	const failures = new Map<string, Error>();
	const byOther = new Set<string>();
	if (plans.length === 0) return { failures, byOther };
	const scope = await memoryScope(ctx, await resolveDivision.call(ctx, plans[0].owner));
	const created = sharedMap<{ record: ItemRecord; at: number }>(CREATED_ITEMS_SLOT, scope, 5_000);
	for (const plan of plans) {
		const before = getExactCallCount.call(ctx);
		const key = codeKey(plan.code);
		try {
			const record = await withItemCodeLock(`${scope}|${key}`, async () => {
				const made = created.get(key);
				if (made && made.at >= lookedUpAt) {
					byOther.add(key);
					return made.record;
				}
				const posted = await postItem(ctx, {
					code: plan.code,
					body: plan.body,
					itemIndex: plan.owner,
				});
				created.set(key, { record: posted, at: Date.now() });
				return posted;
			});
			found.set(key, record);
		} catch (error) {
			// Another execution may have created the code since our lookup (Exact refuses a second
			// item with the same code): use that item instead of failing the order.
			const raced =
				(error as { httpCode?: unknown }).httpCode === '500'
					? await itemWriteCheck(ctx, plan.code, plan.owner)().catch(() => undefined)
					: undefined;
			if (raced) {
				found.set(key, raced);
				byOther.add(key);
			} else failures.set(key, error as Error);
		}
		calls[plan.owner] += getExactCallCount.call(ctx) - before;
	}
	return { failures, byOther };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBatch.call(this, async (items) => {
		const itemGroup = String(this.getNodeParameter('itemGroup', 0, '') ?? '').trim() || null;
		const options = this.getNodeParameter('options', 0, {}) as Options;
		const docs: Array<EnrichedOrderDocument | Error> = items.map((item, i) => {
			try {
				const doc = readOrderDocument(item.json, i);
				const problems = doc.skip ? [] : lineCodeProblems(doc);
				return problems.length ? new Error(problems.join('; ')) : doc;
			} catch (error) {
				return error as Error;
			}
		});
		const active = docs
			.map((doc, index) => ({ doc, index }))
			.filter(
				(d): d is { doc: EnrichedOrderDocument; index: number } =>
					!(d.doc instanceof Error) && !d.doc.skip,
			);
		const memo = await openItemMemo(this, options);
		const lookedUpAt = Date.now();
		const codes = documentItemCodes(active.map((a) => a.doc));
		const remembered = memo.recall(codes);
		const found = await findItemsByCodes(
			this,
			codes.filter((code) => !remembered.has(codeKey(code))),
		);
		for (const [key, record] of remembered) found.set(key, record);
		// Gift cards, tips and duties never land on the default revenue account (nonTurnover.ts).
		const accounts = glAccounts(options);
		const leftOut = new Map<EnrichedOrderDocument, string[]>();
		for (const { doc } of active) {
			const warnings = leaveOutUnbookedLines(doc, accounts, (code) => found.has(codeKey(code)));
			if (warnings.length) leftOut.set(doc, warnings);
		}
		const calls = items.map(() => 0);
		const owners = new Map<string, number>();
		for (const { doc, index } of active) {
			for (const line of doc.lines)
				if (line.itemCode && !owners.has(codeKey(line.itemCode)))
					owners.set(codeKey(line.itemCode), index);
		}
		const base = {
			productsAreStockItems: options.productsAreStockItems !== false,
			webshopItem: options.webshopItem !== false,
		};
		const plans = planNewItems(
			active.map((a) => a.doc),
			new Set(found.keys()),
			{ ...base, itemGroup },
		).map((plan) => {
			const group =
				plan.kind === 'product' ? itemGroup : options.shippingItemGroup?.trim() || itemGroup;
			const body = { ...plan.body };
			if (group) body.ItemGroup = group;
			else delete body.ItemGroup;
			if (isNonTurnover(plan.kind) && accounts[plan.kind]) body.GLRevenue = accounts[plan.kind];
			return { ...plan, body, owner: owners.get(codeKey(plan.code)) ?? 0 };
		});
		const { failures, byOther } = await createItems(this, plans, found, calls, lookedUpAt);
		if (options.setSalesPrice !== false) {
			const priced = plans.filter(
				(p) =>
					p.price !== null &&
					found.has(codeKey(p.code)) &&
					!failures.has(codeKey(p.code)) &&
					!byOther.has(codeKey(p.code)),
			);
			const before = getExactCallCount.call(this);
			await setSalesPrices(
				this,
				priced.map((p) => ({
					itemId: String(found.get(codeKey(p.code))?.ID),
					price: p.price as number,
					currency: p.currency,
				})),
			);
			if (priced.length) calls[priced[0].owner] += getExactCallCount.call(this) - before;
		}
		const createdKeys = new Set(plans.map((p) => codeKey(p.code)));
		memo.store(found, remembered);
		return docs.map((doc, index): BatchResult => {
			if (doc instanceof Error) return doc;
			if (doc.skip)
				return { ...documentOutput(doc, 'skipped', doc.skip.reason), exactCalls: 0 } as IDataObject;
			const problems: string[] = [];
			let created = false;
			for (const line of doc.lines) {
				const key = codeKey(line.itemCode as string);
				const failure = failures.get(key);
				const record = found.get(key);
				if (failure)
					problems.push(`item ${line.itemCode} could not be created: ${failure.message}`);
				else if (!record) problems.push(`item ${line.itemCode} was not found or created`);
				else if (record.IsSalesItem === false)
					problems.push(`item ${line.itemCode} exists in Exact but is not a sales item`);
				else line.itemId = record.ID;
				if (createdKeys.has(key) && owners.get(key) === index) created = true;
			}
			if (problems.length)
				return new Error(`Order ${orderLabel(doc)}: ${[...new Set(problems)].join('; ')}`);
			const left = leftOut.get(doc);
			if (left) doc.warnings = [...(doc.warnings ?? []), ...left];
			const out = {
				...documentOutput(doc, created ? 'created' : 'found'),
				exactCalls: calls[index],
			} as IDataObject;
			if (left) out.warning = left.join('; ');
			return out;
		});
	});
}
