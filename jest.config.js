/**
 * One jest run for the whole repository: unit tests of each workspace and
 * the integration tests in tests/, which start the real subgraphs and the
 * gateway on free ports against the real database (the embedded FerretDB
 * started in jest.global-setup.js, or MONGODB_URI).
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/shared/src', '<rootDir>/subgraphs', '<rootDir>/gateway/src', '<rootDir>/portal/app/src', '<rootDir>/tests/src', '<rootDir>/scripts/src'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  globalSetup: '<rootDir>/jest.global-setup.js',
  globalTeardown: '<rootDir>/jest.global-teardown.js',
  testTimeout: 60_000,
  // Integration suites each start every subgraph and the gateway; two workers fit two cores.
  maxWorkers: 2,
};
