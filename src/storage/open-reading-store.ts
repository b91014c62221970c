/**
 * A reading connection of its own for a worker thread (findings analyses, collective packs): a
 * read-only SQLite connection to the file, or a one-connection PostgreSQL pool. Nothing is
 * migrated or replayed: the server that gave the location has done that. In WAL mode a reader
 * never holds up the server's writes.
 */
import type { Repositories, StoreLocation } from './store';

export interface ReadingStore {
  repositories: Repositories;
  /** Reads in one transaction: what `work` reads describes one state of the database. */
  snapshot<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
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
  const repositories = sqliteRepositories(db);
  return {
    repositories,
    async snapshot(work) {
      // Nothing else runs on this connection, so the transaction cannot take in another's statements.
      db.exec('BEGIN');
      try {
        return await work(repositories);
      } finally {
        db.exec('COMMIT');
      }
    },
    close: async () => {
      db.close();
    },
  };
}
