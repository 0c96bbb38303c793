/**
 * Update: changes header fields of a sales order. Exact does not allow changing the customer
 * (OrderedBy, DeliverTo, InvoiceTo) after creation, so those are not offered.
 */
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { locateOrder, orderLocator } from './common';

const FIELD_MAP: Record<string, string> = {
	deliveryDate: 'DeliveryDate',
	description: 'Description',
	orderDate: 'OrderDate',
	paymentCondition: 'PaymentCondition',
	remarks: 'Remarks',
	shippingMethod: 'ShippingMethod',
	warehouse: 'WarehouseID',
	yourRef: 'YourRef',
};

const properties: INodeProperties[] = [
	orderLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Delivery Date',
				name: 'deliveryDate',
				type: 'dateTime',
				default: '',
				description: 'Planned delivery date',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Description of the order',
			},
			{
				displayName: 'Order Date',
				name: 'orderDate',
				type: 'dateTime',
				default: '',
				description: 'Date of the order',
			},
			{
				displayName: 'Payment Condition Name or ID',
				name: 'paymentCondition',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPaymentConditions' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Remarks',
				name: 'remarks',
				type: 'string',
				default: '',
				description: 'Remarks on the order',
			},
			{
				displayName: 'Shipping Method Name or ID',
				name: 'shippingMethod',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getShippingMethods' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Warehouse Name or ID',
				name: 'warehouse',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getWarehouses' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Your Reference',
				name: 'yourRef',
				type: 'string',
				default: '',
				description:
					"The customer's reference (imported orders carry the Shopify order name; changing it makes a re-import create a new order)",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		for (const [key, value] of Object.entries(fields)) {
			const field = FIELD_MAP[key];
			if (!field || typeof value !== 'string' || !value.trim()) continue;
			body[field] = key.endsWith('Date') ? value.trim().slice(0, 10) : value.trim();
		}
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field', {
				itemIndex,
			});
		}
		const order = await locateOrder(this, itemIndex);
		if (!order)
			throw new NodeOperationError(this.getNode(), 'No such sales order in this division', {
				itemIndex,
			});
		await exactRequest.call(this, {
			method: 'PUT',
			path: entityKeyPath('salesorder/SalesOrders', order.OrderID),
			body,
			itemIndex,
			writeCheck: async () => undefined,
		});
		return { OrderID: order.OrderID, OrderNumber: order.OrderNumber, ...body, action: 'updated' };
	});
}
