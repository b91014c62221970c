/**
 * Rate limits per client address (counted in the database, shared by every process on it, the
 * address kept only as a keyed hash: see `DatabaseRateLimitStore`; never logged). Guessing
 * receipts is the attack that matters: 140-bit codes cannot be guessed, but throttling also keeps
 * a script from hammering the lookup. RATE_LIMITS=off turns them off for benchmarks behind a
 * trusted proxy.
 */
import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { AppError } from '../../app-error';

export interface RateLimiters {
  /** Receipt lookups, downloads and deletions. */
  receipts: RequestHandler;
  /** New donations. */
  donations: RequestHandler;
  /** Requests with an NGO or analyst access token (evidence packs). */
  accessTokens: RequestHandler;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

function limiter(windowMs: number, limit: number, what: string, store: Store): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    store,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res, next) => {
      const retryAfter = res.getHeader('Retry-After');
      next(new AppError(429, 'rate_limited', `Too many ${what}. Please wait a few minutes and try again.`, [], {
        'Retry-After': String(retryAfter ?? Math.ceil(windowMs / 1000)),
      }));
    },
  });
}

/** @param storeFor the counts of one limiter, by name; undefined turns rate limits off. */
export function createRateLimiters(storeFor: ((limiter: string) => Store) | undefined): RateLimiters {
  if (!storeFor) return { receipts: passThrough, donations: passThrough, accessTokens: passThrough };
  return {
    receipts: limiter(60_000, 20, 'attempts with a receipt code', storeFor('receipts')),
    donations: limiter(10 * 60_000, 60, 'donations from this connection', storeFor('donations')),
    accessTokens: limiter(60_000, 30, 'requests with an access token', storeFor('access-tokens')),
  };
}
