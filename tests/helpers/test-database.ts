/**
 * The database a test runs on: a fresh in-memory SQLite database, or, in the jest projects that
 * set the global CROWDAUDIT_TEST_ENGINE to "postgres" (jest.config.js), a fresh PostgreSQL
 * database on the cluster of TEST_DATABASE_URL (one per call, so test files never share data).
 * Such a project exists only when TEST_DATABASE_URL is set; .ci/run starts a cluster and sets it.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { Client } from 'pg';
import { loadCampaigns } from '../../src/campaigns/load-campaigns';
import { seedDemo, type SeedOptions } from '../../src/demo/seed-demo';
import { DonationService } from '../../src/donations/donation-service';
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

/** Closes the stores a test opened: PostgreSQL ones after each file (close-test-stores.ts), SQLite ones from `sqliteStoreOn` after each test that made them. */
export async function closeTestStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
}

/**
 * A store on a test's own SQLite connection, closed by `closeTestStores`: a store that wrote to a
 * file has a checkpointing thread with a connection of its own (wal-checkpointer.ts), which
 * closing only the test's connection would leave open.
 */
export function sqliteStoreOn(database: Database): SqliteStore {
  const store = new SqliteStore(database);
  opened.push(store);
  return store;
}

/**
 * A database file with a campaign's demo donations, its store closed as a CLI command would find
 * it. The store is closed, not just its connection: the store's checkpointing thread holds a
 * connection of its own (wal-checkpointer.ts).
 * @returns what seedDemo seeded
 */
export async function seedDatabaseFile(file: string, slug: string, options: SeedOptions): Promise<{ donations: number; records: number }> {
  const store = new SqliteStore(openDatabase(file));
  try {
    return await seedDemo(loadCampaigns().get(slug)!, new DonationService(store), options);
  } finally {
    await store.close();
  }
}
