/**
 * Each node test starts as a freshly started n8n: what the Exact nodes remember in process memory
 * (current division, VAT codes, found records, imported orders) is forgotten before every test, so
 * a test's Exact calls do not depend on the tests before it. Tests of the sharing itself run their
 * executions within one test.
 */
import { clearProcessMemory } from '../../nodes/ExactOnline/shared/processMemory';

beforeEach(() => {
	clearProcessMemory();
});
