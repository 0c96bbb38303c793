/**
 * The GraphQL Admin API subset the sandbox serves. One schema per compare-and-swap family, because
 * InventorySetQuantitiesInput changed shape in 2026-01 and 2026-04 (see ../versions.ts).
 */
import { buildSchema, type GraphQLSchema } from 'graphql';
import type { CasFamily } from '../versions';
import { METAFIELDS_SDL } from './metafields';
import { PAYOUTS_SDL } from './payouts';

const CONNECTION_ARGS =
	'first: Int, after: String, last: Int, before: String, reverse: Boolean = false';

function connection(type: string): string {
	return `
type ${type}Connection { edges: [${type}Edge!]! nodes: [${type}!]! pageInfo: PageInfo! }
type ${type}Edge { cursor: String! node: ${type}! }`;
}

const COMMON = `
scalar DateTime
scalar URL

type Query {
	shop: Shop!
	productVariants(${CONNECTION_ARGS}, query: String): ProductVariantConnection!
	productVariant(id: ID!): ProductVariant
	products(${CONNECTION_ARGS}, query: String): ProductConnection!
	product(id: ID!): Product
	locations(${CONNECTION_ARGS}, query: String, includeInactive: Boolean = false): LocationConnection!
	location(id: ID): Location
	inventoryItems(${CONNECTION_ARGS}, query: String): InventoryItemConnection!
	inventoryItem(id: ID!): InventoryItem
	inventoryLevel(id: ID!): InventoryLevel
	shopifyPaymentsAccount: ShopifyPaymentsAccount
	orders(${CONNECTION_ARGS}, query: String, sortKey: OrderSortKeys = ID): OrderConnection!
	order(id: ID!): Order
}

enum OrderSortKeys { ID CREATED_AT UPDATED_AT PROCESSED_AT ORDER_NUMBER }

type Order {
	id: ID!
	legacyResourceId: String!
	name: String!
	createdAt: DateTime!
	updatedAt: DateTime!
	processedAt: DateTime
	cancelledAt: DateTime
	test: Boolean!
	metafield(namespace: String, key: String!): Metafield
}

type Mutation {
	inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
	metafieldsSet(metafields: [MetafieldsSetInput!]!): MetafieldsSetPayload
	metafieldsDelete(metafields: [MetafieldIdentifierInput!]!): MetafieldsDeletePayload
}

type Shop { id: ID! name: String! myshopifyDomain: String! currencyCode: String! }
type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type Count { count: Int! precision: String! }

type Product {
	id: ID!
	legacyResourceId: String!
	title: String!
	handle: String!
	status: String!
	vendor: String!
	productType: String!
	hasVariantsThatRequiresComponents: Boolean!
	totalInventory: Int!
	tracksInventory: Boolean!
	variants(${CONNECTION_ARGS}): ProductVariantConnection!
	variantsCount: Count
	createdAt: DateTime!
	updatedAt: DateTime!
}

type ProductVariant {
	id: ID!
	legacyResourceId: String!
	sku: String
	title: String!
	displayName: String!
	price: String!
	barcode: String
	position: Int!
	inventoryQuantity: Int
	requiresComponents: Boolean!
	product: Product!
	inventoryItem: InventoryItem!
	createdAt: DateTime!
	updatedAt: DateTime!
}

type InventoryItem {
	id: ID!
	legacyResourceId: String!
	sku: String
	tracked: Boolean!
	requiresShipping: Boolean!
	variant: ProductVariant!
	inventoryLevels(${CONNECTION_ARGS}): InventoryLevelConnection!
	inventoryLevel(locationId: ID!): InventoryLevel
	locationsCount: Count
	createdAt: DateTime!
	updatedAt: DateTime!
}

type InventoryLevel {
	id: ID!
	location: Location!
	item: InventoryItem!
	quantities(names: [String!]!): [InventoryQuantity!]!
	createdAt: DateTime!
	updatedAt: DateTime!
}

type InventoryQuantity { id: ID! name: String! quantity: Int! updatedAt: DateTime }

type Location {
	id: ID!
	legacyResourceId: String!
	name: String!
	isActive: Boolean!
	fulfillsOnlineOrders: Boolean!
	address: LocationAddress!
	inventoryLevel(inventoryItemId: ID!): InventoryLevel
	createdAt: DateTime!
	updatedAt: DateTime!
}

type LocationAddress { address1: String city: String zip: String countryCode: String }

${connection('ProductVariant')}
${connection('Product')}
${connection('Location')}
${connection('InventoryItem')}
${connection('InventoryLevel')}
${connection('ShopifyPaymentsPayout')}
${connection('ShopifyPaymentsBalanceTransaction')}
${METAFIELDS_SDL}
${PAYOUTS_SDL.replace(/CONNECTION_ARGS/g, CONNECTION_ARGS)}
${connection('Order')}

type InventorySetQuantitiesPayload {
	inventoryAdjustmentGroup: InventoryAdjustmentGroup
	userErrors: [InventorySetQuantitiesUserError!]!
}

type InventoryAdjustmentGroup {
	id: ID!
	createdAt: DateTime!
	reason: String!
	referenceDocumentUri: String
	changes(inventoryItemIds: [ID!], locationIds: [ID!], quantityNames: [String!]): [InventoryChange!]!
}

type InventoryChange {
	name: String!
	delta: Int!
	quantityAfterChange: Int
	item: InventoryItem
	location: Location
	ledgerDocumentUri: URL
}

type InventorySetQuantitiesUserError {
	field: [String!]
	message: String!
	code: InventorySetQuantitiesUserErrorCode
}
`;

