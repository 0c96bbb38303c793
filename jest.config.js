/** Unit tests (pure core), sandbox tests and node tests. End-to-end tests have their own config. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	setupFilesAfterEnv: ['<rootDir>/test/helpers/freshProcessMemory.ts'],
	testTimeout: 60000,
};
