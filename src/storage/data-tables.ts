/**
 * The tables that hold a deployment's data, with the columns both engines have and the key that
 * orders them: what `crowdaudit migrate` copies and hashes, and what tests count. In an order
 * that respects the foreign keys (donations before what refers to them).
 * `rate_limit_hits` is left out: counters for one window, worth nothing in another database.
 */
export const DATA_TABLE_COLUMNS = {
  donations: ['id', 'campaign_slug', 'campaign_version', 'receipt_hash', 'consent_version', 'consent_sha256', 'purposes_json', 'locale', 'content_sha256', 'record_count', 'created_on', 'source', 'consent_basis'],
  records: ['id', 'donation_id', 'campaign_slug', 'position', 'data'],
  idempotency_keys: ['key_hash', 'campaign_slug', 'request_sha256', 'donation_id', 'sealed_response', 'created_on'],
  audit_log: ['id', 'at', 'action', 'campaign_slug', 'actor', 'detail_json'],
  campaign_revisions: ['campaign_slug', 'revision', 'deletions'],
  access_tokens: ['id', 'label', 'role', 'token_hash', 'created_at', 'revoked_at'],
  import_batches: ['id', 'donation_id', 'campaign_slug', 'layout_json', 'records_json'],
  findings_releases: ['campaign_slug', 'number', 'released_at', 'revision', 'document'],
  consent_withdrawals: ['donation_id', 'purpose', 'consent_version', 'consent_sha256', 'withdrawn_on'],
} as const;

export type DataTable = keyof typeof DATA_TABLE_COLUMNS;

export const DATA_TABLES = Object.keys(DATA_TABLE_COLUMNS) as DataTable[];

/** The columns that order each table's rows the same way in both engines (text compared bytewise). */
export const DATA_TABLE_KEYS: Record<DataTable, readonly string[]> = {
  donations: ['id'],
  records: ['id'],
  idempotency_keys: ['key_hash'],
  audit_log: ['id'],
  campaign_revisions: ['campaign_slug'],
  access_tokens: ['id'],
  import_batches: ['id'],
  findings_releases: ['campaign_slug', 'number'],
  consent_withdrawals: ['donation_id', 'purpose'],
};
