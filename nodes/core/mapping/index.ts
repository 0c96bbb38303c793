export { mapShopifyCustomer } from './account';
export { chooseItemCode, type ItemCodeChoice } from './itemCode';
export { mapShopifyOrder } from './order';
export { mapShopifyProduct } from './product';
export * from './refund';
export {
	DEFAULT_MAPPING_SETTINGS,
	DEFAULT_VAT_NUMBER_PATTERN,
	MappingSettingsError,
	resolveSettings,
} from './settings';
export { TEXT_LIMITS } from './text';
export * from './types';
export { findVatNumberInText, normaliseVatNumber } from './vatNumber';
