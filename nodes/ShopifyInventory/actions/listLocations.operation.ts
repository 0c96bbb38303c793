/** List Locations: the shop's locations (IDs for the Exact warehouse → Shopify location map). */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { getShopifyCallCount, getShopifyEndpoint, shopifyGraphql, toNodeError } from '../transport';

const show = { operation: ['listLocations'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Include Inactive',
		name: 'includeInactive',
		type: 'boolean',
		default: false,
		description: 'Whether to list deactivated locations too',
		displayOptions: { show },
	},
];

const PAGE = 100;

const QUERY =
	'query Locations($first: Int!, $after: String, $includeInactive: Boolean) {' +
	' locations(first: $first, after: $after, includeInactive: $includeInactive) {' +
	' nodes { id legacyResourceId name isActive fulfillsOnlineOrders' +
	' address { address1 city zip countryCode } }' +
	' pageInfo { hasNextPage endCursor } } }';

interface LocationsPage {
	locations: {
		nodes: IDataObject[];
		pageInfo: { hasNextPage: boolean; endCursor: string | null };
	};
}

/** Runs once, whatever the number of input items; every location is paired with item 0. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const callsBefore = getShopifyCallCount(this);
	const returnData: INodeExecutionData[] = [];
	try {
		const endpoint = await getShopifyEndpoint(this, 0);
		const includeInactive = this.getNodeParameter('includeInactive', 0, false) as boolean;
		const locations: IDataObject[] = [];
		let after: string | null = null;
		do {
			const page: LocationsPage = await shopifyGraphql<LocationsPage>(this, endpoint, {
				query: QUERY,
				variables: { first: PAGE, after, includeInactive },
				estimatedCost: 2 + PAGE * 2,
				itemIndex: 0,
				purpose: 'list locations',
			});
			locations.push(...page.locations.nodes);
			after = page.locations.pageInfo.hasNextPage ? page.locations.pageInfo.endCursor : null;
		} while (after);
		const calls = getShopifyCallCount(this) - callsBefore;
		for (const location of locations) {
			returnData.push({
				json: { action: 'found', ...location, shopifyCalls: calls },
				pairedItem: { item: 0 },
			});
		}
	} catch (error) {
		if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, 0);
		returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: 0 } });
	}
	return [returnData];
}
