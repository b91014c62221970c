/**
 * Applies the PostgreSQL migrations the database has not seen, each in its own transaction, and
 * records them in `schema_migrations`, as `migrate.ts` does for SQLite. Two processes starting at
 * once take turns on an advisory lock, so each migration runs once.
 */
import type { Pool } from 'pg';
import type { Migration } from '../migrations';
import { postgresMigrations } from './migrations';

/** pg_advisory_lock's key for migrations (any constant; "crowdaudit" in ASCII, truncated). */
const MIGRATION_LOCK = 0x63726f77;

export async function migratePostgres(pool: Pool, migrations: readonly Migration[] = postgresMigrations): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const newlyApplied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`PostgreSQL migration ${migration.version} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
