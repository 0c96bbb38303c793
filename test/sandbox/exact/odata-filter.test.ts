import { SCHEMAS } from '../../../sandbox/exact/entities';
import { ApiError } from '../../../sandbox/exact/errors';
import { evaluate } from '../../../sandbox/exact/odata/evaluate';
import { parseFilter } from '../../../sandbox/exact/odata/parser';
import { openSandbox, q, seed, TestSandbox } from './helpers';

const account = {
	ID: '5b7f4515-3e2f-4bd8-9a46-0d7a52a3a001',
	Name: "O'Brien & Zonen",
	Code: '                25',
	Email: "o'brien@example.com",
	Blocked: false,
	IsAccountant: 1,
	Created: Date.UTC(2026, 0, 15, 10, 0),
	DiscountSales: 0.05,
	VATNumber: null,
};

function run(filter: string, rec: Record<string, unknown> = account): unknown {
	return evaluate(parseFilter(filter, SCHEMAS.Accounts).ast, rec);
}

function parseError(filter: string): ApiError {
	try {
		parseFilter(filter, SCHEMAS.Accounts);
	} catch (error) {
		return error as ApiError;
	}
	throw new Error(`no error for ${filter}`);
}

describe('OData $filter parser and evaluator', () => {
	test.each([
		["Name eq 'O''Brien & Zonen'", true],
		["Name ne 'O''Brien & Zonen'", false],
		["name eq 'x'", 'error'],
		["Email eq 'O''BRIEN@EXAMPLE.COM'", true],
		["Code eq '25'", false],
		["trim(Code) eq '25'", true],
		["substringof('brien', Name) eq true", true],
		["substringof('brien', Name)", true],
		["not substringof('smith', Name)", true],
		["ID eq guid'5b7f4515-3e2f-4bd8-9a46-0d7a52a3a001'", true],
		["ID eq guid'5B7F4515-3E2F-4BD8-9A46-0D7A52A3A001'", true],
		["Created gt datetime'2026-01-15'", true],
		["Created lt datetime'2026-01-15T10:00'", false],
		["Created le datetime'2026-01-15T10:00:00'", true],
		['DiscountSales ge 0.05 and DiscountSales lt 1', true],
		['IsAccountant eq 1', true],
		['VATNumber eq null', true],
		['VATNumber ne null', false],
		['Blocked eq false', true],
		["(Name eq 'x' or Blocked eq false) and not (IsAccountant eq 0)", true],
		["Name eq 'O''Brien & Zonen' or Name eq 'y' and Blocked eq true", true],
		["(Name eq 'O''Brien & Zonen' or Name eq 'y') and Blocked eq true", false],
	])('%s → %s', (filter, expected) => {
		if (expected === 'error') {
			expect(parseError(filter).status).toBe(400);
			return;
		}
		expect(run(filter)).toBe(expected);
	});

	test('Int64 literals with an L suffix compare as numbers', () => {
		const ast = parseFilter('Timestamp gt 12345L', SCHEMAS.StockPositions).ast;
		expect(evaluate(ast, { Timestamp: 12346 })).toBe(true);
		expect(evaluate(ast, { Timestamp: 12345 })).toBe(false);
	});

	test.each([
		["Name eq 'unterminated", /Unterminated/],
		['Name eq', /Expression expected/],
		["Name eq 'a' and", /Expression expected/],
		["(Name eq 'a'", /\)/],
		['Name eq 12', /incompatible/],
		['IsAccountant eq true', /incompatible/],
		["ID eq 'abc'", /incompatible/],
		["ID eq guid'nope'", /Guid/],
		["Foo eq 'x'", /No property 'Foo'/],
		["MainContact/Name eq 'x'", /navigation/],
		["Name eq 'x' # 1", /Syntax error/],
		["unknownfn(Name) eq 'x'", /Unknown function/],
		['Name', /Boolean/],
	])('%s is a 400 (%s)', (filter, message) => {
		const error = parseError(filter);
		expect(error.status).toBe(400);
		expect(error.message).toMatch(message);
	});
});

describe('$filter over HTTP', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await openSandbox();
		await seed(t, 'crm/Accounts', [
			{ Name: 'Alpha', Email: "o'brien@example.com", City: 'Zwolle' },
			{ Name: 'Beta', Email: 'beta@example.com', City: 'Zwolle' },
			{ Name: 'Gamma', Email: 'gamma@example.com', City: 'Zwolle', Blocked: true },
		]);
	});
	afterAll(() => t.close());

	test('quotes escaped as two quotes find the record', async () => {
		const res = await t.api(
			'GET',
			`crm/Accounts?$filter=${q("Email eq 'o''brien@example.com'")}&$select=Name`,
		);
		expect(res.status).toBe(200);
		expect(res.json.d.results.map((r: { Name: string }) => r.Name)).toEqual(['Alpha']);
	});

	test('and / or / not with parentheses select the expected rows', async () => {
		const f = "City eq 'Zwolle' and (Name eq 'Alpha' or Name eq 'Gamma') and not (Blocked eq true)";
		const res = await t.api('GET', `crm/Accounts?$filter=${q(f)}&$select=Name`);
		expect(res.json.d.results.map((r: { Name: string }) => r.Name)).toEqual(['Alpha']);
	});

	test('a malformed filter is a 400 with the Exact error body', async () => {
		const res = await t.api('GET', `crm/Accounts?$filter=${q("Name eq 'Alpha")}`);
		expect(res.status).toBe(400);
		expect(res.json.error.code).toBe('');
		expect(res.json.error.message.lang).toBe('');
		expect(res.json.error.message.value).toMatch(/Unterminated/);
	});
});
