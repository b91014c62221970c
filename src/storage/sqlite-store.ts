/**
 * The store on SQLite (better-sqlite3): the synchronous repositories of this directory behind the
 * async `Store` interface. A statement still runs at once, so the promises are already resolved.
 *
 * One connection serves the whole process, and a transaction is BEGIN … COMMIT on it around async
 * work: while one is open, nothing else may run a statement on the connection, or it would join
 * (and commit or roll back with) a transaction that is not its own. So transactions, group
 * commits and snapshots take turns on a lock, and every call through the store's own
 * repositories waits until none is open. Work inside a transaction uses the repositories it is
 * given, which do not wait (they would wait for themselves).
 *
 * On a database file, the connection commits without syncing and the store syncs the WAL in the
 * thread pool before anything that wrote resolves (wal-sync.ts), and a thread of its own
 * checkpoints (wal-checkpointer.ts): the event loop never waits for the disk, and a caller is
 * still answered only once its write is durable.
 */
import type { Database } from 'better-sqlite3';
import { AuditLog } from './audit-log';
import { campaignRevisionState } from './campaign-revision';
import { ConsentWithdrawalRepository } from './consent-withdrawal-repository';
import { DATA_TABLE_COLUMNS, DATA_TABLE_KEYS, type DataTable } from './data-tables';
import { DonationRepository } from './donation-repository';
import { pruneErasureLog, recordErasure } from './erasure-log';
import { GroupCommit } from './group-commit';
import { ImportRepository } from './import-repository';
import { openDatabase } from './open-database';
import { RateLimitRepository } from './rate-limit-repository';
import { RecordRepository, type StoredRecord } from './record-repository';
import { ReleaseRepository } from './release-repository';
import { RetentionRepository } from './retention-repository';
import type { ErasureHooks, RateLimitCounterStore, Repositories, Store, StoreLocation, TableAccess } from './store';
import { TokenRepository } from './token-repository';
import { WalCheckpointer } from './wal-checkpointer';
import { eraseFromWal, eraseFromWalBy } from './wal-erasure';
import { WalSync } from './wal-sync';

type Method = (...args: never[]) => unknown;
type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

