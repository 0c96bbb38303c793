/** npm run test:chaos: the reliability and security scenarios, in band, with a reconciliation table. */
module.exports = {
	rootDir: '../..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/chaos'],
	testMatch: ['**/*.chaos.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	globalSetup: '<rootDir>/test/chaos/support/globalSetup.js',
	reporters: ['default', '<rootDir>/test/chaos/support/tableReporter.js'],
	testSequencer: '<rootDir>/test/chaos/support/sequencer.js',
	testTimeout: 240000,
};
