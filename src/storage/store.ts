/**
 * The storage seam: the only interface through which services, evidence, HTTP and the CLI reach
 * the database. Two implementations: SQLite through better-sqlite3 (`sqlite-store.ts`, the
 * default) and PostgreSQL through node-postgres (`postgres/postgres-store.ts`, chosen by
 * `DATABASE_URL=postgres://…`). Every repository method is async, because node-postgres is;
 * on SQLite the work is still done at once and the promise is already resolved.
 *
 * Writes that belong together run in `transaction(work)`: `work` gets repositories bound to the
 * transaction and must use only those, never the store's own (on PostgreSQL they are another
 * connection; on SQLite they would wait for the transaction to end).
 */
import type { AuditEntry } from './audit-log';
import type { AccessRole, AccessTokenRow } from './token-repository';
import type { CampaignRevision } from './campaign-revision';
import type { ConsentWithdrawalRow } from './consent-withdrawal-repository';
import type { DonationRow, IdempotencyRow } from './donation-repository';
import type { ExpiredCount } from './retention-repository';
import type { HitCount } from './rate-limit-repository';
import type { ImportBatchRow } from './import-repository';
import type { StoredRecord } from './record-repository';
import type { ReleaseMeta, ReleaseRow } from './release-repository';

export type StoredRecordValues = Record<string, string | number | boolean>;

/** Appends to the audit log: what happened, by whom, never to whom. */
export interface AuditStore {
  write(entry: AuditEntry, now?: Date): Promise<void>;
}

/** Donations, their records and idempotency keys. */
export interface DonationStore {
  insertDonation(row: DonationRow, records: ReadonlyArray<Record<string, unknown>>): Promise<void>;
  findByReceiptHash(receiptHash: string): Promise<DonationRow | undefined>;
  recordsOf(donationId: string): Promise<StoredRecordValues[]>;
  /** Deletes the donation; its records, idempotency keys and withdrawals go with it (ON DELETE CASCADE). */
  deleteDonation(id: string): Promise<boolean>;
  findIdempotency(keyHash: string): Promise<IdempotencyRow | undefined>;
  insertIdempotency(row: IdempotencyRow): Promise<void>;
  deleteIdempotencyBefore(day: string): Promise<number>;
  countByCampaign(campaignSlug: string): Promise<{ donations: number; records: number }>;
}

/** A campaign's stored records (donated and imported) for the analyses and packs. */
export interface RecordStore {
  /** The records in pages of at most `pageSize`, nothing held open between pages. */
  pages(campaignSlug: string, pageSize: number): AsyncIterable<StoredRecord[]>;
  counts(campaignSlug: string): Promise<{ donations: number; records: number }>;
  /** The field names the stored records have, sorted. */
  fieldNames(campaignSlug: string): Promise<string[]>;
}

export interface ConsentWithdrawalStore {
  setPurposes(donationId: string, purposes: readonly string[]): Promise<void>;
  insert(row: ConsentWithdrawalRow): Promise<void>;
  ofDonation(donationId: string): Promise<ConsentWithdrawalRow[]>;
}

export interface RetentionStore {
  countCreatedBefore(campaignSlug: string, beforeDay: string): Promise<ExpiredCount>;
  deleteCreatedBefore(campaignSlug: string, beforeDay: string): Promise<number>;
}

export interface TokenStore {
  insert(token: { label: string; role: AccessRole; tokenHash: string; createdAt: string }): Promise<number>;
  findByHash(tokenHash: string): Promise<AccessTokenRow | undefined>;
  list(): Promise<AccessTokenRow[]>;
  revoke(id: number, revokedAt: string): Promise<boolean>;
}

export interface ReleaseStore {
  latest(campaignSlug: string): Promise<ReleaseMeta | undefined>;
  /** The release's stored document (release-document.ts): gzip-compressed, or before migration 010 its text's UTF-8 bytes. */
  document(campaignSlug: string, number: number): Promise<Uint8Array | undefined>;
  /** Stores the release; false when another writer (another process) has already stored that number. */
  insert(row: ReleaseRow): Promise<boolean>;
}

export interface ImportStore {
  insertBatch(row: ImportBatchRow, layoutJson: string, recordsJson: string): Promise<void>;
}

/** Each campaign's revision, raised by every donation written or deleted (by trigger). */
export interface RevisionStore {
  state(campaignSlug: string): Promise<CampaignRevision>;
}

/** Counters for express-rate-limit, shared by every process on the database. */
export interface RateLimitCounterStore {
  increment(limiter: string, clientKey: string, now: number, windowMs: number): Promise<HitCount>;
  decrement(limiter: string, clientKey: string): Promise<void>;
  reset(limiter: string, clientKey: string): Promise<void>;
  deleteExpiredBefore(now: number): Promise<number>;
}

export type { AuditEntry };

/** What a transaction's work may use. */
export interface Repositories {
  donations: DonationStore;
  records: RecordStore;
  consentWithdrawals: ConsentWithdrawalStore;
  retention: RetentionStore;
  tokens: TokenStore;
  releases: ReleaseStore;
  imports: ImportStore;
  auditLog: AuditStore;
  revisions: RevisionStore;
}

/**
 * Erasure beyond the DELETE: SQLite writes the withdrawal to the erasure log beside the file
 * first and zeroes the WAL after; PostgreSQL vacuums the donor tables after deletions and has no
 * erasure log yet (SECURITY.md, "Erasure on PostgreSQL").
 */
export interface ErasureHooks {
  /** Before a donor's deletion: remembered outside backups, on disk, so a restore deletes it again. */
  recordErasure(donationId: string, now: Date): Promise<void>;
  /** After deletions have committed: their old bytes leave what the engine keeps (WAL). */
  afterDeletion(): Promise<void>;
  /** Drops erasure-log entries older than `ERASURE_LOG_DAYS`. */
  pruneErasureLog(now: Date): Promise<number>;
}

/** What an analysis worker needs to open its own, reading, connection. */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

import type { DataTable } from './data-tables';

/** Whole-table access for `crowdaudit migrate` and tests: rows as plain objects, columns by their SQL names. */
export interface TableAccess {
  count(table: DataTable): Promise<number>;
  /** Every row, ordered by the table's key, in pages. */
  rows(table: DataTable, pageSize?: number): AsyncIterable<Array<Record<string, unknown>>>;
  /** Inserts rows as read by `rows` (from the other engine), keeping every column. */
  insertRows(table: DataTable, rows: ReadonlyArray<Record<string, unknown>>): Promise<void>;
}

export interface Store extends Repositories {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the database is, for a worker thread's own connection; undefined for an in-memory SQLite database. */
  readonly location: StoreLocation | undefined;
  readonly rateLimits: RateLimitCounterStore;
  readonly erasure: ErasureHooks;
  readonly tables: TableAccess;
  /** Runs `work` in one transaction: all its writes commit together or none does. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * A transaction that may share its commit with others arriving at the same moment (SQLite's
   * group commit: one flush to disk for many donations). `work` may run more than once. On
   * PostgreSQL, whose commits from many connections already share WAL flushes, it is `transaction`.
   */
  groupedTransaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Runs reads that must describe one state (counts beside the rows they count), writing nothing. */
  snapshot<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs `work` unless work of the same name is running already, in this process or (PostgreSQL)
   * in another on the same database: then resolves undefined at once. For findings releases, so
   * that several processes compute a release once, not once each.
   */
  once<T>(name: string, work: () => Promise<T>): Promise<T | undefined>;
  close(): Promise<void>;
}
