import { Workflow } from 'n8n-workflow';
import type { INode, INodeTypes } from 'n8n-workflow';

import {
	exactBaseUrlExpression,
	ExactBaseUrlError,
	isAllowedSandboxBaseUrl,
	REFUSED_BASE_URL,
	resolveExactBaseUrl,
} from '../../../nodes/core/exact/baseUrl';

const node: INode = {
	id: '1',
	name: 'n',
	type: 't',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const nodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/** Evaluates a credential expression the way n8n resolves credential defaults ($self = the data). */
function evaluate(expression: string, data: Record<string, unknown>): unknown {
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const self = { ...data, value: expression };
	const out = workflow.expression.getComplexParameterValue(
		node,
		self as never,
		'internal',
		{},
		undefined,
		undefined,
		self as never,
	) as Record<string, unknown>;
	return out.value;
}

describe('Exact base URL rule', () => {
	it('maps every region to its fixed https host', () => {
		expect(resolveExactBaseUrl({ environment: 'production', region: 'uk' })).toBe(
			'https://start.exactonline.co.uk',
		);
		expect(resolveExactBaseUrl({ environment: 'production', region: 'us' })).toBe(
			'https://start.exactonline.com',
		);
		expect(() => resolveExactBaseUrl({ environment: 'production', region: 'xx' })).toThrow(
			ExactBaseUrlError,
		);
		expect(() => resolveExactBaseUrl({ environment: 'production', region: 'toString' })).toThrow(
			ExactBaseUrlError,
		);
	});

	it('accepts only localhost, 127.0.0.1 (any port) or https for the sandbox', () => {
		for (const ok of [
			'http://localhost:5680',
			'http://127.0.0.1:1',
			'http://localhost',
			'https://exact.example.com/x',
		]) {
			expect(isAllowedSandboxBaseUrl(ok)).toBe(true);
		}
		for (const bad of [
			'http://evil.example.com',
			'http://localhost.evil.com',
			'http://localhost@evil.com',
			'http://127.0.0.1.evil.com:80',
			'https://user@evil.com',
			'ftp://localhost',
			'http://10.0.0.1:80',
			'',
		]) {
			expect(isAllowedSandboxBaseUrl(bad)).toBe(false);
		}
		expect(resolveExactBaseUrl({ environment: 'sandbox', baseUrl: 'http://127.0.0.1:4000/' })).toBe(
			'http://127.0.0.1:4000',
		);
		expect(() =>
			resolveExactBaseUrl({ environment: 'sandbox', baseUrl: 'http://evil.example.com' }),
		).toThrow(/localhost/);
	});

	it('evaluates the credential URL expressions with the same rule in n8n', () => {
		const token = exactBaseUrlExpression('/api/oauth2/token');
		expect(evaluate(token, { environment: 'production', region: 'be' })).toBe(
			'https://start.exactonline.be/api/oauth2/token',
		);
		expect(evaluate(token, { environment: 'sandbox', baseUrl: 'http://127.0.0.1:4000/' })).toBe(
			'http://127.0.0.1:4000/api/oauth2/token',
		);
		expect(evaluate(token, { environment: 'sandbox', baseUrl: 'http://evil.example.com' })).toBe(
			`${REFUSED_BASE_URL}/api/oauth2/token`,
		);
		expect(evaluate(token, { environment: 'sandbox', baseUrl: 'http://localhost@evil.com' })).toBe(
			`${REFUSED_BASE_URL}/api/oauth2/token`,
		);
		expect(evaluate(token, { environment: 'production', region: 'toString' })).toBe(
			`${REFUSED_BASE_URL}/api/oauth2/token`,
		);
	});
});
