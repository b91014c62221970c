/**
 * Rate-limit counters in the database, so that every server process on it counts one client's
 * requests together (in memory, each process had its own allowance). A client is stored only as
 * a keyed hash of its address (never the address), and a row lives for one window at most.
 * WITHOUT ROWID: no insertion order to link to log times. Shipped migrations are never edited.
 */
export const migration009 = {
  version: 9,
  name: 'rate-limits',
  sql: `
    CREATE TABLE rate_limit_hits (
      limiter    TEXT NOT NULL,
      -- HMAC-SHA-256 of the client address under a key derived from the CSRF secret.
      client_key TEXT NOT NULL,
      hits       INTEGER NOT NULL CHECK (hits >= 0),
      -- Milliseconds since 1970: when the window ends and the row may go.
      resets_at  INTEGER NOT NULL,
      PRIMARY KEY (limiter, client_key)
    ) STRICT, WITHOUT ROWID;
  `,
};
