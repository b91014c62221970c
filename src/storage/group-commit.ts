/**
 * Group commit. With `synchronous = FULL` every commit waits for the disk, and that wait, not
 * the work, bounds how many donations a second the server can acknowledge. Writes that arrive
 * while the event loop is busy are therefore run in one transaction and share one flush to disk.
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
 * gets that error.) A caller answered with success has its write committed; a caller answered
 * with an error has nothing committed.
 */
import type { Database } from 'better-sqlite3';

interface PendingWrite {
  write: () => unknown;
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

export class GroupCommit {
  private pending: PendingWrite[] = [];
  private scheduled = false;

  constructor(private readonly db: Database) {}

  /**
   * Runs `write` inside the next shared transaction; resolves once that transaction is committed.
   * `write` may run more than once (when another write of its group rolls the transaction back),
   * so its effects must stay in the database, and it must let database errors propagate.
   */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O phase: every request whose body has arrived by now joins this commit.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    let batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    while (batch.length > 0) {
      const outcomes: Outcome[] = [];
      try {
        this.db.transaction(() => {
          for (const [index, { write }] of batch.entries()) {
            try {
              // A transaction function called inside a transaction runs as a savepoint.
              outcomes.push({ ok: true, value: this.db.transaction(write)() });
            } catch (error) {
              if (!this.db.inTransaction) throw new TransactionLost(index, error);
              outcomes.push({ ok: false, error });
            }
          }
        }).immediate();
      } catch (error) {
        if (error instanceof TransactionLost && !this.db.inTransaction) {
          batch[error.culprit].reject(error.error);
          batch = batch.filter((_item, index) => index !== error.culprit);
          continue;
        }
        // BEGIN or COMMIT failed: better-sqlite3 rolled back, so nothing of the group is stored.
        for (const item of batch) item.reject(error);
        return;
      }
      batch.forEach((item, index) => {
        const outcome = outcomes[index];
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
      return;
    }
  }
}
