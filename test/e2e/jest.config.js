/**
 * End-to-end tests: a real n8n (2.8.4 on this machine's Node by default; E2E_RUNTIME=n8n-2.x for the
 * newest n8n 2.x on Node 24) with the packed package, both sandboxes and the templates. One stack for
 * the whole run, started by globalSetup; run with --runInBand.
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/support/globalTeardown.ts',
	testSequencer: '<rootDir>/test/e2e/support/sequencer.js',
	testTimeout: 300000,
	// globalTeardown stops n8n and the sandboxes; a keep-alive socket left in this process must not
	// keep CI waiting after the report.
	forceExit: true,
	slowTestThreshold: 120,
};