const ERROR_CODES = [
	'COMPARE_QUANTITY_REQUIRED',
	'COMPARE_QUANTITY_STALE',
	'INVALID_INVENTORY_ITEM',
	'INVALID_LOCATION',
	'INVALID_NAME',
	'INVALID_QUANTITY_NEGATIVE',
	'INVALID_QUANTITY_TOO_HIGH',
	'INVALID_QUANTITY_TOO_LOW',
	'INVALID_REASON',
	'INVALID_REFERENCE_DOCUMENT',
	'ITEM_NOT_STOCKED_AT_LOCATION',
	'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
	'NON_MUTABLE_INVENTORY_ITEM',
];

function inputTypes(family: CasFamily): string {
	const codes = family === 'compare' ? ERROR_CODES : ['CHANGE_FROM_QUANTITY_STALE', ...ERROR_CODES];
	const enumSdl = `enum InventorySetQuantitiesUserErrorCode { ${codes.join(' ')} }`;
	if (family === 'changeFrom') {
		return `${enumSdl}
input InventorySetQuantitiesInput {
	name: String!
	reason: String!
	referenceDocumentUri: String
	quantities: [InventorySetQuantityInput!]!
}
input InventorySetQuantityInput {
	inventoryItemId: ID!
	locationId: ID!
	quantity: Int!
	changeFromQuantity: Int
}`;
	}
	const changeFrom = family === 'transition' ? 'changeFromQuantity: Int' : '';
	return `${enumSdl}
input InventorySetQuantitiesInput {
	name: String!
	reason: String!
	referenceDocumentUri: String
	ignoreCompareQuantity: Boolean = false
	quantities: [InventoryQuantityInput!]!
}
input InventoryQuantityInput {
	inventoryItemId: ID!
	locationId: ID!
	quantity: Int!
	compareQuantity: Int
	${changeFrom}
}`;
}

const schemas = new Map<CasFamily, GraphQLSchema>();

export function schemaFor(family: CasFamily): GraphQLSchema {
	let schema = schemas.get(family);
	if (!schema) {
		schema = buildSchema(COMMON + inputTypes(family));
		schemas.set(family, schema);
	}
	return schema;
}
