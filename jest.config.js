// Projects, so that a quick run can skip the slow ones: unit (pure code), api (supertest), e2e (Chromium),
// reliability (the built server as a child process: load, crashes, shutdown).
// With TEST_DATABASE_URL (a PostgreSQL cluster: scripts/start-test-postgres.sh, started by .ci/run),
// the same store, API and several-process tests run again on PostgreSQL, a fresh database per file.
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};
const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
const postgresOnlyUnitTests = ['<rootDir>/tests/unit/cli/migrate-command.test.ts', '<rootDir>/tests/unit/cli/postgres-backup.test.ts', '<rootDir>/tests/unit/evidence/workers-on-postgres.test.ts', '<rootDir>/tests/unit/storage/postgres-compressed-releases.test.ts'];
// API tests that look at SQLite itself (its files, WAL, pragmas, raw SQL in SQLite's dialect): SQLite only.
const sqliteOnlyApiTests = [
  'erasure', 'server', 'server-retention', 'rate-limits', 'logging', 'evidence-pack-api', 'purpose-withdrawal-api',
  'findings-api', 'personal-evidence-api', 'pages/csv-donation-pages', 'pages/evidence-pack-pages',
].map((name) => `<rootDir>/tests/api/${name}\\.test\\.ts$`);
// A server child process a failed test left running would keep jest from exiting.
const stopLeftoverServers = ['<rootDir>/tests/reliability/stop-leftover-servers.ts'];
// Each PostgreSQL donation is a transaction of its own over a socket, so seeding hundreds takes longer than in memory.
const postgres = {
  ...common,
  globals: { CROWDAUDIT_TEST_ENGINE: 'postgres' },
  setupFilesAfterEnv: ['<rootDir>/tests/helpers/close-test-stores.ts'],
  testTimeout: 30000,
};
module.exports = {
  // A project's own testTimeout is not applied (jest reads it from the top level), and since
  // storage is async, seeding hundreds of donations in a hook counts against the timeout (the
  // synchronous seeding before could not be stopped by it): 30 s for every project.
  testTimeout: 30_000,
  projects: [
    // Tests of PostgreSQL itself (moving into it, pg_dump) run in unit-postgres only.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'], testPathIgnorePatterns: postgresOnlyUnitTests },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], testTimeout: 120000 },
    { ...common, displayName: 'reliability', testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'], testTimeout: 240000, setupFilesAfterEnv: stopLeftoverServers },
    ...(process.env.TEST_DATABASE_URL ? [
      { ...postgres, displayName: 'unit-postgres', testMatch: ['<rootDir>/tests/unit/storage/store-contract.test.ts', ...postgresOnlyUnitTests] },
      { ...postgres, displayName: 'api-postgres', testMatch: ['<rootDir>/tests/api/**/*.test.ts'], testPathIgnorePatterns: sqliteOnlyApiTests },
      { ...postgres, displayName: 'reliability-postgres', testMatch: ['<rootDir>/tests/reliability/postgres-*.test.ts'], testTimeout: 240000, setupFilesAfterEnv: [...postgres.setupFilesAfterEnv, ...stopLeftoverServers] },
    ] : []),
  ],
};
