/**
 * The customer VAT number check of one order: format and checksum always, VIES when the number
 * decides the VAT (an intra-community supply) and the check is on. What happens when VIES is down
 * is the merchant's choice.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { EnrichedOrderDocument, VatNumberCheck } from '../../../core/document';
import { splitVatNumber, validateVatNumber } from '../../../core/vat';
import { vatNumberMatters, type ResolveVatOptions } from '../../../core/vat/resolveDocument';
import { checkVatNumberInVies } from '../../shared/vies';

export type ViesMode = 'check' | 'off';
export type ViesDownBehaviour = 'treatAsInvalid' | 'trustFormat' | 'fail';

export interface VatNumberOptions {
	mode: ViesMode;
	whenDown: ViesDownBehaviour;
	viesBaseUrl: string;
	classify: Pick<ResolveVatOptions, 'sellerCountry' | 'sellerUsesOss' | 'settings'>;
}

export interface VatNumberOutcome {
	/** For exact.vatNumberCheck; null when the order has no VAT number. */
	check: VatNumberCheck | null;
	/** What the VAT engine is told: valid, invalid, or unknown (null). */
	valid: boolean | null;
	warnings: string[];
}

export async function checkCustomerVatNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	doc: EnrichedOrderDocument,
	options: VatNumberOptions,
): Promise<VatNumberOutcome> {
	const raw = doc.customer.vatNumber;
	if (!raw) return { check: null, valid: null, warnings: [] };
	const hint = doc.invoiceAddress?.countryCode ?? doc.deliveryAddress?.countryCode ?? null;
	const format = validateVatNumber(raw, hint);
	const vatNumber = format.normalized;
	const checkedAt = new Date().toISOString();
	const byFormat = (valid: boolean): VatNumberCheck => ({
		vatNumber,
		valid,
		source: 'format',
		checkedAt,
	});
	if (!format.valid) return { check: byFormat(false), valid: false, warnings: [] };
	const matters = vatNumberMatters(doc, options.classify);
	if (options.mode === 'off') {
		const warnings = matters
			? [
					`VAT number ${vatNumber} was not checked in VIES (the check is off): the 0% ICP rate rests on its format only`,
				]
			: [];
		return { check: byFormat(true), valid: true, warnings };
	}
	const parts = splitVatNumber(vatNumber);
	// Only an intra-community supply depends on VIES; other orders are not worth a call.
	if (!matters || !parts) return { check: byFormat(true), valid: true, warnings: [] };
	const vies = await checkVatNumberInVies(
		ctx,
		options.viesBaseUrl,
		parts.countryCode,
		parts.number,
	);
	if (vies.available) {
		const check: VatNumberCheck = {
			vatNumber,
			valid: vies.valid,
			source: 'vies',
			checkedAt: vies.checkedAt,
			name: vies.name,
		};
		return { check, valid: vies.valid, warnings: [] };
	}
	const outage = `VIES could not check VAT number ${vatNumber} (${vies.error ?? 'unavailable'})`;
	if (options.whenDown === 'fail') {
		throw new NodeOperationError(ctx.getNode(), `Order ${doc.references.orderName}: ${outage}`, {
			itemIndex,
			description:
				"Run this order again when VIES is back, or change 'When VIES Is Unavailable' in the node's options.",
		});
	}
	if (options.whenDown === 'trustFormat') {
		const warning = `${outage}: its format and check digits are valid, so the 0% ICP rate was applied; check it in VIES later and keep the proof`;
		return { check: byFormat(true), valid: true, warnings: [warning] };
	}
	const unavailable: VatNumberCheck = { vatNumber, valid: null, source: 'unavailable', checkedAt };
	const warning = `${outage}: VAT was charged as for a consumer; run the order again when VIES is back to book it as ICP 0%`;
	return { check: unavailable, valid: null, warnings: [warning] };
}