/** The named methods of `target`, each returning its (already settled) result as a promise. */
function promised<T extends object, K extends keyof T>(target: T, names: readonly K[]): Promised<Pick<T, K>> {
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const method = target[name] as unknown as Method;
    result[name as string] = (...args: never[]) => {
      try {
        return Promise.resolve(method.apply(target, args));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  return result as Promised<Pick<T, K>>;
}

/** Repositories on the connection that run their statements at once. */
export function sqliteRepositories(db: Database): Repositories {
  const records = new RecordRepository(db);
  return {
    donations: promised(new DonationRepository(db), ['insertDonation', 'findByReceiptHash', 'recordsOf', 'deleteDonation', 'findIdempotency', 'insertIdempotency', 'deleteIdempotencyBefore', 'countByCampaign']),
    records: {
      ...promised(records, ['counts', 'fieldNames']),
      pages: async function* pages(campaignSlug: string, pageSize: number): AsyncGenerator<StoredRecord[]> {
        yield* records.pages(campaignSlug, pageSize);
      },
    },
    consentWithdrawals: promised(new ConsentWithdrawalRepository(db), ['setPurposes', 'insert', 'ofDonation']),
    retention: promised(new RetentionRepository(db), ['countCreatedBefore', 'deleteCreatedBefore']),
    tokens: promised(new TokenRepository(db), ['insert', 'findByHash', 'list', 'revoke']),
    releases: promised(new ReleaseRepository(db), ['latest', 'document', 'insert']),
    imports: promised(new ImportRepository(db), ['insertBatch']),
    auditLog: promised(new AuditLog(db), ['write']),
    revisions: { state: (campaignSlug: string) => Promise.resolve(campaignRevisionState(db, campaignSlug)) },
  };
}

/**
 * The repositories' methods that only read. Every other call through the store is followed by a
 * sync of the WAL before it resolves: a method missing here costs a sync, never durability.
 */
const READ_ONLY: Readonly<Record<keyof Repositories, readonly string[]>> = {
  donations: ['findByReceiptHash', 'recordsOf', 'findIdempotency', 'countByCampaign'],
  records: ['counts', 'fieldNames', 'pages'],
  consentWithdrawals: ['ofDonation'],
  retention: ['countCreatedBefore'],
  tokens: ['findByHash', 'list'],
  releases: ['latest', 'document'],
  imports: [],
  auditLog: [],
  revisions: ['state'],
};

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: StoreLocation | undefined;
  readonly donations: Repositories['donations'];
  readonly records: Repositories['records'];
  readonly consentWithdrawals: Repositories['consentWithdrawals'];
  readonly retention: Repositories['retention'];
  readonly tokens: Repositories['tokens'];
  readonly releases: Repositories['releases'];
  readonly imports: Repositories['imports'];
  readonly auditLog: Repositories['auditLog'];
  readonly revisions: Repositories['revisions'];
  readonly erasure: ErasureHooks;
  readonly tables: TableAccess;
  /** Transactions, group commits and snapshots, one after the other. */
  private tail: Promise<unknown> = Promise.resolve();
  private holders = 0;
  private readonly inner: Repositories;
  private readonly groupCommit: GroupCommit<Repositories>;
  private rateLimitRepository?: RateLimitRepository;
  private readonly running = new Set<string>();
  private readonly walSync?: WalSync;
  /** Started at the first write: a store that only reads (most CLI commands) starts no thread. */
  private checkpointer?: WalCheckpointer;
  private catchingUp = false;

  /** @param checkpoints how often the checkpointing thread runs, and when the WAL is behind (tests make both small) */
  constructor(readonly db: Database, private readonly checkpoints: { everyMs?: number; behindFrames?: number } = {}) {
    this.location = db.memory ? undefined : { kind: 'sqlite', path: db.name };
    if (!db.memory) {
      db.pragma('synchronous = NORMAL');
      db.pragma('wal_autocheckpoint = 0');
      // No journal_size_limit: cutting a WAL file of tens of MB back when it starts over took
      // 26-42 ms of the event loop. The file stays at its longest (about BEHIND_FRAMES and a
      // second of writes, see checkpoint-worker.ts); an erasure's checkpoint cuts it to nothing.
      this.walSync = new WalSync(`${db.name}-wal`);
    }
    this.inner = sqliteRepositories(db);
    const waiting = this.waitingRepositories(this.inner);
    this.donations = waiting.donations;
    this.records = waiting.records;
    this.consentWithdrawals = waiting.consentWithdrawals;
    this.retention = waiting.retention;
    this.tokens = waiting.tokens;
    this.releases = waiting.releases;
    this.imports = waiting.imports;
    this.auditLog = waiting.auditLog;
    this.revisions = waiting.revisions;
    this.groupCommit = new GroupCommit(db, this.inner, (work) => this.exclusive(work), () => this.durable());
    this.erasure = {
      recordErasure: async (donationId, now) => {
        recordErasure(db, donationId, now);
        await this.durable();
      },
      afterDeletion: async () => {
        const checkpointer = this.checkpointer;
        if (checkpointer?.running) await eraseFromWalBy(db, () => checkpointer.truncate());
        else eraseFromWal(db);
      },
      pruneErasureLog: async (now) => {
        const pruned = pruneErasureLog(db, now);
        await this.durable();
        return pruned;
      },
    };
    this.tables = sqliteTables(db, () => this.idle(), () => this.durable());
  }

  /** Counters on a connection of their own with `synchronous = OFF` (see rate-limit-repository.ts). */
  get rateLimits(): RateLimitCounterStore {
    this.rateLimitRepository ??= new RateLimitRepository(this.db);
    return promised(this.rateLimitRepository, ['increment', 'decrement', 'reset', 'deleteExpiredBefore']);
  }

  async transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    const result = await this.exclusive(() => this.within('BEGIN IMMEDIATE', work));
    // After the lock is given back: the next transaction commits while this one's sync runs.
    await this.durable();
    return result;
  }

  groupedTransaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.groupCommit.run(work);
  }

  snapshot<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    // DEFERRED: a read transaction, so the server's writers in other processes are not held up.
    return this.exclusive(() => this.within('BEGIN DEFERRED', work));
  }

  /**
   * In this process only: processes on one SQLite file are rare (a CLI command beside the server),
   * and the release's primary key still keeps a second copy out (release-repository.ts).
   */
  async once<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    if (this.running.has(name)) return undefined;
    this.running.add(name);
    try {
      return await work();
    } finally {
      this.running.delete(name);
    }
  }

  async close(): Promise<void> {
    await this.idle();
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    await checkpointer?.close();
    await this.walSync?.close();
    this.rateLimitRepository?.close();
    if (this.db.open) this.db.close();
  }

  /** Resolves once everything this connection committed so far is on disk (see wal-sync.ts). */
  private durable(): Promise<void> {
    if (!this.walSync || !this.db.open) return Promise.resolve();
    this.checkpointer ??= new WalCheckpointer(this.db.name, () => {
      // Without its thread, the connection checkpoints again (SQLite's default), on its commits.
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    }, () => this.letCheckpointCatchUp(), this.checkpoints.everyMs, this.checkpoints.behindFrames);
    return this.walSync.flush();
  }

  /**
   * Holds this connection's writes (and reads) while the checkpointing thread copies the rest of a
   * long WAL, so that the next write starts it over (checkpoint-worker.ts). As a transaction does:
   * the work queued meanwhile waits its turn without blocking the event loop.
   */
  private letCheckpointCatchUp(): void {
    if (this.catchingUp) return;
    this.catchingUp = true;
    void this.exclusive(async () => {
      await this.checkpointer?.catchUp();
    }).finally(() => {
      this.catchingUp = false;
    });
  }

  private async within<T>(begin: string, work: (tx: Repositories) => Promise<T>): Promise<T> {
    this.db.exec(begin);
    try {
      const result = await work(this.inner);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.holders += 1;
    const run = this.tail.then(work).finally(() => {
      this.holders -= 1;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves when no transaction is open or waiting. */
  private async idle(): Promise<void> {
    while (this.holders > 0) await this.tail;
  }

  private waitingRepositories(inner: Repositories): Repositories {
    const idle = () => this.idle();
    const durable = () => this.durable();
    const wrap = <T extends object>(repository: T, readOnly: readonly string[]): T => new Proxy(repository, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (property === 'pages') {
          return async function* pages(...args: unknown[]) {
            // A page is read only while no transaction is open, and nothing is held between pages.
            const iterator = (value as (...a: unknown[]) => AsyncIterator<StoredRecord[]>).apply(target, args);
            for (;;) {
              await idle();
              const next = await iterator.next();
              if (next.done) return;
              yield next.value;
            }
          };
        }
        const reads = readOnly.includes(property as string);
        return async (...args: unknown[]) => {
          await idle();
          const result = await (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!reads) await durable();
          return result;
        };
      },
    });
    return Object.fromEntries(Object.entries(inner).map(([name, repository]) => [name, wrap(repository as object, READ_ONLY[name as keyof Repositories])])) as unknown as Repositories;
  }
}

function sqliteTables(db: Database, idle: () => Promise<void>, durable: () => Promise<void>): TableAccess {
  return {
    async count(table: DataTable): Promise<number> {
      await idle();
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
    async *rows(table: DataTable, pageSize = 5_000): AsyncGenerator<Array<Record<string, unknown>>> {
      const columns = DATA_TABLE_COLUMNS[table];
      const order = DATA_TABLE_KEYS[table].join(', ');
      for (let offset = 0; ; offset += pageSize) {
        await idle();
        const page = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order} LIMIT ? OFFSET ?`).all(pageSize, offset) as Array<Record<string, unknown>>;
        if (page.length > 0) yield page;
        if (page.length < pageSize) return;
      }
    },
    async insertRows(table: DataTable, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
      await idle();
      const columns = DATA_TABLE_COLUMNS[table];
      const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((name) => `@${name}`).join(', ')})`);
      db.transaction(() => {
        for (const row of rows) insert.run(Object.fromEntries(columns.map((name) => [name, row[name] ?? null])));
      })();
      await durable();
    },
  };
}

/** Opens (creating and migrating) the SQLite database and its store. */
export function openSqliteStore(databasePath: string): SqliteStore {
  return new SqliteStore(openDatabase(databasePath));
}
