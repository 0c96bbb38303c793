import { randomBytes, randomUUID } from 'crypto';

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newGuid(): string {
	return randomUUID();
}

export function isGuid(value: unknown): value is string {
	return typeof value === 'string' && GUID_RE.test(value);
}

/** URL-safe random text of about `bytes * 4 / 3` characters. */
export function randomText(bytes: number): string {
	return randomBytes(bytes)
		.toString('base64')
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/** Exact's account codes: 18 characters, right-aligned, padded with spaces. */
export function padCode(code: string | number): string {
	return String(code).trim().padStart(18, ' ');
}
