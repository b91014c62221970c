/**
 * Durable commits without the event loop waiting for the disk. With `synchronous = FULL` SQLite
 * syncs the write-ahead log inside COMMIT, on the thread that commits: the server's event loop.
 * Under load that sync took 5–30 ms (up to 230 ms) at a time, during which no request was
 * answered. So the store's connection commits with `synchronous = NORMAL` (COMMIT writes the
 * WAL but does not sync it) and, before it tells any caller its write is stored, syncs the WAL
 * here, in libuv's thread pool, while the event loop goes on. A caller is still answered only
 * once its write is on disk: the promise a receipt makes (open-database.ts) is kept.
 *
 * Why this is as durable as FULL: COMMIT has written the transaction's frames to the WAL file
 * before it returns, and `fdatasync` returns once everything written to that file is on disk.
 * The frames are gone from the WAL only after a checkpoint copied them into the database file,
 * and a checkpoint syncs the database file (in NORMAL, as in FULL) before the WAL is rewound.
 * WAL mode stays consistent in NORMAL whatever happens (SQLite's documentation,
 * https://www.sqlite.org/pragma.html#pragma_synchronous); the sync here adds the durability.
 *
 * If the sync fails, the callers are told their write failed, though its frames may be in the
 * WAL, as when FULL's own sync fails inside COMMIT.
 */
import fs from 'node:fs';

export class WalSync {
  /** The sync under way, if any. */
  private running?: Promise<void>;
  /** The sync that starts when the running one ends, shared by everyone who asks meanwhile. */
  private next?: Promise<void>;

  /** @param walPath the database's `-wal` file, which SQLite keeps while any connection is open */
  constructor(private readonly walPath: string) {}

  /**
   * Resolves once everything committed before the call is on disk. A sync already under way may
   * have started before the caller's commit, so the caller waits for the next one; everyone
   * asking while one runs shares that next one (one sync per group of commits, as group-commit.ts
   * shares one COMMIT).
   */
  flush(): Promise<void> {
    if (!this.running) return this.start();
    this.next ??= this.running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  /** Resolves once the syncs asked for so far have ended. */
  async close(): Promise<void> {
    await Promise.allSettled([this.running, this.next]);
  }

  private startNext(): Promise<void> {
    this.next = undefined;
    return this.start();
  }

  private start(): Promise<void> {
    const sync = this.sync().finally(() => {
      if (this.running === sync) this.running = undefined;
    });
    this.running = sync;
    return sync;
  }

  /**
   * Opened for each sync and closed after it (two more calls in the thread pool, microseconds): a
   * descriptor kept open would outlive a store that is never closed, and could point at a WAL
   * file deleted and made anew. Read-only is enough: fdatasync flushes the file, whichever
   * descriptor asks.
   */
  private async sync(): Promise<void> {
    const file = await fs.promises.open(this.walPath, 'r');
    try {
      await file.datasync();
    } finally {
      await file.close();
    }
  }
}
