export * from './customer.schema';
export * from './errors';
export { MAX_QUANTITY, type MoneySet } from './fields';
export * from './ids';
export * from './json';
export * from './order.schema';
export * from './product.schema';
export { INVALID, type Output as ShopifySpecOutput, type Spec as ShopifySpec } from './spec';
export * from './validate';
