/**
 * npm run test:queue: the templates in n8n's queue mode (a main instance and two `n8n worker`
 * processes on Redis and Postgres) against both sandboxes, with a reconciliation table per scenario.
 * One stack for the run, started by globalSetup; run with --runInBand.
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	globalSetup: '<rootDir>/test/queue/support/globalSetup.ts',
	globalTeardown: '<rootDir>/test/queue/support/globalTeardown.ts',
	testSequencer: '<rootDir>/test/e2e/support/sequencer.js',
	reporters: ['default', '<rootDir>/test/chaos/support/tableReporter.js'],
	testTimeout: 900000,
	forceExit: true,
	slowTestThreshold: 300,
};
