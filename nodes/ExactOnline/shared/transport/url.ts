/** URL building for the Exact REST API: paths, divisions and the OData query string. */
import { isFilter, isLiteral, renderFilter, validateGuid } from '../../../core/exact/filter';
import type { Filter, Literal } from '../../../core/exact/filter';

export type QueryValue = string | number | boolean | Filter | Literal | string[] | undefined;

export interface ExactQuery {
	$filter?: Filter | string;
	$select?: string | string[];
	$top?: number;
	$orderby?: string;
	$expand?: string;
	[key: string]: QueryValue;
}

/** service/Entity, optional key `(guid'…')` or `(123)`, optional navigation segments. */
const PATH_PATTERN =
	/^[A-Za-z][A-Za-z0-9_]*(\/[A-Za-z][A-Za-z0-9_]*)+(\((guid'[0-9a-fA-F-]{36}'|\d+)\))?(\/[A-Za-z$][A-Za-z0-9_]*)*$/;
const DIVISIONLESS = /^(current\/|system\/Users\b)/;

export function isValidPath(path: string): boolean {
	return typeof path === 'string' && PATH_PATTERN.test(path);
}

export function isDivisionless(path: string): boolean {
	return DIVISIONLESS.test(path);
}

/** `crm/Accounts` + id → `crm/Accounts(guid'…')` (GUID validated). */
export function entityKeyPath(entitySet: string, id: string): string {
	return `${entitySet}(guid'${validateGuid(id)}')`;
}

/** The entity set named in errors: the path without its key. */
export function entityName(path: string): string {
	return path.replace(/\(.*?\)/g, '');
}

function encode(text: string): string {
	return encodeURIComponent(text)
		.replace(/%24/g, '$')
		.replace(/%2C/g, ',')
		.replace(/%3A/g, ':')
		.replace(/%2F/g, '/')
		.replace(/%40/g, '@');
}

function queryText(value: Exclude<QueryValue, undefined>): string {
	if (isFilter(value)) return renderFilter(value);
	if (isLiteral(value)) return value.text;
	if (Array.isArray(value)) return value.join(',');
	return String(value);
}

export function buildQueryString(qs: ExactQuery | undefined): string {
	if (!qs) return '';
	const parts: string[] = [];
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === '') continue;
		parts.push(`${encode(key)}=${encode(queryText(value))}`);
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

export function buildUrl(
	baseUrl: string,
	path: string,
	division: number | undefined,
	qs?: ExactQuery,
): string {
	const prefix = division === undefined ? `${baseUrl}/api/v1` : `${baseUrl}/api/v1/${division}`;
	return `${prefix}/${path}${buildQueryString(qs)}`;
}

/** A `__next` link is followed verbatim, but only on the credential's own API root. */
export function isSameApiRoot(url: string, baseUrl: string): boolean {
	try {
		const target = new URL(url);
		const base = new URL(baseUrl);
		return (
			target.origin === base.origin &&
			target.pathname.startsWith(`${base.pathname.replace(/\/$/, '')}/api/v1/`)
		);
	} catch {
		return false;
	}
}
