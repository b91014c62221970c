/**
 * express-rate-limit's store in the database: every server process on one database shares the
 * counts, so running two processes does not double what a script may try. The client's address
 * is kept only as an HMAC under a key derived from the CSRF secret (which every process shares),
 * for one window at most; expired rows are deleted as new hits arrive.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { RateLimitCounterStore } from '../../storage/store';

/** Expired rows are swept at most this often, by whichever request comes then. */
const SWEEP_EVERY_MS = 60_000;

export function rateLimitClientKeySecret(csrfSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', csrfSecret, 'crowdaudit', 'rate-limit client key', 32));
}

export class DatabaseRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private lastSweep = 0;

  constructor(
    private readonly repository: RateLimitCounterStore,
    /** Which limiter these counts are for: one store per limiter. */
    readonly prefix: string,
    private readonly clientKeySecret: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private clientKey(key: string): string {
    return createHmac('sha256', this.clientKeySecret).update(key).digest('base64url');
  }

  async increment(key: string): Promise<IncrementResponse> {
    const now = this.now();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = now;
      await this.repository.deleteExpiredBefore(now);
    }
    const { hits, resetsAt } = await this.repository.increment(this.prefix, this.clientKey(key), now, this.windowMs);
    return { totalHits: hits, resetTime: new Date(resetsAt) } satisfies ClientRateLimitInfo;
  }

  async decrement(key: string): Promise<void> {
    await this.repository.decrement(this.prefix, this.clientKey(key));
  }

  async resetKey(key: string): Promise<void> {
    await this.repository.reset(this.prefix, this.clientKey(key));
  }
}
