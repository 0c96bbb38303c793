/**
 * Cancel: Exact Online's REST API has no cancel action for sales orders (Status is read-only). An
 * order on which nothing was delivered is therefore deleted, which Exact allows; an order with
 * deliveries cannot be undone through the API and fails with a message saying so. An order that
 * no longer exists is reported as skipped, so cancelling twice is harmless.
 */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { locateOrder, orderLocator } from './common';

export const description = updateDisplayOptions({ show: { operation: ['cancel'] } }, [
	orderLocator,
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const order = await locateOrder(this, itemIndex);
		if (!order)
			return { action: 'skipped', reason: 'no such sales order (already cancelled or deleted)' };
		if (order.DeliveryStatus !== 12 || order.Status === 45) {
			throw new NodeOperationError(
				this.getNode(),
				`Sales order ${order.OrderNumber} has deliveries (status ${order.Status}); Exact's API cannot cancel it`,
				{
					itemIndex,
					description: 'Cancel it in Exact Online, or book a return for the delivered goods.',
				},
			);
		}
		await exactRequest.call(this, {
			method: 'DELETE',
			path: entityKeyPath('salesorder/SalesOrders', order.OrderID),
			itemIndex,
			writeCheck: async () => ((await locateOrder(this, itemIndex)) ? undefined : {}),
		});
		return {
			OrderID: order.OrderID,
			OrderNumber: order.OrderNumber,
			YourRef: order.YourRef ?? null,
			action: 'deleted',
			reason: 'Exact has no cancel action in its API; the undelivered order was deleted',
		};
	});
}
