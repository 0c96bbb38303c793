import { createHmac } from 'node:crypto';

import type { ExactSandbox } from '../../../sandbox/exact';
import { startExactSandbox } from '../../../sandbox/exact';
import { ExactOnlineTrigger } from '../../../nodes/ExactOnline/Trigger/ExactOnlineTrigger.node';
import type { CredentialStore } from '../../helpers/credentials';
import { admin, calls, createCredentialStore } from '../../helpers/exactSandbox';
import { eventually, startWebhookHost } from './webhookHost';
import type { WebhookHost } from './webhookHost';

const SECRET = 'trigger-test-webhook-secret';
const node = new ExactOnlineTrigger();

let sandbox: ExactSandbox;
let store: CredentialStore;
let host: WebhookHost;

function parameters(extra: object = {}) {
	return {
		division: { __rl: true, mode: 'id', value: String(sandbox.division) },
		topics: ['StockPositions', 'Items'],
		webhookSecret: SECRET,
		options: { fetchRecord: true },
		...extra,
	};
}

async function subscriptions(): Promise<Array<{ ID: string; Topic: string; CallbackURL: string }>> {
	return (await admin(sandbox, 'GET', 'webhooks')).subscriptions;
}

function signed(content: object, secret = SECRET, transform = (hash: string) => hash): string {
	const json = JSON.stringify(content);
	const hash = createHmac('sha256', secret).update(json).digest('hex').toUpperCase();
	return `{"Content":${json},"HashCode":"${transform(hash)}"}`;
}

async function post(body: string): Promise<number> {
	const response = await fetch(host.url, {
		method: 'POST',
		body,
		headers: body ? { 'Content-Type': 'application/json' } : {},
	});
	await response.arrayBuffer();
	return response.status;
}

beforeAll(async () => {
	sandbox = await startExactSandbox({ port: 0, settings: { webhookSecret: SECRET } });
	await admin(sandbox, 'PUT', 'settings', { minutelyLimit: 100000 });
	store = await createCredentialStore(sandbox);
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(async () => {
	await admin(sandbox, 'POST', 'reset', {});
	await admin(sandbox, 'DELETE', 'calls');
	host = await startWebhookHost(node, parameters(), store);
});

afterEach(async () => {
	await host.close();
});

describe('Exact Online Trigger', () => {
	it('subscribes one topic at a time on activation, answering Exact’s empty validation POST without starting anything', async () => {
		expect(await host.activate()).toEqual({ existed: false });
		const subs = await subscriptions();
		expect(subs.map((s) => [s.Topic, s.CallbackURL]).sort()).toEqual([
			['Items', host.url],
			['StockPositions', host.url],
		]);
		// Exact probes the callback before it confirms each subscription.
		expect(host.received).toEqual([
			{ status: 200, body: '', executed: false },
			{ status: 200, body: '', executed: false },
		]);
		expect(host.executions).toEqual([]);
		const stored = host.staticData().subscriptions as Record<string, string>;
		expect(Object.keys(stored).sort()).toEqual(['Items', 'StockPositions']);
		const log = await calls(sandbox);
		expect(log.map((c) => `${c.method} ${c.path.replace(/^\/api\/v1\/\d+\//, '')}`)).toEqual([
			'GET webhooks/WebhookSubscriptions',
			'GET webhooks/WebhookSubscriptions',
			'POST webhooks/WebhookSubscriptions',
			'POST webhooks/WebhookSubscriptions',
		]);
		expect(log[0].query).toContain(`CallbackURL eq '${host.url}'`);
		expect(await host.checkExists()).toBe(true);
	});

	it('accepts a signed delivery and emits the event with the record fetched through the transport', async () => {
		await host.activate();
		const stock = await admin(sandbox, 'POST', 'stock', {
			itemCode: 'FIETS-001',
			warehouse: '1',
			quantity: 30,
		});
		const itemId = stock.stock[0].itemId as string;
		await eventually(() => host.executions.length > 0);
		const [event] = host.executions[0];
		expect(event.json).toMatchObject({
			Topic: 'StockPositions',
			Action: 'Update',
			Key: itemId,
			Division: sandbox.division,
		});
		expect(event.json.record).toMatchObject({ ItemId: itemId });
		expect(host.received.at(-1)).toMatchObject({ status: 200, executed: true });
	});

	it('refuses a forged or altered delivery with 401 and starts nothing', async () => {
		const content = {
			Topic: 'StockPositions',
			ClientId: 'x',
			Division: sandbox.division,
			Action: 'Update',
			Key: 'k',
			ExactOnlineEndpoint: 'https://start.exactonline.nl/',
			EventCreatedOn: '2026-01-01',
		};
		expect(await post(signed(content, 'not-the-secret'))).toBe(401);
		expect(await post(signed(content).replace('"Action":"Update"', '"Action":"Delete"'))).toBe(401);
		expect(await post(signed(content, SECRET, (h) => h.toLowerCase()))).toBe(401);
		expect(await post('{"Content":{"Topic":"Items"}}')).toBe(401);
		expect(host.executions).toEqual([]);
	});

	it('ignores a valid delivery for a topic the node does not listen to', async () => {
		const content = { Topic: 'Accounts', Division: sandbox.division, Action: 'Update', Key: 'k' };
		expect(await post(signed(content))).toBe(200);
		expect(host.executions).toEqual([]);
	});

	it('handles a replayed delivery again without harm (the same event twice)', async () => {
		const body = signed({
			Topic: 'Items',
			Division: sandbox.division,
			Action: 'Delete',
			Key: 'gone',
		});
		expect(await post(body)).toBe(200);
		expect(await post(body)).toBe(200);
		expect(host.executions.map((e) => e[0].json)).toEqual([
			expect.objectContaining({ Key: 'gone', record: null }),
			expect.objectContaining({ Key: 'gone', record: null }),
		]);
	});

	it('unsubscribes on deactivation', async () => {
		await host.activate();
		expect(await host.deactivate()).toBe(true);
		expect(await subscriptions()).toEqual([]);
		expect(host.staticData().subscriptions).toBeUndefined();
		expect(await host.checkExists()).toBe(false);
	});

	it('refuses to activate without a webhook secret', async () => {
		await host.close();
		host = await startWebhookHost(node, parameters({ webhookSecret: '' }), store);
		await expect(host.activate()).rejects.toThrow(/No webhook secret/);
		expect(await subscriptions()).toEqual([]);
	});
});
