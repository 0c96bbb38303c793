import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../../../sandbox/cli';
import { openSandbox, q } from './helpers';

describe('--state persistence and the CLI', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(os.tmpdir(), 'exact-sandbox-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	test('a state file keeps records and tokens across restarts', async () => {
		const stateFile = path.join(dir, 'state.json');
		const first = await openSandbox({ stateFile });
		await first.api('POST', 'crm/Accounts', { body: { Name: 'Persisted BV', City: 'Kampen' } });
		const token = first.token;
		await first.close();
		const second = await openSandbox({ stateFile });
		const res = await second.api(
			'GET',
			`crm/Accounts?$filter=${q("City eq 'Kampen'")}&$select=Name`,
			{ token },
		);
		expect(res.status).toBe(200);
		expect(res.json.d.results).toEqual([expect.objectContaining({ Name: 'Persisted BV' })]);
		await second.close();
	});

	test('a state saved before journals existed gets the seed journals', async () => {
		const stateFile = path.join(dir, 'state.json');
		const first = await openSandbox({ stateFile });
		await first.api('POST', 'crm/Accounts', { body: { Name: 'Old state BV' } });
		await first.close();
		const raw = JSON.parse(readFileSync(stateFile, 'utf8'));
		for (const d of raw.divisions) {
			delete d.tables.Journals;
			delete d.tables.SalesInvoices;
			delete d.tables.SalesInvoiceLines;
			delete d.counters.invoiceNumber;
		}
		writeFileSync(stateFile, JSON.stringify(raw));
		const second = await openSandbox({ stateFile });
		const res = await second.api('GET', 'financial/Journals?$select=Code,Type');
		expect(res.json.d.results).toEqual(
			expect.arrayContaining([expect.objectContaining({ Code: '70', Type: 20 })]),
		);
		await second.close();
	});

	test('main() starts the sandbox on EXACT_SANDBOX_PORT and prints its URL and OAuth client', async () => {
		const lines: string[] = [];
		const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => {
			lines.push(line);
		});
		process.env.EXACT_SANDBOX_PORT = '0';
		try {
			const handles = await main(['--state', path.join(dir, 'cli.json')]);
			expect(lines[0]).toBe(`Exact Online sandbox: ${handles.exact.baseUrl}`);
			expect(lines.join('\n')).toContain('sandbox-client');
			expect(lines.join('\n')).toContain('sandbox-secret');
			const res = await fetch(`${handles.exact.baseUrl}/__sandbox/settings`);
			expect(res.status).toBe(200);
			await handles.close();
		} finally {
			delete process.env.EXACT_SANDBOX_PORT;
			spy.mockRestore();
		}
	});
});
