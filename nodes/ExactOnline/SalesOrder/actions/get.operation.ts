/** Get: one sales order with its lines, by order number or ID. */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { cleanRecord } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { locateOrder, orderLocator } from './common';

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, [orderLocator]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const order = await locateOrder(this, itemIndex);
		if (!order)
			throw new NodeOperationError(this.getNode(), 'No such sales order in this division', {
				itemIndex,
			});
		const record = (await exactRequest.call(this, {
			method: 'GET',
			path: entityKeyPath('salesorder/SalesOrders', order.OrderID),
			qs: { $expand: 'SalesOrderLines' },
			itemIndex,
			parseDates: true,
		})) as Record<string, unknown>;
		return { ...cleanRecord(record), action: 'found' };
	});
}
