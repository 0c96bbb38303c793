import { openSandbox, q, seed, TestSandbox } from './helpers';

/** Amsterdam wall-clock ms "as if UTC" of an instant, computed independently of the sandbox. */
function amsterdam(ms: number): number {
	const text = new Date(ms).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' });
	return Date.parse(`${text.replace(' ', 'T')}Z`) + (ms % 1000);
}

describe('current/Me, divisions and dates', () => {
	let t: TestSandbox;
	beforeAll(async () => {
		t = await openSandbox();
	});
	afterAll(() => t.close());

	test('current/Me needs no division and answers in a d.results envelope with CurrentDivision', async () => {
		const res = await t.api('GET', '/api/v1/current/Me');
		expect(res.status).toBe(200);
		expect(res.json.d.results).toHaveLength(1);
		const me = res.json.d.results[0];
		expect(me.CurrentDivision).toBe(3012345);
		expect(me.__metadata.type).toBe('Exact.Web.Api.Models.System.Me');
		expect(me.DivisionCustomerCode).toHaveLength(18);
		const selected = await t.api('GET', '/api/v1/current/Me?$select=CurrentDivision');
		expect(selected.json.d.results[0]).toEqual({
			__metadata: expect.any(Object),
			CurrentDivision: 3012345,
		});
	});

	test('system/Divisions lists both divisions, the default one current', async () => {
		const res = await t.api('GET', 'system/Divisions?$select=Code,Description,Current');
		const rows = res.json.d.results;
		expect(rows).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					Code: 3012345,
					Description: 'Webwinkel Demo B.V.',
					Current: true,
				}),
				expect.objectContaining({ Code: 3012346, Current: false }),
			]),
		);
		expect((await t.api('GET', 'system/Divisions(3012346)')).json.d.Code).toBe(3012346);
	});

	test('a division the user cannot open is refused', async () => {
		expect((await t.api('GET', '/api/v1/999/system/Divisions')).status).toBe(401);
	});

	test('dates are /Date(ms)/ of Amsterdam wall-clock time encoded as UTC', async () => {
		const before = Date.now();
		const res = await t.api('POST', 'crm/Accounts', { body: { Name: 'Clock BV' }, prefer: true });
		const after = Date.now();
		const created = Number(/^\/Date\((\d+)\)\/$/.exec(res.json.d.Created)?.[1]);
		expect(created).toBeGreaterThanOrEqual(amsterdam(before) - 1000);
		expect(created).toBeLessThanOrEqual(amsterdam(after) + 1000);
		const me = (await t.api('GET', '/api/v1/current/Me')).json.d.results[0];
		expect(me.ServerUtcOffset * 1000).toBe(amsterdam(after) - after);
	});

	test('input dates accept YYYY-MM-DD and ISO date-times; datetime filters compare wall-clock time', async () => {
		const [a] = await seed(t, 'crm/Accounts', [
			{ Name: 'Dated', ControlledDate: '2026-01-15T10:30:00' },
		]);
		const [b] = await seed(t, 'crm/Accounts', [{ Name: 'Dated 2', ControlledDate: '2026-01-16' }]);
		expect(a.ControlledDate).toBe(`/Date(${Date.UTC(2026, 0, 15, 10, 30)})/`);
		expect(b.ControlledDate).toBe(`/Date(${Date.UTC(2026, 0, 16)})/`);
		const f =
			"ControlledDate ge datetime'2026-01-15T10:30' and ControlledDate lt datetime'2026-01-16' and Name eq 'Dated'";
		const res = await t.api('GET', `crm/Accounts?$filter=${q(f)}&$select=ID`);
		expect(res.json.d.results.map((r: { ID: string }) => r.ID)).toEqual([a.ID]);
	});

	test('clockOffsetMs moves the sandbox clock', async () => {
		await t.admin('PUT', 'settings', { clockOffsetMs: 86400000, accessTokenTtlSec: 10 ** 6 });
		const token = await t.mintToken();
		const res = await t.api('POST', 'crm/Accounts', {
			body: { Name: 'Tomorrow BV' },
			prefer: true,
			token,
		});
		await t.admin('PUT', 'settings', { clockOffsetMs: 0, accessTokenTtlSec: 600 });
		const created = Number(/^\/Date\((\d+)\)\/$/.exec(res.json.d.Created)?.[1]);
		expect(created - amsterdam(Date.now())).toBeGreaterThan(86400000 - 60000);
	});
});
