/**
 * Find or Create From Order: the order document's customer → Exact account (+ contact + delivery
 * address), with one batched lookup for all input items. Adds `exact.account` to the document.
 */
import { updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { EnrichedOrderDocument } from '../../../core/document';
import type {
	AccountMatchKey,
	AccountMatchSettings,
	ShopifyIdField,
} from '../../../core/exact/accountMatch';
import { documentOutput, readOrderDocument } from '../../../core/exact/orderDocumentInput';
import { runBatch } from '../../shared/runner';
import type { BatchResult } from '../../shared/runner';
import {
	cacheScope,
	DEFAULT_CACHE_LIMITS,
	openCache,
	readsCache,
	saveCache,
} from '../../../core/exact/masterDataCache';
import type { CacheEntry, CachedAccount } from '../../../core/exact/masterDataCache';
import { memoryScope, sharedMap } from '../../shared/processMemory';
import { EXACT_CREDENTIAL, getExactCallCount, resolveDivision } from '../../shared/transport';
import type { AfterCreateCheck } from './fromOrder/afterCreateCheck';
import { CachingAccountResolver } from './fromOrder/cachingResolver';
import { AccountResolver } from './fromOrder/resolver';

/** Where the account cache lives in the node's static data. */
export const ACCOUNT_CACHE_SLOT = 'accounts';

const properties: INodeProperties[] = [
	{
		displayName: 'Match By',
		name: 'matchBy',
		type: 'multiOptions',
		options: [
			{
				name: 'VAT Number',
				value: 'vatNumber',
				description: "The customer's VAT number (B2B orders). Checked first.",
			},
			{
				name: 'E-Mail',
				value: 'email',
				description: "The order's e-mail address. Checked second.",
			},
			{
				name: 'Shopify Customer ID',
				value: 'shopifyCustomerId',
				description:
					'The Shopify customer ID kept in the account field chosen below. Checked last.',
			},
		],
		default: ['vatNumber', 'email', 'shopifyCustomerId'],
		description:
			'How an existing Exact account is recognised. The first of these that finds an account decides (VAT number, then e-mail, then Shopify customer ID).',
	},
	{
		displayName: 'Shopify Customer ID Field',
		name: 'shopifyIdField',
		type: 'options',
		options: [
			{
				name: 'Code at Supplier',
				value: 'CodeAtSupplier',
				description:
					'Recommended: meant for the code your company has at a supplier, so it is free on customer accounts',
			},
			{
				name: 'Account Code',
				value: 'Code',
				description:
					'The account code itself becomes the Shopify customer ID (only if you number accounts that way)',
			},
			{
				name: 'Search Code',
				value: 'SearchCode',
				description: 'Short field: Shopify IDs may not fit',
			},
			{
				name: 'Do Not Store',
				value: 'none',
				description: 'Do not keep the Shopify customer ID in Exact',
			},
		],
		default: 'CodeAtSupplier',
		description:
			'Account field in which new accounts keep the Shopify customer ID, and in which it is looked for. It must be a field you do not use for anything else.',
	},
	{
		displayName: 'Guest Orders',
		name: 'guestOrders',
		type: 'options',
		options: [
			{
				name: 'Own Account',
				value: 'own',
				description:
					'A guest checkout gets an account of its own, found again by VAT number or e-mail',
			},
			{
				name: 'Shared Guest Account',
				value: 'shared',
				description: 'All guest checkouts go to one account (created on first use)',
			},
		],
		default: 'own',
		description: 'Which account an order without a Shopify customer (guest checkout) is booked on',
	},
	{
		displayName: 'Guest Account Name',
		name: 'guestAccountName',
		type: 'string',
		default: 'Webshop guest',
		displayOptions: { show: { guestOrders: ['shared'] } },
		description: 'Name of the shared guest account; found by this name unless a code is given',
	},
	{
		displayName: 'Guest Account Code',
		name: 'guestAccountCode',
		type: 'string',
		default: '',
		displayOptions: { show: { guestOrders: ['shared'] } },
		description: 'Account code of the shared guest account. Leave empty to find it by name.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'After Create Check',
				name: 'afterCreateCheck',
				type: 'options',
				options: [
					{
						name: 'None',
						value: 'none',
						description: 'Trust the lookup before the create',
					},
					{
						name: 'Report Duplicates',
						value: 'report',
						description:
							'Look the customer (or delivery address) up again after creating it and warn if another run created one too',
					},
					{
						name: 'Remove Own Duplicate',
						value: 'removeNewer',
						description:
							"As Report, and delete this run's account or delivery address if a concurrent run created it first (the oldest stays and is used)",
					},
				],
				default: 'none',
				description:
					'Protection against two runs creating the same new customer or delivery address at the same moment, e.g. on two queue-mode workers (costs one call per new account or address)',
			},
			{
				displayName: 'Delivery Address',
				name: 'deliveryAddress',
				type: 'boolean',
				default: true,
				description:
					"Whether to link the order's shipping address as a delivery address of the account, reusing an existing one with the same lines",
			},
			{
				displayName: 'Remember Found Records Between Runs',
				name: 'rememberRecords',
				type: 'boolean',
				default: true,
				description:
					'Whether to remember which Exact account (and delivery address) each customer got, so a returning customer costs no lookup. Kept for 24 hours (up to 5,000 customers per credential and division) in the memory of this n8n process, shared at once by all runs, even those at the same moment, and with the workflow (saved by successful runs of the active workflow) so it survives a restart. In queue mode each worker has its own memory. A remembered account that was deleted or merged in Exact is noticed only when a new delivery address is added to it; otherwise the sales order fails: then turn on Reset Cache once, or retry the failed execution (a retry looks everything up again). Not used while Update Contact Data is on.',
			},
			{
				displayName: 'Reset Cache',
				name: 'resetCache',
				type: 'boolean',
				default: false,
				description:
					'Whether to forget everything remembered so far before this run (use it once after merging or deleting accounts in Exact, then turn it off again)',
			},
			{
				displayName: 'Update Contact Data',
				name: 'updateContactData',
				type: 'boolean',
				default: false,
				description:
					"Whether to update the e-mail and phone of a found account, and the name, e-mail and phone of its main contact, when the order's differ",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['findOrCreateFromOrder'] } },
	properties,
);

