/** Get: one item by code or ID. */
import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { cleanRecord } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { itemLocator } from './fields';
import { itemIdFor } from './locate';

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, [itemLocator]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const id = await itemIdFor(this, itemIndex);
		const record = (await exactRequest.call(this, {
			method: 'GET',
			path: entityKeyPath('logistics/Items', id),
			itemIndex,
			parseDates: true,
		})) as Record<string, unknown>;
		return { ...cleanRecord(record), action: 'found' };
	});
}
