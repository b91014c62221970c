/** A fresh app on a fresh in-memory database, for API and page tests. */
import type { Database } from 'better-sqlite3';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { testConfig, type Config } from '../../src/config';
import type { AppDependencies } from '../../src/http/dependencies';
import { openDatabase } from '../../src/storage/open-database';
import { SqliteStore } from '../../src/storage/sqlite-store';
import type { Store } from '../../src/storage/store';

export interface TestApp {
  app: Express;
  store: Store;
  /** The SQLite connection behind `store`, for tests that look at SQLite itself. */
  db: Database;
  dependencies: AppDependencies;
}

export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const store = memoryStore();
  const app = createApp({ store, config: testConfig(overrides) });
  return { app, store, db: store.db, dependencies: app.locals.dependencies as AppDependencies };
}

/** A store on a fresh in-memory SQLite database. */
export function memoryStore(): SqliteStore {
  return new SqliteStore(openDatabase(':memory:'));
}

/** Rows in each table that holds donors' data, to prove a refused request stored nothing. */
export function storedCounts(db: Database): { donations: number; records: number; idempotencyKeys: number } {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  // Imported records are stored a batch per row (migration 005): count what the batches hold.
  const imported = (db.prepare('SELECT COALESCE(SUM(json_array_length(records_json)), 0) AS n FROM import_batches').get() as { n: number }).n;
  return { donations: count('donations'), records: count('records') + imported, idempotencyKeys: count('idempotency_keys') };
}
