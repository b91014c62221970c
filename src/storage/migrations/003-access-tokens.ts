/**
 * Access tokens for NGOs and analysts (collective evidence packs). Only the SHA-256 of a token
 * is kept, as with receipts: a copy of the database lets nobody download a pack. A revoked token
 * stays listed (with when) so the audit log's labels still mean something.
 * Shipped migrations are never edited: a change is a new numbered file.
 */
export const migration003 = {
  version: 3,
  name: 'access-tokens',
  sql: `
    CREATE TABLE access_tokens (
      id          INTEGER PRIMARY KEY,
      label       TEXT NOT NULL,
      role        TEXT NOT NULL CHECK (role IN ('ngo', 'analyst')),
      token_hash  TEXT NOT NULL UNIQUE,
      created_at  TEXT NOT NULL,
      revoked_at  TEXT
    ) STRICT;
  `,
};
