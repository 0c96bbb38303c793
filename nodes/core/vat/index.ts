/**
 * VAT engine of the connector (pure: no n8n, no I/O). Sources of every rule: vat-oss.md in the
 * project's shared references; the rate table ships in ./data (ibericode/vat-rates, see SOURCE.md).
 *
 * - `classifyVat` decides one line: domestic / OSS / ICP / export / exempt / out of scope.
 * - `allocateShipping` (+ `allocateShippingGross`, `classifyShipping`) lets shipping follow the goods.
 * - `normalizeVatNumber` / `validateVatNumber` / `splitVatNumber` handle customer VAT numbers.
 * - `ratesFor` reads the dated rate table.
 * - `selectVatCode` / `proposeVatMapping` pick Exact VAT codes.
 */
export type {
	ExactVatCode,
	VatLineKind,
	RateSet,
	ShipTo,
	VatCodeMapping,
	VatDecision,
	VatInput,
	VatKey,
	VatSettings,
	VatTreatment,
} from './types';
export { classifyVat } from './classify';
export { EU_MEMBER_STATES, isEuMember, isEuForGoods, normalizeCountryCode } from './countries';
export { formatRate, normalizeDate, rateList, ratesFor, sameRate, tableCountries } from './rates';
export { resolveDestination, type Destination } from './territories';
export {
	allocateShipping,
	allocateShippingGross,
	classifyShipping,
	type ClassifiedGoods,
	type GoodsLine,
	type GrossShippingPortion,
	type ShippingAllocation,
	type ShippingClassification,
	type ShippingMode,
	type ShippingPortion,
} from './shipping';
export { allocateByWeights, netCentsFromGross } from './allocate';
export {
	normalizeVatNumber,
	splitVatNumber,
	validateVatNumber,
	vatPrefixFor,
	type VatNumberCheck,
} from './vatNumber/validate';
export {
	codeRate,
	isVatCodeError,
	selectVatCode,
	type SelectVatCodeOptions,
	type VatCodeChoice,
	type VatCodeError,
	type VatCodeSelection,
} from './selectCode';
export { proposeVatMapping, type ProposeOptions, type ProposedVatCode } from './propose';
