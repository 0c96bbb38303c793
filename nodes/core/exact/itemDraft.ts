/**
 * Exact items for order lines and Shopify products: which codes a set of documents needs, the POST
 * body of each missing item (first occurrence decides), and the changes of an existing item from a
 * product draft. Pure. Item codes are compared trimmed and case-insensitively, as Exact does.
 */
import { formatMoney, netFromGross, parseRate } from '../money';
import type { DocumentLine, ItemDraft, LineKind } from '../mapping/types';
import type { ExactBody } from './accountDraft';

export interface ItemOptions {
	/** logistics/ItemGroups ID for new items; null = Exact's default group. */
	itemGroup: string | null;
	/** New product items are stock items (when the line or variant needs shipping). */
	productsAreStockItems: boolean;
	/** Mark new items as webshop items (IsWebshopItem is a byte in Exact). */
	webshopItem: boolean;
}

/** Key under which an item code is compared. */
export function codeKey(code: string): string {
	return code.trim().toUpperCase();
}

/** Descriptions of the items behind the non-product lines (one item serves every order). */
const KIND_DESCRIPTIONS: Record<Exclude<LineKind, 'product'>, string> = {
	shipping: 'Shipping costs',
	giftCard: 'Gift card',
	tip: 'Tip',
	duty: 'Import duties',
	rounding: 'Rounding difference',
};

interface LineLike extends Pick<DocumentLine, 'lineNumber' | 'kind' | 'itemCode' | 'description'> {
	extraDescription?: string | null;
	unitPriceExclCents?: number;
	requiresShipping?: boolean;
	vat?: { code?: string | null; treatment?: string | null } | null;
}

export interface DocumentLike {
	currency: string;
	references: { orderName: string };
	lines: LineLike[];
}

/** Every item code the documents use (trimmed, first spelling kept), without duplicates. */
export function documentItemCodes(documents: DocumentLike[]): string[] {
	const seen = new Map<string, string>();
	for (const doc of documents) {
		for (const line of doc.lines) {
			const code = typeof line.itemCode === 'string' ? line.itemCode.trim() : '';
			if (code && !seen.has(codeKey(code))) seen.set(codeKey(code), code);
		}
	}
	return [...seen.values()];
}

/** Lines that cannot get an item: no item code. One message per line, naming the order. */
export function lineCodeProblems(doc: DocumentLike): string[] {
	return doc.lines
		.filter((line) => !(typeof line.itemCode === 'string' && line.itemCode.trim()))
		.map(
			(line) =>
				`Order ${doc.references.orderName}: line ${line.lineNumber} ("${line.description}") has no item code ` +
				'(no SKU, variant id or product id); set an item code source in Map Shopify Order',
		);
}

export interface NewItemPlan {
	code: string;
	kind: LineKind;
	body: ExactBody;
	/** Sales price excl. VAT in the document's currency units, or null for none (non-product items). */
	price: number | null;
	currency: string | null;
	/** Order that first used the code (for messages). */
	firstOrder: string;
}

function toUnits(cents: number, currency: string): number {
	return Number(formatMoney(cents, currency));
}

/** The VAT code for a new item: a domestic line's code if any uses the item, else the first code seen. */
function chooseVatCode(lines: LineLike[]): string | null {
	const coded = lines.filter((l) => typeof l.vat?.code === 'string' && l.vat.code.trim());
	const domestic = coded.find((l) => l.vat?.treatment === 'domestic');
	const pick = domestic ?? coded[0];
	return pick ? (pick.vat?.code as string).trim() : null;
}

/**
 * One plan per code in `codes` that is not in `existing` (keys from codeKey): Code, Description,
 * ExtraDescription, ItemGroup, SalesVatCode, IsSalesItem, IsStockItem, IsWebshopItem.
 */
