/**
 * A fresh app on a fresh database, for API and page tests: in-memory SQLite, or a new PostgreSQL
 * database in the projects that run on PostgreSQL (test-database.ts).
 */
import type { Database } from 'better-sqlite3';
import type { Express } from 'express';
import { createApp } from '../../src/app';
import { testConfig, type Config } from '../../src/config';
import type { AppDependencies } from '../../src/http/dependencies';
import { openDatabase } from '../../src/storage/open-database';
import { SqliteStore } from '../../src/storage/sqlite-store';
import type { DataTable } from '../../src/storage/data-tables';
import type { Store } from '../../src/storage/store';
import { testStore } from './test-database';

export interface TestApp {
  app: Express;
  store: Store;
  /** The SQLite connection behind `store`, for tests that look at SQLite itself (SQLite-only tests: jest.config.js). */
  db: Database;
  dependencies: AppDependencies;
}

export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const store = await testStore();
  const app = createApp({ store, config: testConfig(overrides) });
  const db = store instanceof SqliteStore ? store.db : (undefined as unknown as Database);
  return { app, store, db, dependencies: app.locals.dependencies as AppDependencies };
}

/** A store on a fresh in-memory SQLite database. */
export function memoryStore(): SqliteStore {
  return new SqliteStore(openDatabase(':memory:'));
}

/** Rows in each table that holds donors' data, to prove a refused request stored nothing (either engine). */
export async function storedCounts(store: Store): Promise<{ donations: number; records: number; idempotencyKeys: number }> {
  // Imported records are stored a batch per row (migration 005): count what the batches hold.
  let imported = 0;
  for await (const page of store.tables.rows('import_batches')) {
    for (const batch of page) imported += (JSON.parse(String(batch.records_json)) as unknown[]).length;
  }
  return {
    donations: await store.tables.count('donations'),
    records: (await store.tables.count('records')) + imported,
    idempotencyKeys: await store.tables.count('idempotency_keys'),
  };
}

/** Every row of a data table, columns by their SQL names (either engine). */
export async function tableRows(store: Store, table: DataTable): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for await (const page of store.tables.rows(table)) rows.push(...page);
  return rows;
}
