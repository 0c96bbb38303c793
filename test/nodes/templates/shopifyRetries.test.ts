/**
 * n8n's own Shopify node answers Shopify's rate limit (REST: 2 calls a second, a bucket of 40) with
 * an error and does not wait. A burst of webhooks (100 refunds delivered 1–3 times to two queue-mode
 * workers) failed 30 refunds with "The service is receiving too many requests from you". So every
 * n8n Shopify node in the templates retries: n8n runs a node again when its first output item
 * carries an error, also with the error output on (up to 5 tries, at most 5 s apart).
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

const WORKFLOWS = path.join(__dirname, '..', '..', '..', 'workflows');

const shopifyNodes = readdirSync(WORKFLOWS)
	.filter((f) => f.endsWith('.json'))
	.flatMap((file) => {
		const json = JSON.parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as {
			nodes: Array<Record<string, unknown>>;
		};
		return json.nodes
			.filter((n) => n.type === 'n8n-nodes-base.shopify')
			.map((n) => [`${file}: ${String(n.name)}`, n] as const);
	});

test('the refunds template reads its order with n8n\'s Shopify node', () => {
	expect(shopifyNodes.map(([name]) => name)).toContain('shopify-refunds-to-exact.json: Get Order');
});

test.each(shopifyNodes)('%s retries 5 times, 5 seconds apart, when Shopify throttles it', (_name, node) => {
	expect(node).toMatchObject({ retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 });
});
