import { startExactSandbox } from '../../../sandbox/exact';
import type { ExactSandbox } from '../../../sandbox/exact';
import { ExactProbe } from '../../helpers/ExactProbe.node';
import { admin, calls, createCredentialStore } from '../../helpers/exactSandbox';
import { runListSearch, runNode } from '../../helpers/harness';

describe('division locator and default', () => {
	let sandbox: ExactSandbox;

	beforeAll(async () => {
		sandbox = await startExactSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	it("defaults to the user's current division from current/Me, once per execution", async () => {
		const credentials = await createCredentialStore(sandbox);
		await admin(sandbox, 'DELETE', 'calls');
		const result = await runNode({
			node: new ExactProbe(),
			items: [{ op: 'division' }, { op: 'division' }],
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.division)).toEqual([sandbox.division, sandbox.division]);
		const log = await calls(sandbox);
		expect(log.filter((c) => c.path === '/api/v1/current/Me')).toHaveLength(1);
	});

	it('uses the division chosen in the node', async () => {
		const credentials = await createCredentialStore(sandbox);
		const result = await runNode({
			node: new ExactProbe(),
			parameters: { division: { __rl: true, mode: 'id', value: '3012345' } },
			items: [{ op: 'division' }],
			credentials,
		});
		expect(result.items[0].json.division).toBe(3012345);
	});

	it('lists the accessible divisions with name and number', async () => {
		const credentials = await createCredentialStore(sandbox);
		const { results } = await runListSearch({
			node: new ExactProbe(),
			method: 'searchDivisions',
			credentials,
		});
		expect(results.length).toBeGreaterThan(0);
		const current = results.find((r) => r.value === String(sandbox.division));
		expect(current?.name).toMatch(new RegExp(`\\(${sandbox.division}\\)$`));
	});
});
