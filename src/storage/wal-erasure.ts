/**
 * Erasing a deletion's old bytes from the write-ahead log. `secure_delete` (see
 * `open-database.ts`) zeroes a deleted row's cells and freed pages, but only in the new versions
 * of the pages, which go to the WAL; the WAL still holds the old versions that the insert wrote,
 * with the record in them. A plain checkpoint copies the new versions into the database file and
 * then rewinds the WAL, writing over it from the start, so older frames past the write point stay
 * readable. `wal_checkpoint(TRUNCATE)` copies them and cuts the WAL to zero bytes.
 *
 * It cannot finish while a reader (another process: a backup, an export) still reads an older
 * snapshot from the WAL. Waiting for it would block the event loop, so the checkpoint runs with
 * no busy wait, and when it reports busy it is tried again later, ever less often, until it
 * succeeds or the database is closed. When the last connection closes, SQLite checkpoints and
 * deletes the WAL anyway.
 */
import type { Database } from 'better-sqlite3';

/** Waits before each retry; the last one repeats until the checkpoint succeeds. */
const RETRY_DELAYS_MS = [250, 1_000, 5_000, 30_000, 60_000];

/** One attempt at the truncating checkpoint: true when the WAL is empty after it. */
export type TruncateWal = () => boolean | Promise<boolean>;

interface RetryState {
  timer?: NodeJS.Timeout;
  attempts: number;
  /** From a failed attempt until one succeeds, the retries' wait included. */
  pending: boolean;
}

const retries = new WeakMap<Database, RetryState>();

/**
 * Checkpoints the WAL into the database file and truncates it, now if it can, else by a retry it
 * schedules (one per database, however many deletions ask). Call after a deletion has committed.
 * @returns true when the WAL is empty now (or there is none: an in-memory database)
 */
export function eraseFromWal(db: Database): boolean {
  return settle(db, truncateWal(db), () => truncateWal(db));
}

/**
 * As `eraseFromWal`, with the checkpoint run by `truncate` elsewhere: the SQLite store's
 * checkpointing thread (wal-checkpointer.ts), which then neither copies on the event loop nor
 * finds its own checkpoint in the way.
 */
export async function eraseFromWalBy(db: Database, truncate: () => Promise<boolean>): Promise<boolean> {
  return settle(db, await truncate(), truncate);
}

/** True while a deletion's old bytes may still be in the WAL, waiting for a retry. */
export function walErasurePending(db: Database): boolean {
  return retries.get(db)?.pending === true;
}

function settle(db: Database, truncated: boolean, retry: TruncateWal): boolean {
  const state = retries.get(db) ?? { attempts: 0, pending: false };
  retries.set(db, state);
  if (truncated) {
    clearTimeout(state.timer);
    state.timer = undefined;
    state.attempts = 0;
    state.pending = false;
    return true;
  }
  state.pending = true;
  scheduleRetry(db, state, retry);
  return false;
}

function scheduleRetry(db: Database, state: RetryState, retry: TruncateWal): void {
  if (state.timer) return;
  const delay = RETRY_DELAYS_MS[Math.min(state.attempts, RETRY_DELAYS_MS.length - 1)];
  state.timer = setTimeout(async () => {
    if (!db.open) {
      state.timer = undefined;
      return;
    }
    const truncated = await Promise.resolve(retry()).catch(() => false);
    state.timer = undefined;
    if (truncated) {
      state.attempts = 0;
      state.pending = false;
    } else if (state.pending) {
      state.attempts += 1;
      scheduleRetry(db, state, retry);
    }
  }, delay);
  // A pending retry must not keep a CLI command or a stopping server alive.
  state.timer.unref();
}

/** One checkpoint attempt that never waits for a lock (on the store's connection, or the checkpointing thread's). */
export function truncateWal(db: Database): boolean {
  if (db.memory) return true;
  // Inside a transaction the frames about to be erased may not even be committed yet.
  if (!db.open || db.inTransaction) return false;
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    return result.busy === 0;
  } catch {
    // SQLITE_BUSY or SQLITE_LOCKED from another connection's lock: the retry handles it.
    return false;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
