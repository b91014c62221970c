/**
 * A reading connection of its own for a worker thread (the findings analyses): a read-only
 * SQLite connection to the file, or a one-connection PostgreSQL pool. Nothing is migrated or
 * replayed: the server that gave the location has done that.
 */
import type { Repositories, StoreLocation } from './store';

export interface ReadingStore {
  repositories: Repositories;
  close(): Promise<void>;
}

export async function openReadingStore(location: StoreLocation): Promise<ReadingStore> {
  if (location.kind === 'postgres') {
    const { openPostgresReadingStore } = require('./postgres/postgres-store') as typeof import('./postgres/postgres-store');
    return openPostgresReadingStore(location.url);
  }
  const BetterSqlite3 = require('better-sqlite3') as typeof import('better-sqlite3');
  const { sqliteRepositories } = require('./sqlite-store') as typeof import('./sqlite-store');
  const db = new BetterSqlite3(location.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return {
    repositories: sqliteRepositories(db),
    close: async () => {
      db.close();
    },
  };
}
