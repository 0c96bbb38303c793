import { exactErrorText, scrubSecrets } from '../../../nodes/ExactOnline/shared/errors';
import { withCredentialChain } from '../../../nodes/ExactOnline/shared/transport/credentialChain';
import { unwrapBody } from '../../../nodes/ExactOnline/shared/transport/request';
import {
	buildUrl,
	entityKeyPath,
	isSameApiRoot,
	isValidPath,
} from '../../../nodes/ExactOnline/shared/transport/url';
import { eq } from '../../../nodes/core/exact/filter';

describe('transport helpers', () => {
	it('unwraps collections, single records, read/ arrays and $count', () => {
		expect(unwrapBody({ d: { results: [{ a: 1 }], __next: 'x' } })).toEqual([{ a: 1 }]);
		expect(unwrapBody({ d: { ID: 'x' } })).toEqual({ ID: 'x' });
		expect(unwrapBody({ d: [{ InStock: 3 }] })).toEqual([{ InStock: 3 }]);
		expect(unwrapBody('2500')).toBe(2500);
		expect(unwrapBody(2500)).toBe(2500);
		expect(unwrapBody('')).toBeUndefined();
	});

	it("reads Exact's error text from REST and OAuth bodies", () => {
		expect(
			exactErrorText({
				error: { code: '', message: { lang: '', value: 'Gegeven bestaat reeds.' } },
			}),
		).toBe('Gegeven bestaat reeds.');
		expect(exactErrorText('{"error":{"message":{"value":"x"}}}')).toBe('x');
		expect(
			exactErrorText({
				error: 'unauthorized_client',
				error_description: 'Old refresh token used.',
			}),
		).toBe('Old refresh token used.');
		expect(exactErrorText('<html>oops</html>')).toBe('<html>oops</html>');
		expect(exactErrorText(undefined)).toBeUndefined();
	});

	it('scrubs known secrets, bearer tokens and token parameters', () => {
		const text =
			'token abcdef123456 Bearer xyz.789 refresh_token=Gcp7!IAAA&x=1 client_secret=s3cr3t';
		const out = scrubSecrets(text, ['abcdef123456']);
		expect(out).not.toMatch(/abcdef123456|xyz\.789|Gcp7|s3cr3t/);
		expect(out).toContain('x=1');
	});

	it('builds URLs with the division and an encoded OData query', () => {
		const url = buildUrl('http://127.0.0.1:1', 'crm/Accounts', 3012345, {
			$filter: eq('Email', "o'brien+x@example.com"),
			$select: ['ID', 'Name'],
			$top: 1,
		});
		expect(url).toBe(
			"http://127.0.0.1:1/api/v1/3012345/crm/Accounts?$filter=Email%20eq%20'o''brien%2Bx@example.com'&$select=ID,Name&$top=1",
		);
		expect(new URL(url).searchParams.get('$filter')).toBe("Email eq 'o''brien+x@example.com'");
		expect(buildUrl('https://start.exactonline.nl', 'current/Me', undefined)).toBe(
			'https://start.exactonline.nl/api/v1/current/Me',
		);
	});

	it('accepts only entity paths, optionally keyed, and builds keyed paths from GUIDs', () => {
		expect(isValidPath('crm/Accounts')).toBe(true);
		expect(
			isValidPath(
				"salesorder/SalesOrders(guid'3c12aaaa-bbbb-cccc-dddd-eeeeffff0000')/SalesOrderLines",
			),
		).toBe(true);
		expect(isValidPath('crm/Accounts/$count')).toBe(true);
		expect(isValidPath('read/logistics/StockPosition')).toBe(true);
		expect(isValidPath('../oauth2/token')).toBe(false);
		expect(isValidPath('crm/Accounts?$filter=x')).toBe(false);
		expect(isValidPath('https://evil.example.com/x')).toBe(false);
		expect(entityKeyPath('crm/Accounts', '5B7F4515-1C3D-4E5F-8A9B-0C1D2E3F4A5B')).toBe(
			"crm/Accounts(guid'5b7f4515-1c3d-4e5f-8a9b-0c1d2e3f4a5b')",
		);
		expect(() => entityKeyPath('crm/Accounts', "x') or (1")).toThrow();
	});

	it('follows __next links only on the credential API root', () => {
		expect(
			isSameApiRoot('http://127.0.0.1:1/api/v1/1/crm/Accounts?$skiptoken=x', 'http://127.0.0.1:1'),
		).toBe(true);
		expect(isSameApiRoot('http://127.0.0.1:2/api/v1/1/crm/Accounts', 'http://127.0.0.1:1')).toBe(
			false,
		);
		expect(
			isSameApiRoot('https://evil.example.com/api/v1/1/x', 'https://start.exactonline.nl'),
		).toBe(false);
	});

	it('runs tasks of one credential one at a time, in order, and other credentials independently', async () => {
		const log: string[] = [];
		const task = (name: string, ms: number) => async () => {
			log.push(`${name}:start`);
			await new Promise((r) => setTimeout(r, ms));
			log.push(`${name}:end`);
			return name;
		};
		const failing = withCredentialChain('a', async () => {
			throw new Error('boom');
		});
		const results = await Promise.allSettled([
			withCredentialChain('a', task('a1', 30)),
			failing,
			withCredentialChain('a', task('a2', 5)),
			withCredentialChain('b', task('b1', 1)),
		]);
		expect(results.map((r) => r.status)).toEqual([
			'fulfilled',
			'rejected',
			'fulfilled',
			'fulfilled',
		]);
		const aLog = log.filter((l) => l.startsWith('a'));
		expect(aLog).toEqual(['a1:start', 'a1:end', 'a2:start', 'a2:end']);
		expect(log.indexOf('b1:end')).toBeLessThan(log.indexOf('a1:end'));
	});
});
