/** List Locations: the shop's locations (IDs for the Exact warehouse → Shopify location map). */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fetchLocations } from '../locations';
import { getShopifyCallCount, getShopifyEndpoint, toNodeError } from '../transport';

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

/** Runs once, whatever the number of input items; every location is paired with item 0. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const callsBefore = getShopifyCallCount(this);
	const returnData: INodeExecutionData[] = [];
	try {
		const endpoint = await getShopifyEndpoint(this, 0);
		const includeInactive = this.getNodeParameter('includeInactive', 0, false) as boolean;
		const locations = await fetchLocations(this, endpoint, includeInactive);
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
