/** One signed webhook POST, the way Shopify sends it. */
import { createHmac } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';

export interface SignedDelivery {
	address: string;
	topic: string;
	shopDomain: string;
	apiVersion: string;
	webhookId: string;
	eventId: string;
	triggeredAt: string;
	body: Buffer;
	secret: string;
}

/** base64 HMAC-SHA256 of the exact body bytes, keyed with the app secret. */
export function hmacBase64(secret: string, body: Buffer | string): string {
	return createHmac('sha256', secret).update(body).digest('base64');
}

export function deliveryHeaders(d: SignedDelivery): Record<string, string> {
	return {
		'Content-Type': 'application/json',
		'User-Agent': 'Shopify-Captain-Hook',
		'X-Shopify-Topic': d.topic,
		'X-Shopify-Hmac-Sha256': hmacBase64(d.secret, d.body),
		'X-Shopify-Shop-Domain': d.shopDomain,
		'X-Shopify-API-Version': d.apiVersion,
		'X-Shopify-Webhook-Id': d.webhookId,
		'X-Shopify-Event-Id': d.eventId,
		'X-Shopify-Triggered-At': d.triggeredAt,
	};
}

/** POSTs and resolves with the HTTP status; rejects on network errors and after `timeoutMs`. */
export function postDelivery(
	d: SignedDelivery,
	timeoutMs: number,
	signal?: AbortSignal,
): Promise<number> {
	return new Promise((resolve, reject) => {
		let url: URL;
		try {
			url = new URL(d.address);
		} catch {
			reject(new Error(`invalid address ${d.address}`));
			return;
		}
		const client = url.protocol === 'https:' ? https : http;
		const req = client.request(url, {
			method: 'POST',
			headers: { ...deliveryHeaders(d), 'Content-Length': String(d.body.length) },
			agent: false,
			signal,
			// Receivers in tests use self-signed certificates.
			rejectUnauthorized: false,
		});
		const timer = setTimeout(
			() => req.destroy(new Error(`timeout after ${timeoutMs} ms`)),
			timeoutMs,
		);
		req.on('response', (res) => {
			res.resume();
			res.on('end', () => {
				clearTimeout(timer);
				resolve(res.statusCode ?? 0);
			});
			res.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
		});
		req.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		req.end(d.body);
	});
}
