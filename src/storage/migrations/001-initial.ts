/**
 * Donations, their records, idempotency keys and the audit log. Shipped migrations are never
 * edited: a change is a new numbered file.
 */
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE donations (
      id               TEXT PRIMARY KEY,
      campaign_slug    TEXT NOT NULL,
      campaign_version TEXT NOT NULL,
      receipt_hash     TEXT NOT NULL UNIQUE,
      consent_version  TEXT NOT NULL,
      consent_sha256   TEXT NOT NULL,
      purposes_json    TEXT NOT NULL,
      locale           TEXT NOT NULL,
      content_sha256   TEXT NOT NULL,
      record_count     INTEGER NOT NULL CHECK (record_count > 0),
      -- UTC day only: enough for retention, too coarse to match a donation to a log line.
      created_on       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX donations_by_campaign ON donations (campaign_slug, created_on);

    CREATE TABLE records (
      id            INTEGER PRIMARY KEY,
      donation_id   TEXT NOT NULL REFERENCES donations (id) ON DELETE CASCADE,
      campaign_slug TEXT NOT NULL,
      position      INTEGER NOT NULL,
      data          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX records_by_donation ON records (donation_id);
    CREATE INDEX records_by_campaign ON records (campaign_slug);

    -- The first answer to a donation, sealed with a key derived from the Idempotency-Key itself,
    -- so the receipt inside is readable only by the client that holds that key.
    CREATE TABLE idempotency_keys (
      key_hash        TEXT PRIMARY KEY,
      campaign_slug   TEXT NOT NULL,
      request_sha256  TEXT NOT NULL,
      donation_id     TEXT NOT NULL REFERENCES donations (id) ON DELETE CASCADE,
      sealed_response TEXT NOT NULL,
      created_on      TEXT NOT NULL
    ) STRICT;

    -- Who did what, never to whom: no receipts, record values or addresses.
    CREATE TABLE audit_log (
      id            INTEGER PRIMARY KEY,
      at            TEXT NOT NULL,
      action        TEXT NOT NULL,
      campaign_slug TEXT,
      actor         TEXT NOT NULL,
      detail_json   TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
  `,
};
