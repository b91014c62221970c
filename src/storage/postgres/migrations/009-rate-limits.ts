/**
 * PostgreSQL's equivalent of SQLite's migration 009: rate-limit counters shared by every process.
 * UNLOGGED, as SQLite's counters are written with `synchronous = OFF`: a counter lost in a crash
 * costs nothing, and no WAL flush per request. Never edited once shipped.
 */
export const postgresMigration009 = {
  version: 9,
  name: 'rate-limits',
  sql: `
    CREATE UNLOGGED TABLE rate_limit_hits (
      limiter    TEXT NOT NULL,
      client_key TEXT NOT NULL,
      hits       INTEGER NOT NULL CHECK (hits >= 0),
      resets_at  BIGINT NOT NULL,
      PRIMARY KEY (limiter, client_key)
    );
  `,
};
