/**
 * Exact delivers goods only on an approved sales order (ApprovalStatus 2, Exact's goods delivery
 * example). Orders posted through the API start as 1 "Automatically"; posting ApprovalStatus 2
 * approves them when the user holds the approval right. The PUT sets a state, so repeating it is
 * harmless.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { entityKeyPath, exactRequest } from '../../../shared/transport';

export const APPROVED = 2;

/** Approves the order unless it is known to be approved; answers whether a call was made. */
export async function ensureApproved(
	ctx: IExecuteFunctions,
	order: { OrderID: string; ApprovalStatus?: number | null },
	itemIndex: number,
): Promise<boolean> {
	if (order.ApprovalStatus === APPROVED) return false;
	await exactRequest.call(ctx, {
		method: 'PUT',
		path: entityKeyPath('salesorder/SalesOrders', order.OrderID),
		body: { ApprovalStatus: APPROVED },
		itemIndex,
	});
	order.ApprovalStatus = APPROVED;
	return true;
}
