/**
 * The database a test runs on: a fresh in-memory SQLite database, or, in the jest projects that
 * set the global CROWDAUDIT_TEST_ENGINE to "postgres" (jest.config.js), a fresh PostgreSQL
 * database on the cluster of TEST_DATABASE_URL (one per call, so test files never share data).
 * Such a project exists only when TEST_DATABASE_URL is set; .ci/run starts a cluster and sets it.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase } from '../../src/storage/open-database';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store';
import { SqliteStore } from '../../src/storage/sqlite-store';
import type { Store } from '../../src/storage/store';

export function testEngine(): 'sqlite' | 'postgres' {
  return (globalThis as { CROWDAUDIT_TEST_ENGINE?: string }).CROWDAUDIT_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The cluster's URL; throws (never skips) when a PostgreSQL test runs without one. */
export function testClusterUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: start a cluster with scripts/start-test-postgres.sh and export its URL.');
  return url;
}

/** A new, empty PostgreSQL database on the test cluster; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const admin = new Client({ connectionString: testClusterUrl() });
  await admin.connect();
  const name = `crowdaudit_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testClusterUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

const opened: Store[] = [];

/** A fresh store on the engine of the test's project (PostgreSQL ones are closed after the file: `closeTestStores`). */
export async function testStore(): Promise<Store> {
  if (testEngine() === 'sqlite') return new SqliteStore(openDatabase(':memory:'));
  const store = await openPostgresStore(await createTestDatabase());
  opened.push(store);
  return store;
}

/** Closes the PostgreSQL stores a test file opened (close-test-stores.ts, after each file). */
export async function closeTestStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
}
