/**
 * Group commit. With `synchronous = FULL` every commit waits for the disk, and that wait, not
 * the work, bounds how many donations a second the server can acknowledge. Writes that arrive
 * while the event loop is busy are therefore run in one transaction and share one flush to disk.
 * Each write runs in its own savepoint, so one that throws is rolled back alone and its caller
 * gets its error; no caller is answered before the commit holding its write has returned.
 */
import type { Database } from 'better-sqlite3';

interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private pending: PendingWrite[] = [];
  private scheduled = false;

  constructor(private readonly db: Database) {}

  /** Runs `write` inside the next shared transaction; resolves once that transaction is committed. */
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
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const outcomes: Outcome[] = [];
    try {
      this.db.transaction(() => {
        for (const { write } of batch) {
          try {
            // A transaction function called inside a transaction runs as a savepoint.
            outcomes.push({ ok: true, value: this.db.transaction(write)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }
}
