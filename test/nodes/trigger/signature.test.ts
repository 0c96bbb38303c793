import { createHmac } from 'node:crypto';

import { recordRequest } from '../../../nodes/ExactOnline/Trigger/endpoint';
import {
	expectedHashCode,
	isValidSignature,
	splitDelivery,
} from '../../../nodes/ExactOnline/Trigger/signature';

const CONTENT =
	'{"Topic":"Items","Division":3012345,"Action":"Update","Key":"k","Note":"a,\\"HashCode\\":\\"x"}';

describe('Exact webhook signature', () => {
	it('signs the raw Content bytes, upper-case hex, with the webhook secret', () => {
		expect(expectedHashCode(CONTENT, 's')).toBe(
			createHmac('sha256', 's').update(CONTENT).digest('hex').toUpperCase(),
		);
	});

	it('splits at the last ,"HashCode": so a Content string containing it stays intact', () => {
		const hash = expectedHashCode(CONTENT, 's');
		expect(splitDelivery(`{"Content":${CONTENT},"HashCode":"${hash}"}\n`)).toEqual({
			content: CONTENT,
			hashCode: hash,
		});
	});

	it('rejects bodies of another shape, a wrong secret, lower-case hex and an empty secret', () => {
		expect(splitDelivery('{"HashCode":"AB","Content":{}}')).toBeUndefined();
		const delivery = { content: CONTENT, hashCode: expectedHashCode(CONTENT, 's') };
		expect(isValidSignature(delivery, 's')).toBe(true);
		expect(isValidSignature(delivery, 't')).toBe(false);
		expect(isValidSignature({ ...delivery, hashCode: delivery.hashCode.toLowerCase() }, 's')).toBe(
			false,
		);
		expect(isValidSignature({ ...delivery, hashCode: 'AB' }, 's')).toBe(false);
		expect(isValidSignature(delivery, '')).toBe(false);
	});
});

describe('the record behind ExactOnlineEndpoint', () => {
	const guid = '0f7a0000-0000-4000-8000-000000000001';

	it('keeps only the path under the division and GUID query values', () => {
		const entity = recordRequest(
			`https://start.exactonline.nl/api/v1/3012345/logistics/Items(guid'${guid}')`,
			3012345,
		);
		expect(entity).toMatchObject({ path: `logistics/Items(guid'${guid}')`, division: 3012345 });
		const stock = recordRequest(
			`https://start.exactonline.nl/api/v1/3012345/read/logistics/StockPosition?itemId=guid'${guid}'`,
			3012345,
		);
		expect(stock?.path).toBe('read/logistics/StockPosition');
		expect(Object.keys(stock?.qs ?? {})).toEqual(['itemId']);
	});

	it.each([
		[`https://x/api/v1/999/logistics/Items(guid'${guid}')`, 'another division'],
		['https://x/api/v1/3012345/../oauth2/token', 'a path escape'],
		[
			`https://x/api/v1/3012345/read/logistics/StockPosition?itemId=1 or 1`,
			'a free-text query value',
		],
		['not a url', 'not a URL'],
	])('refuses %s (%s)', (endpoint) => {
		expect(recordRequest(endpoint, 3012345)).toBeUndefined();
	});
});
