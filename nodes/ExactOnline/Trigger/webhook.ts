/**
 * Handling one POST from Exact: the empty validation probe gets a 200 and starts nothing; a
 * delivery is verified (HashCode, constant time) and, when valid and of a selected topic, emitted,
 * optionally with the record fetched through the transport. Invalid calls get a 401 and start
 * nothing. Exact retries failed deliveries and may repeat one: the stock template reads current
 * positions, so handling an event twice changes nothing.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { exactRequest } from '../shared/transport';
import type { TransportContext } from '../shared/transport';
import { recordRequest } from './endpoint';
import { isValidSignature, splitDelivery } from './signature';

/** The body exactly as received: n8n keeps it as req.rawBody (a Buffer) for every webhook. */
export function rawBodyOf(ctx: IWebhookFunctions): string {
	const req = ctx.getRequestObject() as unknown as {
		rawBody?: { toString(encoding: string): string } | string;
	};
	const raw = req.rawBody;
	if (raw === undefined || raw === null) return '';
	return typeof raw === 'string' ? raw : raw.toString('utf8');
}

function reject(ctx: IWebhookFunctions, message: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(401).json({ message });
	return { noWebhookResponse: true };
}

async function fetchRecord(ctx: IWebhookFunctions, content: IDataObject): Promise<IDataObject> {
	if (content.Action === 'Delete') return { record: null };
	const request = recordRequest(content.ExactOnlineEndpoint, content.Division);
	if (!request) return { record: null, fetchError: 'ExactOnlineEndpoint is not an Exact API path' };
	try {
		const record = await exactRequest.call(ctx as unknown as TransportContext, {
			method: 'GET',
			path: request.path,
			qs: request.qs,
			division: request.division,
			entity: String(content.Topic ?? 'record'),
		});
		return {
			record: (Array.isArray(record) && record.length === 1 ? record[0] : record) as IDataObject,
		};
	} catch (error) {
		// The event is still worth emitting (a record may be gone by now); the reason travels with it.
		return { record: null, fetchError: (error as Error).message };
	}
}

export async function handleDelivery(
	ctx: IWebhookFunctions,
	secret: string,
): Promise<IWebhookResponseData> {
	const raw = rawBodyOf(ctx);
	if (raw.trim() === '') return { webhookResponse: 'OK' };
	const delivery = splitDelivery(raw);
	if (!delivery || !isValidSignature(delivery, secret)) return reject(ctx, 'Invalid HashCode');
	let content: IDataObject;
	try {
		content = JSON.parse(delivery.content) as IDataObject;
	} catch (error) {
		return reject(ctx, `Unreadable content: ${(error as Error).message}`);
	}
	const topics = ctx.getNodeParameter('topics', []) as string[];
	if (!topics.includes(String(content.Topic))) return { webhookResponse: 'OK' };
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const extra = options.fetchRecord === true ? await fetchRecord(ctx, content) : {};
	return { workflowData: [[{ json: { ...content, ...extra } }]] };
}