export function planNewItems(
	documents: DocumentLike[],
	existing: Set<string>,
	options: ItemOptions,
): NewItemPlan[] {
	const uses = new Map<string, Array<{ line: LineLike; doc: DocumentLike }>>();
	for (const doc of documents) {
		for (const line of doc.lines) {
			const code = typeof line.itemCode === 'string' ? line.itemCode.trim() : '';
			if (!code || existing.has(codeKey(code))) continue;
			const list = uses.get(codeKey(code)) ?? [];
			list.push({ line, doc });
			uses.set(codeKey(code), list);
		}
	}
	const plans: NewItemPlan[] = [];
	for (const list of uses.values()) {
		const { line, doc } = list[0];
		const code = (line.itemCode as string).trim();
		const product = line.kind === 'product';
		const body: ExactBody = {
			Code: code,
			Description: product
				? line.description
				: KIND_DESCRIPTIONS[line.kind as Exclude<LineKind, 'product'>],
			IsSalesItem: true,
			IsStockItem: product && options.productsAreStockItems && line.requiresShipping !== false,
			IsWebshopItem: options.webshopItem ? 1 : 0,
		};
		if (product && line.extraDescription) body.ExtraDescription = line.extraDescription;
		if (options.itemGroup) body.ItemGroup = options.itemGroup;
		const vatCode = chooseVatCode(list.map((use) => use.line));
		if (vatCode) body.SalesVatCode = vatCode;
		const priced =
			product && typeof line.unitPriceExclCents === 'number' && line.unitPriceExclCents > 0;
		plans.push({
			code,
			kind: line.kind,
			body,
			price: priced ? toUnits(line.unitPriceExclCents as number, doc.currency) : null,
			currency: priced ? doc.currency : null,
			firstOrder: doc.references.orderName,
		});
	}
	return plans;
}

export interface ProductItemOptions extends ItemOptions {
	/** Shopify variant prices include VAT; they are converted at `vatRatePercent`. */
	pricesIncludeVat: boolean;
	vatRatePercent: number;
	/** SalesVatCode for new items; null = the item group's default. */
	salesVatCode: string | null;
	currency: string;
}

/** Which VAT rate a product's prices include: by product type, vendor or tag. */
export interface VatRateRule {
	field: 'productType' | 'vendor' | 'tag';
	value: string;
	ratePercent: number;
}

/**
 * The VAT rate (percent) included in a variant's Shopify price: 0 for a variant Shopify does not
 * tax, else the first rule whose product type, vendor or tag equals (case-insensitively) the
 * product's, else the default rate.
 */
export function variantVatRatePercent(
	draft: Pick<ItemDraft, 'taxable' | 'productType' | 'vendor'>,
	tags: readonly string[],
	rules: readonly VatRateRule[],
	defaultPercent: number,
): number {
	if (!draft.taxable) return 0;
	const same = (a: string | null | undefined, b: string) =>
		(a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
	for (const rule of rules) {
		if (!rule.value.trim()) continue;
		const hit =
			rule.field === 'tag'
				? tags.some((tag) => same(tag, rule.value))
				: same(rule.field === 'vendor' ? draft.vendor : draft.productType, rule.value);
		if (hit) return rule.ratePercent;
	}
	return defaultPercent;
}

/** Shopify's product tags ("Books, Gift" or a list) as a list. */
export function productTags(product: unknown): string[] {
	const tags = (product as { tags?: unknown } | null)?.tags;
	const list = Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(',') : [];
	return list.map((t) => String(t).trim()).filter(Boolean);
}

/** A variant's sales price excl. VAT in currency units. */
export function productPrice(draft: ItemDraft, options: ProductItemOptions): number {
	let cents = draft.salesPriceCents;
	if (options.pricesIncludeVat && options.vatRatePercent > 0) {
		cents = netFromGross(cents, parseRate(String(options.vatRatePercent / 100)));
	}
	return toUnits(cents, options.currency);
}

/** POST body of logistics/Items for a product variant. */
export function itemBodyFromDraft(draft: ItemDraft, options: ProductItemOptions): ExactBody {
	const body: ExactBody = {
		Code: (draft.itemCode as string).trim(),
		Description: draft.description,
		IsSalesItem: true,
		IsStockItem: options.productsAreStockItems && draft.isStockItem,
		IsWebshopItem: options.webshopItem ? 1 : 0,
	};
	if (draft.extraDescription) body.ExtraDescription = draft.extraDescription;
	if (draft.barcode && /^\d{1,30}$/.test(draft.barcode)) body.Barcode = draft.barcode;
	if (options.itemGroup) body.ItemGroup = options.itemGroup;
	if (options.salesVatCode) body.SalesVatCode = options.salesVatCode;
	return body;
}

/** PUT body with only the changed Description / ExtraDescription of an existing item. */
export function itemChanges(current: Record<string, unknown>, draft: ItemDraft): ExactBody {
	const body: ExactBody = {};
	const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
	if (text(current.Description) !== text(draft.description)) body.Description = draft.description;
	if (text(current.ExtraDescription) !== text(draft.extraDescription)) {
		body.ExtraDescription = draft.extraDescription ?? '';
	}
	return body;
}

/** True when two prices in currency units differ (beyond float noise). */
export function priceChanged(current: unknown, next: number): boolean {
	const value = typeof current === 'number' && Number.isFinite(current) ? current : 0;
	return Math.abs(value - next) > 1e-6;
}
