/**
 * The shop's locations from Shopify's GraphQL `locations` query: read by the List Locations
 * operation and by the Shopify location pickers (list search) of any node that has the Shopify
 * Admin credential, so a merchant picks "Amsterdam warehouse" instead of typing 1001.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { getShopifyEndpoint, SHOPIFY_CREDENTIAL, shopifyGraphql, toNodeError } from './transport';
import type { ShopifyContext } from './transport';
import type { ShopifyEndpoint } from '../core/stock/shopifyEndpoint';

const PAGE = 100;

export const LOCATIONS_QUERY =
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

/** Every location of the shop (all pages). */
export async function fetchLocations(
	ctx: ShopifyContext,
	endpoint: ShopifyEndpoint,
	includeInactive: boolean,
	itemIndex = 0,
): Promise<IDataObject[]> {
	const locations: IDataObject[] = [];
	let after: string | null = null;
	do {
		const page: LocationsPage = await shopifyGraphql<LocationsPage>(ctx, endpoint, {
			query: LOCATIONS_QUERY,
			variables: { first: PAGE, after, includeInactive },
			estimatedCost: 2 + PAGE * 2,
			itemIndex,
			purpose: 'list locations',
		});
		locations.push(...page.locations.nodes);
		after = page.locations.pageInfo.hasNextPage ? page.locations.pageInfo.endCursor : null;
	} while (after);
	return locations;
}

/** The number Shopify shows in the admin URL (…/settings/locations/1001). */
function locationNumber(location: IDataObject): string {
	const legacy = location.legacyResourceId;
	if (legacy !== undefined && legacy !== null && String(legacy).trim()) return String(legacy);
	return String(location.id ?? '').replace(/^gid:\/\/shopify\/Location\//, '');
}

function label(location: IDataObject): string {
	const address = (location.address ?? {}) as IDataObject;
	const city = typeof address.city === 'string' && address.city.trim() ? ` · ${address.city.trim()}` : '';
	return `${String(location.name ?? 'Location')}${city} (${locationNumber(location)})`;
}

export const NO_SHOPIFY_CREDENTIAL =
	"Choosing from your shop's locations needs this node's Shopify Admin (Exact Online Commerce) credential; without it, enter the location ID (Shopify Inventory → List Locations shows them)";

/** n8n's answers when a node has no usable credential of a type (not set, or hidden by its settings). */
const NO_CREDENTIAL = /credentials not found|does not have any credentials|does not require credentials/i;

/**
 * List search of the shop's active locations, by name, city or number (a shop has few: read all).
 * In a node where the Shopify credential is optional, a missing one is explained, not a stack trace.
 */
export async function searchShopifyLocations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	if (!this.getNode().credentials?.[SHOPIFY_CREDENTIAL]) {
		throw new NodeOperationError(this.getNode(), NO_SHOPIFY_CREDENTIAL);
	}
	let endpoint: ShopifyEndpoint;
	try {
		endpoint = await getShopifyEndpoint(this);
	} catch (error) {
		if (NO_CREDENTIAL.test((error as Error).message)) {
			throw new NodeOperationError(this.getNode(), NO_SHOPIFY_CREDENTIAL);
		}
		throw toNodeError(this.getNode(), error, 0);
	}
	const text = filter?.trim().toLowerCase() ?? '';
	const results = (await fetchLocations(this, endpoint, false))
		.map((location) => ({
			name: label(location),
			value: locationNumber(location),
			url: `https://${endpoint.shopDomain}/admin/settings/locations/${locationNumber(location)}`,
		}))
		.filter((r) => !text || r.name.toLowerCase().includes(text))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/**
 * A Shopify location field: picked from the shop's locations (needs the Shopify Admin credential
 * in the node) or entered as its ID. Read it with `locationIdOf`.
 */
export function shopifyLocationLocator(
	overrides: Partial<INodeProperties> & Pick<INodeProperties, 'name'>,
): INodeProperties {
	return {
		displayName: 'Shopify Location',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a location…',
				typeOptions: { searchListMethod: 'searchShopifyLocations', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1001 or gid://shopify/Location/1001',
			},
		],
		...overrides,
	} as INodeProperties;
}

/** The location ID of a location field: a picked or typed locator, or a plain ID (older workflows). */
export function locationIdOf(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value) {
		return String((value as { value: unknown }).value ?? '').trim();
	}
	return value === undefined || value === null ? '' : String(value).trim();
}
