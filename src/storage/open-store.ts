/**
 * Opens the configured store: PostgreSQL when `DATABASE_URL` is set, else the SQLite file at
 * `DATABASE_PATH` (created on first start). Either is migrated before it is returned.
 */
import type { Config } from '../config';
import type { Store } from './store';

export async function openStore(config: Pick<Config, 'databasePath' | 'databaseUrl'>): Promise<Store> {
  if (config.databaseUrl) {
    const { openPostgresStore } = require('./postgres/postgres-store') as typeof import('./postgres/postgres-store');
    return openPostgresStore(config.databaseUrl);
  }
  // Loaded here so that a command on one engine does not load the other's driver.
  const { openSqliteStore } = require('./sqlite-store') as typeof import('./sqlite-store');
  return openSqliteStore(config.databasePath);
}
