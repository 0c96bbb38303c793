/**
 * Exact's webhook signature: HashCode = upper-case hex HMAC-SHA256 over the raw bytes of the
 * Content JSON, i.e. what stands between `{"Content":` and `,"HashCode":` in the body exactly as
 * received (re-serialising the parsed JSON could change the bytes and break the check).
 */
import { createHmac, timingSafeEqual } from 'crypto';

const DELIVERY = /^\s*\{"Content":([\s\S]*),"HashCode":"([^"]*)"\}\s*$/;

export interface SignedDelivery {
	/** The Content JSON as received. */
	content: string;
	hashCode: string;
}

/** Splits a raw delivery body; undefined when it does not have Exact's shape. */
export function splitDelivery(raw: string): SignedDelivery | undefined {
	const match = DELIVERY.exec(raw);
	return match ? { content: match[1], hashCode: match[2] } : undefined;
}

export function expectedHashCode(content: string, secret: string): string {
	return createHmac('sha256', secret).update(content, 'utf8').digest('hex').toUpperCase();
}

/** Constant-time comparison of the received HashCode with the one computed from `secret`. */
export function isValidSignature(delivery: SignedDelivery, secret: string): boolean {
	if (!secret) return false;
	const encoder = new TextEncoder();
	const expected = encoder.encode(expectedHashCode(delivery.content, secret));
	const received = encoder.encode(delivery.hashCode);
	if (received.length !== expected.length) return false;
	return timingSafeEqual(received, expected);
}