function readSettings(ctx: IExecuteFunctions): AccountMatchSettings {
	const matchBy = ctx.getNodeParameter('matchBy', 0, []) as AccountMatchKey[];
	const field = ctx.getNodeParameter('shopifyIdField', 0, 'CodeAtSupplier') as
		| ShopifyIdField
		| 'none';
	const mode = ctx.getNodeParameter('guestOrders', 0, 'own') as 'own' | 'shared';
	return {
		matchBy: (['vatNumber', 'email', 'shopifyCustomerId'] as AccountMatchKey[]).filter((k) =>
			matchBy.includes(k),
		),
		idField: field === 'none' ? null : field,
		guest: {
			mode,
			name: mode === 'shared' ? String(ctx.getNodeParameter('guestAccountName', 0, '')) : '',
			code: mode === 'shared' ? String(ctx.getNodeParameter('guestAccountCode', 0, '')) : '',
		},
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBatch.call(this, async (items) => {
		const settings = readSettings(this);
		const options = this.getNodeParameter('options', 0, {}) as {
			afterCreateCheck?: AfterCreateCheck;
			updateContactData?: boolean;
			deliveryAddress?: boolean;
			rememberRecords?: boolean;
			resetCache?: boolean;
		};
		const resolverOptions = {
			updateContactData: options.updateContactData === true,
			deliveryAddress: options.deliveryAddress !== false,
			afterCreateCheck: options.afterCreateCheck ?? 'none',
		};
		const remember = options.rememberRecords !== false;
		const staticData = remember || options.resetCache ? this.getWorkflowStaticData('node') : null;
		const division = staticData ? await resolveDivision.call(this, 0) : 0;
		// Shared by the concurrent executions of this process; static data carries it over a restart.
		const cache = staticData
			? openCache<CachedAccount>(
					staticData,
					ACCOUNT_CACHE_SLOT,
					Date.now(),
					options.resetCache,
					DEFAULT_CACHE_LIMITS,
					sharedMap<CacheEntry<CachedAccount>>(
						ACCOUNT_CACHE_SLOT,
						await memoryScope(this, division),
						DEFAULT_CACHE_LIMITS.maxEntries,
					),
				)
			: null;
		const resolver =
			cache && remember
				? new CachingAccountResolver(this, settings, resolverOptions, {
						cache,
						scope: cacheScope(this.getNode().credentials?.[EXACT_CREDENTIAL]?.id, division),
						read: readsCache(true, this.getMode()) && !resolverOptions.updateContactData,
					})
				: new AccountResolver(this, settings, resolverOptions);
		const docs: Array<EnrichedOrderDocument | Error> = items.map((item, i) => {
			try {
				return readOrderDocument(item.json, i);
			} catch (error) {
				return error as Error;
			}
		});
		const active = docs.filter((d): d is EnrichedOrderDocument => !(d instanceof Error) && !d.skip);
		await resolver.prefetch(active);
		const results: BatchResult[] = [];
		for (let i = 0; i < docs.length; i++) {
			const doc = docs[i];
			if (doc instanceof Error) {
				results.push(doc);
				continue;
			}
			if (doc.skip) {
				results.push({ ...documentOutput(doc, 'skipped', doc.skip.reason), exactCalls: 0 });
				continue;
			}
			const before = getExactCallCount.call(this);
			try {
				const { ref, warnings } = await resolver.resolve(doc, i);
				doc.exact.account = ref;
				doc.warnings = [...(doc.warnings ?? []), ...warnings.map((w) => `Account: ${w}`)];
				const out: IDataObject = {
					...documentOutput(doc, ref.action, ref.reason),
					exactCalls: getExactCallCount.call(this) - before,
				};
				if (warnings.length) out.warning = warnings.join('; ');
				results.push(out);
			} catch (error) {
				results.push(error as Error);
			}
		}
		if (staticData && cache) saveCache(staticData, ACCOUNT_CACHE_SLOT, cache);
		return results;
	});
}
