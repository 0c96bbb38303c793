/** Get: one account by its ID. */
import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { cleanRecord } from '../../../core/exact/recordOutput';
import { runPerItem } from '../../shared/runner';
import { entityKeyPath, exactRequest } from '../../shared/transport';
import { accountLocator } from './fields';

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, [
	accountLocator,
] as INodeProperties[]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runPerItem.call(this, async (itemIndex) => {
		const id = String(
			this.getNodeParameter('accountId', itemIndex, '', { extractValue: true }),
		).trim();
		const record = (await exactRequest.call(this, {
			method: 'GET',
			path: entityKeyPath('crm/Accounts', id),
			itemIndex,
			parseDates: true,
		})) as Record<string, unknown>;
		return { ...cleanRecord(record), action: 'found' };
	});
}
