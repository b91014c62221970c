/**
 * The store on PostgreSQL through node-postgres: a pool of connections, one transaction per
 * donation (PostgreSQL shares WAL flushes between concurrent commits itself, so there is no group
 * commit here), the same repositories as SQLite's in PostgreSQL's dialect.
 *
 * Several server processes share one database, so what SQLite got from having one writer at a
 * time is got here from constraints: two processes donating with one Idempotency-Key collide on
 * the key's primary key, and the loser's transaction runs again, now finding the first answer; two
 * processes cutting one findings release collide on (campaign, number), and an advisory lock
 * (`once`) keeps the second from computing it at all.
 */
import { Pool, types, type PoolClient } from 'pg';
import { DATA_TABLE_COLUMNS, DATA_TABLE_KEYS, type DataTable } from '../data-tables';
import type { ErasureHooks, RateLimitCounterStore, Repositories, Store, StoreLocation, TableAccess } from '../store';
import { migratePostgres } from './migrate-postgres';
import { postgresRepositories, type Queryable } from './postgres-repositories';
import type { ReadingStore } from '../open-reading-store';

// COUNT(*), SUM(…)::bigint and BIGINT ids arrive as text by default. Every such value here is an
// integer below 2^53 (ids are drawn that way: random-row-id.ts), so a number is exact.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/** SQLSTATEs after which a transaction is run again: a unique key another process took meanwhile, a serialization failure, a deadlock. */
const RETRYABLE = new Set(['23505', '40001', '40P01']);
const ATTEMPTS = 3;
/** After deletions, dead rows are vacuumed at most this often (see SECURITY.md, "PostgreSQL"). */
const VACUUM_DELAY_MS = 60_000;
const DONOR_TABLES = ['donations', 'records', 'idempotency_keys', 'import_batches', 'consent_withdrawals'];

/** A stable advisory-lock key for a name (FNV-1a, 32 bits). */
function lockKey(name: string): number {
  let hash = 0x811c9dc5;
  for (const character of Buffer.from(name)) hash = Math.imul(hash ^ character, 0x01000193) >>> 0;
  return hash | 0;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: StoreLocation;
  readonly donations: Repositories['donations'];
  readonly records: Repositories['records'];
  readonly consentWithdrawals: Repositories['consentWithdrawals'];
  readonly retention: Repositories['retention'];
  readonly tokens: Repositories['tokens'];
  readonly releases: Repositories['releases'];
  readonly imports: Repositories['imports'];
  readonly auditLog: Repositories['auditLog'];
  readonly revisions: Repositories['revisions'];
  readonly rateLimits: RateLimitCounterStore;
  readonly erasure: ErasureHooks;
  readonly tables: TableAccess;
  private vacuumTimer?: NodeJS.Timeout;

  constructor(readonly pool: Pool, url: string) {
    this.location = { kind: 'postgres', url };
    const repositories = postgresRepositories(pool as unknown as Queryable);
    this.donations = repositories.donations;
    this.records = repositories.records;
    this.consentWithdrawals = repositories.consentWithdrawals;
    this.retention = repositories.retention;
    this.tokens = repositories.tokens;
    this.releases = repositories.releases;
    this.imports = repositories.imports;
    this.auditLog = repositories.auditLog;
    this.revisions = repositories.revisions;
    this.rateLimits = postgresRateLimits(pool as unknown as Queryable);
    this.erasure = {
      // The erasure log is a file beside a SQLite database; see SECURITY.md for PostgreSQL's backups.
      recordErasure: async () => undefined,
      afterDeletion: async () => this.scheduleVacuum(),
      pruneErasureLog: async () => 0,
    };
    this.tables = postgresTables(pool);
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.within('BEGIN', work, ATTEMPTS);
  }

  groupedTransaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  snapshot<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.within('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work, 1);
  }

  /**
   * Runs `work` unless another process (or this one) is running work of the same name: then
   * resolves undefined at once. A session advisory lock, held on one connection for the work.
   */
  async once<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [lockKey(name)]);
      if (!rows[0].locked) return undefined;
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockKey(name)]);
      }
    } finally {
      client.release();
    }
  }

  /**
   * `crowdaudit purge --vacuum`: VACUUM FULL writes the donor tables into new files without the
   * deleted rows and drops the old files (SECURITY.md, "Erasure on PostgreSQL"). It locks each
   * table while it runs: do it with the servers stopped.
   */
  async vacuumFull(): Promise<string> {
    const size = async () => (await this.pool.query<{ bytes: number }>(`SELECT (${DONOR_TABLES.map((table) => `pg_total_relation_size('${table}')`).join(' + ')})::bigint AS bytes`)).rows[0].bytes;
    const before = await size();
    await this.pool.query(`VACUUM FULL ${DONOR_TABLES.join(', ')}`);
    const after = await size();
    return `Vacuumed (VACUUM FULL) the donor tables: ${before.toLocaleString('en-US')} bytes before, ${after.toLocaleString('en-US')} after.`;
  }

  async close(): Promise<void> {
    clearTimeout(this.vacuumTimer);
    this.vacuumTimer = undefined;
    await this.pool.end();
  }

  /** VACUUM cannot run in a transaction, and a deletion now and then need not wait for it. */
  private scheduleVacuum(): void {
    if (this.vacuumTimer) return;
    this.vacuumTimer = setTimeout(() => {
      this.vacuumTimer = undefined;
      this.pool.query(`VACUUM ${DONOR_TABLES.join(', ')}`).catch(() => undefined);
    }, VACUUM_DELAY_MS);
    this.vacuumTimer.unref();
  }

  private async within<T>(begin: string, work: (tx: Repositories) => Promise<T>, attempts: number): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query(begin);
        const result = await work(postgresRepositories(client as unknown as Queryable));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const code = (error as { code?: string }).code;
        if (attempt >= attempts || code === undefined || !RETRYABLE.has(code)) throw error;
      } finally {
        client.release(broken);
      }
    }
  }
}

