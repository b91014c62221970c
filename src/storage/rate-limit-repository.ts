/**
 * The `rate_limit_hits` table, on a connection of its own with `synchronous = OFF`: a counter
 * lost in a power cut costs nothing, while a flush to disk per request would halve how many
 * donations a second the server can take (each donation already waits for one). An in-memory
 * database has no file to open twice and is used as it is.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';

export interface HitCount {
  hits: number;
  resetsAt: number;
}

export class RateLimitRepository {
  private readonly connection: Database;
  private readonly ownsConnection: boolean;
  private readonly incrementHit;
  private readonly decrementHit;
  private readonly deleteKey;
  private readonly deleteExpired;

  constructor(db: Database) {
    this.ownsConnection = !db.memory;
    this.connection = db.memory ? db : new BetterSqlite3(db.name, { fileMustExist: true });
    if (this.ownsConnection) {
      this.connection.pragma('synchronous = OFF');
      // Checkpoints run in the store's own thread (wal-checkpointer.ts), not on these commits.
      this.connection.pragma('wal_autocheckpoint = 0');
      this.connection.pragma('secure_delete = ON');
      this.connection.pragma('busy_timeout = 5000');
    }
    // One statement: two processes counting the same client at once both land in the row.
    this.incrementHit = this.connection.prepare(`INSERT INTO rate_limit_hits (limiter, client_key, hits, resets_at)
      VALUES (@limiter, @clientKey, 1, @now + @windowMs)
      ON CONFLICT (limiter, client_key) DO UPDATE SET
        hits = CASE WHEN resets_at <= @now THEN 1 ELSE hits + 1 END,
        resets_at = CASE WHEN resets_at <= @now THEN @now + @windowMs ELSE resets_at END
      RETURNING hits, resets_at AS resetsAt`);
    this.decrementHit = this.connection.prepare(`UPDATE rate_limit_hits SET hits = MAX(hits - 1, 0)
      WHERE limiter = @limiter AND client_key = @clientKey`);
    this.deleteKey = this.connection.prepare('DELETE FROM rate_limit_hits WHERE limiter = @limiter AND client_key = @clientKey');
    this.deleteExpired = this.connection.prepare('DELETE FROM rate_limit_hits WHERE resets_at <= @now');
  }

  increment(limiter: string, clientKey: string, now: number, windowMs: number): HitCount {
    return this.incrementHit.get({ limiter, clientKey, now, windowMs }) as HitCount;
  }

  decrement(limiter: string, clientKey: string): void {
    this.decrementHit.run({ limiter, clientKey });
  }

  reset(limiter: string, clientKey: string): void {
    this.deleteKey.run({ limiter, clientKey });
  }

  /** Rows whose window has ended: they say nothing any more and go. */
  deleteExpiredBefore(now: number): number {
    return this.deleteExpired.run({ now }).changes;
  }

  close(): void {
    if (this.ownsConnection && this.connection.open) this.connection.close();
  }
}
