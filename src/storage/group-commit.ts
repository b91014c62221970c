/**
 * Group commit. Every commit waits for the disk before its callers are answered (the store syncs
 * the WAL, wal-sync.ts), and that wait, not the work, bounds how many donations a second the
 * server can acknowledge. Writes that arrive while the event loop is busy are therefore run in
 * one transaction and share one flush to disk.
 * Each write runs in its own savepoint, so one that throws is rolled back alone and its caller
 * gets its error; no caller is answered before the commit holding its write has returned.
 *
 * Some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM, RAISE(ROLLBACK)) roll back
 * the whole transaction, not just the savepoint (better-sqlite3's documented caveat). Carrying on
 * would run the next writes outside any transaction, each committing on its own, while the final
 * COMMIT fails and every caller is told "error". So after each failed write the group checks
 * `db.inTransaction`. If the transaction is gone, the failed write's caller gets its error, and
 * every other write of the group, done or not yet run, starts again in a new transaction: the
 * rollback undid the earlier ones, and none of them is to blame for it, so failing them would
 * turn one donor's bad luck into many refused donations. Each round drops at least the write
 * that broke the transaction, so the group ends after at most as many rounds as it has writes.
 * (If the cause persists, e.g. a full disk, each later write meets it in turn and its caller
 * gets that error.) A caller answered with success has its write committed and on disk; a caller
 * answered with an error has nothing committed (unless the sync after COMMIT failed, see wal-sync.ts).
 */
import type { Database } from 'better-sqlite3';

interface PendingWrite<C> {
  write: (context: C) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Thrown out of the shared transaction when a write's error already rolled it back. */
class TransactionLost extends Error {
  constructor(readonly culprit: number, readonly error: unknown) {
    super('a write rolled back the shared transaction');
  }
}

/** Runs work with the connection to itself (the SQLite store's lock); by default, at once. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

export class GroupCommit<C = undefined> {
  private pending: Array<PendingWrite<C>> = [];
  private scheduled = false;

  /**
   * @param context what each write is given (the store's repositories)
   * @param exclusive how the group gets the connection to itself: no other statement may run
   *   between BEGIN and COMMIT, though writes are async (they await already-resolved promises)
   * @param durable resolves once the commit is on disk (the store's WAL sync, wal-sync.ts): the
   *   callers are answered after it, and the next group may commit meanwhile
   */
  constructor(
    private readonly db: Database,
    private readonly context?: C,
    private readonly exclusive: Exclusive = (work) => work(),
    private readonly durable: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /**
   * Runs `write` inside the next shared transaction; resolves once that transaction is committed.
   * `write` may run more than once (when another write of its group rolls the transaction back),
   * so its effects must stay in the database, and it must let database errors propagate.
   */
  run<T>(write: (context: C) => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O phase: every request whose body has arrived by now joins this commit.
        setImmediate(() => {
          void this.exclusive(() => this.flush());
        });
      }
    });
  }

  private async flush(): Promise<void> {
    let batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const { db } = this;
    while (batch.length > 0) {
      const outcomes: Outcome[] = [];
      try {
        db.exec('BEGIN IMMEDIATE');
        for (const [index, { write }] of batch.entries()) {
          // Each write in a savepoint of its own: one that throws is undone alone.
          db.exec('SAVEPOINT group_write');
          try {
            const value = await write(this.context as C);
            db.exec('RELEASE group_write');
            outcomes.push({ ok: true, value });
          } catch (error) {
            if (!db.inTransaction) throw new TransactionLost(index, error);
            db.exec('ROLLBACK TO group_write');
            db.exec('RELEASE group_write');
            outcomes.push({ ok: false, error });
          }
        }
        db.exec('COMMIT');
      } catch (error) {
        if (error instanceof TransactionLost && !db.inTransaction) {
          batch[error.culprit].reject(error.error);
          batch = batch.filter((_item, index) => index !== error.culprit);
          continue;
        }
        // BEGIN or COMMIT failed: roll back what is left, so nothing of the group is stored.
        if (db.inTransaction) db.exec('ROLLBACK');
        for (const item of batch) item.reject(error);
        return;
      }
      const committed = batch;
      // Not awaited: the store's lock is given back now, and the callers are answered once on disk.
      this.durable().then(
        () => committed.forEach((item, index) => {
          const outcome = outcomes[index];
          if (outcome.ok) item.resolve(outcome.value);
          else item.reject(outcome.error);
        }),
        (error: unknown) => {
          for (const item of committed) item.reject(error);
        },
      );
      return;
    }
  }
}