function postgresRateLimits(db: Queryable): RateLimitCounterStore {
  return {
    async increment(limiter, clientKey, now, windowMs) {
      // One statement: two processes counting the same client at once both land in the row.
      const { rows } = await db.query<{ hits: number; resetsAt: number }>(`INSERT INTO rate_limit_hits AS h (limiter, client_key, hits, resets_at)
        VALUES ($1, $2, 1, $3::bigint + $4::bigint)
        ON CONFLICT (limiter, client_key) DO UPDATE SET
          hits = CASE WHEN h.resets_at <= $3::bigint THEN 1 ELSE h.hits + 1 END,
          resets_at = CASE WHEN h.resets_at <= $3::bigint THEN $3::bigint + $4::bigint ELSE h.resets_at END
        RETURNING hits, resets_at AS "resetsAt"`, [limiter, clientKey, now, windowMs]);
      return rows[0];
    },
    async decrement(limiter, clientKey) {
      await db.query('UPDATE rate_limit_hits SET hits = GREATEST(hits - 1, 0) WHERE limiter = $1 AND client_key = $2', [limiter, clientKey]);
    },
    async reset(limiter, clientKey) {
      await db.query('DELETE FROM rate_limit_hits WHERE limiter = $1 AND client_key = $2', [limiter, clientKey]);
    },
    async deleteExpiredBefore(now) {
      return (await db.query('DELETE FROM rate_limit_hits WHERE resets_at <= $1', [now])).rowCount ?? 0;
    },
  };
}

/** Text keys compared bytewise (COLLATE "C"), as SQLite compares them, so both engines list rows alike. */
const TEXT_KEYS = new Set(['id', 'key_hash', 'campaign_slug', 'donation_id', 'purpose']);

function orderBy(table: DataTable, integerKeyed: ReadonlySet<DataTable>): string {
  return DATA_TABLE_KEYS[table]
    .map((key) => (TEXT_KEYS.has(key) && !(key === 'id' && integerKeyed.has(table)) ? `${key} COLLATE "C"` : key))
    .join(', ');
}

function postgresTables(pool: Pool): TableAccess {
  const integerKeyed = new Set<DataTable>(['records', 'audit_log', 'access_tokens', 'import_batches']);
  return {
    async count(table) {
      return (await pool.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n;
    },
    async *rows(table, pageSize = 5_000) {
      const columns = DATA_TABLE_COLUMNS[table];
      const order = orderBy(table, integerKeyed);
      for (let offset = 0; ; offset += pageSize) {
        const { rows } = await pool.query(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order} LIMIT $1 OFFSET $2`, [pageSize, offset]);
        if (rows.length > 0) yield rows;
        if (rows.length < pageSize) return;
      }
    },
    async insertRows(table, rows) {
      if (rows.length === 0) return;
      const columns = DATA_TABLE_COLUMNS[table];
      const client: PoolClient = await pool.connect();
      try {
        await client.query('BEGIN');
        // Copied rows keep their revision counts: the triggers would count each copied donation again.
        if (table === 'donations') await client.query('ALTER TABLE donations DISABLE TRIGGER USER');
        for (let start = 0; start < rows.length; start += 500) {
          const chunk = rows.slice(start, start + 500);
          const values: unknown[] = [];
          const tuples = chunk.map((row) => `(${columns.map((name) => {
            values.push(row[name] ?? null);
            return `$${values.length}`;
          }).join(', ')})`);
          await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
        }
        if (table === 'donations') await client.query('ALTER TABLE donations ENABLE TRIGGER USER');
        if (integerKeyed.has(table) && table !== 'records') {
          // Identity columns given explicit ids: the next generated one must come after them.
          await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT MAX(id) FROM ${table}), 1))`);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function poolFor(url: string, max: number): Pool {
  // allowExitOnIdle: a CLI command ends when its work is done, without waiting for idle connections to time out.
  const pool = new Pool({ connectionString: url, max, application_name: 'crowdaudit', allowExitOnIdle: true });
  // An idle connection's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Connects, migrates and returns the store. @throws Error naming the URL's host when PostgreSQL cannot be reached */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = poolFor(url, 10);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const host = new URL(url).host || 'the local socket';
    throw new Error(`DATABASE_URL: cannot use PostgreSQL at ${host}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return new PostgresStore(pool, url);
}

/** One connection for a worker thread's reading (the findings analyses). */
export function openPostgresReadingStore(url: string): ReadingStore {
  const pool = poolFor(url, 1);
  return {
    repositories: postgresRepositories(pool as unknown as Queryable),
    async snapshot(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const result = await work(postgresRepositories(client as unknown as Queryable));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
