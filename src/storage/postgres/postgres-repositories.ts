/**
 * The repositories on PostgreSQL (node-postgres): the same statements as the SQLite ones in
 * ../, in PostgreSQL's dialect ($1 parameters, ON CONFLICT … RETURNING, json functions), on a
 * pool (outside a transaction) or on one client (inside one).
 */
import type { QueryResultRow } from 'pg';
import { bytesAsBuffer } from '../../bytes-as-buffer';
import type { AuditEntry } from '../audit-log';
import type { CampaignRevision } from '../campaign-revision';
import type { ConsentWithdrawalRow } from '../consent-withdrawal-repository';
import type { DonationRow, IdempotencyRow } from '../donation-repository';
import { decodeImportBatch, type StoredValues } from '../import-batch-codec';
import type { ImportBatchRow } from '../import-repository';
import { randomRowId } from '../random-row-id';
import type { StoredRecord } from '../record-repository';
import type { ReleaseMeta, ReleaseRow } from '../release-repository';
import type { Repositories } from '../store';
import type { AccessTokenRow } from '../token-repository';

/** A pool or a client: what runs a query. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

const DONATION_COLUMNS = `id, campaign_slug AS "campaignSlug", campaign_version AS "campaignVersion",
  receipt_hash AS "receiptHash", consent_version AS "consentVersion", consent_sha256 AS "consentSha256",
  purposes_json AS "purposesJson", locale, content_sha256 AS "contentSha256", record_count AS "recordCount",
  created_on AS "createdOn"`;

const TOKEN_COLUMNS = `id, label, role, token_hash AS "tokenHash", created_at AS "createdAt", revoked_at AS "revokedAt"`;

async function one<R extends QueryResultRow>(db: Queryable, text: string, values: unknown[]): Promise<R | undefined> {
  return (await db.query<R>(text, values)).rows[0];
}

/**
 * Inserts rows with fresh random ids (random-row-id.ts). A taken id would abort the whole
 * transaction on PostgreSQL, so the insert skips it (ON CONFLICT DO NOTHING) and the rows it
 * skipped are inserted again with new ids.
 */
async function insertRecords(db: Queryable, donationId: string, campaignSlug: string, records: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  let pending = records.map((record, position) => ({ position, data: JSON.stringify(record) }));
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    if (attempt > 3) throw new Error('Could not draw a free random record id three times.');
    const values: unknown[] = [donationId, campaignSlug];
    const rows = pending.map((record) => {
      values.push(randomRowId(), record.position, record.data);
      const base = values.length - 2;
      return `($${base}, $1, $2, $${base + 1}, $${base + 2})`;
    });
    const inserted = await db.query<{ position: number }>(`INSERT INTO records (id, donation_id, campaign_slug, position, data)
      VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING position`, values);
    const done = new Set(inserted.rows.map((row) => row.position));
    pending = pending.filter((record) => !done.has(record.position));
  }
}

export function postgresRepositories(db: Queryable): Repositories {
  return {
    donations: {
      async insertDonation(row: DonationRow, records: ReadonlyArray<Record<string, unknown>>): Promise<void> {
        await db.query(`INSERT INTO donations (id, campaign_slug, campaign_version, receipt_hash, consent_version,
            consent_sha256, purposes_json, locale, content_sha256, record_count, created_on)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [row.id, row.campaignSlug, row.campaignVersion, row.receiptHash, row.consentVersion, row.consentSha256, row.purposesJson, row.locale, row.contentSha256, row.recordCount, row.createdOn]);
        await insertRecords(db, row.id, row.campaignSlug, records);
      },
      findByReceiptHash: (receiptHash) => one<DonationRow>(db, `SELECT ${DONATION_COLUMNS} FROM donations WHERE receipt_hash = $1`, [receiptHash]),
      async recordsOf(donationId) {
        const { rows } = await db.query<{ data: string }>('SELECT data FROM records WHERE donation_id = $1 ORDER BY position', [donationId]);
        return rows.map((row) => JSON.parse(row.data) as StoredValues);
      },
      async deleteDonation(id) {
        return (await db.query('DELETE FROM donations WHERE id = $1', [id])).rowCount === 1;
      },
      findIdempotency: (keyHash) => one<IdempotencyRow>(db, `SELECT key_hash AS "keyHash", campaign_slug AS "campaignSlug",
          request_sha256 AS "requestSha256", donation_id AS "donationId", sealed_response AS "sealedResponse", created_on AS "createdOn"
        FROM idempotency_keys WHERE key_hash = $1`, [keyHash]),
      async insertIdempotency(row: IdempotencyRow) {
        await db.query(`INSERT INTO idempotency_keys (key_hash, campaign_slug, request_sha256, donation_id, sealed_response, created_on)
          VALUES ($1, $2, $3, $4, $5, $6)`, [row.keyHash, row.campaignSlug, row.requestSha256, row.donationId, row.sealedResponse, row.createdOn]);
      },
      async deleteIdempotencyBefore(day) {
        return (await db.query('DELETE FROM idempotency_keys WHERE created_on < $1', [day])).rowCount ?? 0;
      },
      countByCampaign: (campaignSlug) => counts(db, campaignSlug),
    },
    records: {
      pages: (campaignSlug, pageSize) => pages(db, campaignSlug, pageSize),
      counts: (campaignSlug) => counts(db, campaignSlug),
      async fieldNames(campaignSlug) {
        const donated = await db.query<{ name: string }>('SELECT DISTINCT json_object_keys(data::json) AS name FROM records WHERE campaign_slug = $1', [campaignSlug]);
        const imported = await db.query<{ name: string }>(`SELECT DISTINCT json_array_elements_text(layout_json::json -> 'fields') AS name
          FROM import_batches WHERE campaign_slug = $1`, [campaignSlug]);
        return [...new Set([...donated.rows, ...imported.rows].map((row) => row.name))].sort();
      },
    },
    consentWithdrawals: {
      async setPurposes(donationId, purposes) {
        await db.query('UPDATE donations SET purposes_json = $2 WHERE id = $1', [donationId, JSON.stringify([...purposes].sort())]);
      },
      async insert(row: ConsentWithdrawalRow) {
        await db.query(`INSERT INTO consent_withdrawals (donation_id, purpose, consent_version, consent_sha256, withdrawn_on)
          VALUES ($1, $2, $3, $4, $5) ON CONFLICT (donation_id, purpose) DO NOTHING`, [row.donationId, row.purpose, row.consentVersion, row.consentSha256, row.withdrawnOn]);
      },
      async ofDonation(donationId) {
        return (await db.query<ConsentWithdrawalRow>(`SELECT donation_id AS "donationId", purpose, consent_version AS "consentVersion",
            consent_sha256 AS "consentSha256", withdrawn_on AS "withdrawnOn"
          FROM consent_withdrawals WHERE donation_id = $1 ORDER BY purpose COLLATE "C"`, [donationId])).rows;
      },
    },
    retention: {
      async countCreatedBefore(campaignSlug, beforeDay) {
        return (await one<{ donations: number; records: number }>(db, `SELECT COUNT(*) AS donations, COALESCE(SUM(record_count), 0)::bigint AS records
          FROM donations WHERE campaign_slug = $1 AND created_on < $2`, [campaignSlug, beforeDay]))!;
      },
      async deleteCreatedBefore(campaignSlug, beforeDay) {
        return (await db.query('DELETE FROM donations WHERE campaign_slug = $1 AND created_on < $2', [campaignSlug, beforeDay])).rowCount ?? 0;
      },
    },
    tokens: {
      async insert(token) {
        return (await one<{ id: number }>(db, 'INSERT INTO access_tokens (label, role, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
          [token.label, token.role, token.tokenHash, token.createdAt]))!.id;
      },
      findByHash: (tokenHash) => one<AccessTokenRow>(db, `SELECT ${TOKEN_COLUMNS} FROM access_tokens WHERE token_hash = $1`, [tokenHash]),
      async list() {
        return (await db.query<AccessTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM access_tokens ORDER BY id`)).rows;
      },
      async revoke(id, revokedAt) {
        return (await db.query('UPDATE access_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, revokedAt])).rowCount === 1;
      },
    },
    releases: {
      latest: (campaignSlug) => one<ReleaseMeta>(db, `SELECT campaign_slug AS "campaignSlug", number, released_at AS "releasedAt", revision
        FROM findings_releases WHERE campaign_slug = $1 ORDER BY number DESC LIMIT 1`, [campaignSlug]),
      async document(campaignSlug, number) {
        return (await one<{ document: Buffer }>(db, 'SELECT document FROM findings_releases WHERE campaign_slug = $1 AND number = $2', [campaignSlug, number]))?.document;
      },
      async insert(row: ReleaseRow) {
        // The number must follow the latest one; the primary key stops a second writer of the same number.
        const result = await db.query(`INSERT INTO findings_releases (campaign_slug, number, released_at, revision, document)
          SELECT $1, $2::integer, $3, $4, $5
          WHERE $2::integer = 1 + (SELECT COALESCE(MAX(number), 0) FROM findings_releases WHERE campaign_slug = $1)
          ON CONFLICT DO NOTHING`, [row.campaignSlug, row.number, row.releasedAt, row.revision, bytesAsBuffer(row.document)]);
        return result.rowCount === 1;
      },
    },
    imports: {
      async insertBatch(row: ImportBatchRow, layoutJson: string, recordsJson: string) {
        await db.query(`INSERT INTO donations (id, campaign_slug, campaign_version, receipt_hash, consent_version, consent_sha256,
            purposes_json, locale, content_sha256, record_count, created_on, source, consent_basis)
          VALUES ($1, $2, $3, $4, 'import', $5, $6, 'und', $7, $8, $9, 'import', $10)`,
        [row.id, row.campaignSlug, row.campaignVersion, row.receiptHash, row.consentSha256, row.purposesJson, row.contentSha256, row.recordCount, row.createdOn, row.consentBasis]);
        await db.query('INSERT INTO import_batches (donation_id, campaign_slug, layout_json, records_json) VALUES ($1, $2, $3, $4)',
          [row.id, row.campaignSlug, layoutJson, recordsJson]);
      },
    },
    auditLog: {
      async write(entry: AuditEntry, now: Date = new Date()) {
        await db.query('INSERT INTO audit_log (at, action, campaign_slug, actor, detail_json) VALUES ($1, $2, $3, $4, $5)',
          [now.toISOString(), entry.action, entry.campaignSlug ?? null, entry.actor, JSON.stringify(entry.detail ?? {})]);
      },
    },
    revisions: {
      async state(campaignSlug): Promise<CampaignRevision> {
        return (await one<CampaignRevision>(db, 'SELECT revision, deletions FROM campaign_revisions WHERE campaign_slug = $1', [campaignSlug])) ?? { revision: 0, deletions: 0 };
      },
    },
  };
}

async function counts(db: Queryable, campaignSlug: string): Promise<{ donations: number; records: number }> {
  return (await one<{ donations: number; records: number }>(db, `SELECT COUNT(*) AS donations, COALESCE(SUM(record_count), 0)::bigint AS records
    FROM donations WHERE campaign_slug = $1`, [campaignSlug]))!;
}

/** As RecordRepository.pages: donated records by id, then import batches one by one. */
async function* pages(db: Queryable, campaignSlug: string, pageSize: number): AsyncGenerator<StoredRecord[]> {
  for (let afterId = 0; ;) {
    const { rows } = await db.query<{ id: number; donorKey: string; donationId: string; purposesJson: string; data: string }>(`SELECT r.id AS id,
        CASE WHEN d.source = 'import' THEN d.id || '#' || r.position ELSE d.id END AS "donorKey",
        d.id AS "donationId", d.purposes_json AS "purposesJson", r.data AS data
      FROM records r JOIN donations d ON d.id = r.donation_id
      WHERE r.campaign_slug = $1 AND r.id > $2
      ORDER BY r.id LIMIT $3`, [campaignSlug, afterId, pageSize]);
    if (rows.length > 0) {
      yield rows.map((row) => ({ donorKey: row.donorKey, donationId: row.donationId, purposesJson: row.purposesJson, record: JSON.parse(row.data) as StoredValues }));
      afterId = rows[rows.length - 1].id;
    }
    if (rows.length < pageSize) break;
  }
  for (let afterId = 0; ;) {
    const batch = await one<{ id: number; donationId: string; purposesJson: string; layoutJson: string; recordsJson: string }>(db, `SELECT b.id AS id,
        d.id AS "donationId", d.purposes_json AS "purposesJson", b.layout_json AS "layoutJson", b.records_json AS "recordsJson"
      FROM import_batches b JOIN donations d ON d.id = b.donation_id
      WHERE b.campaign_slug = $1 AND b.id > $2 ORDER BY b.id LIMIT 1`, [campaignSlug, afterId]);
    if (!batch) return;
    const records = decodeImportBatch(batch.layoutJson, batch.recordsJson).map((record, position) => ({
      donorKey: `${batch.donationId}#${position}`, donationId: batch.donationId, purposesJson: batch.purposesJson, record,
    }));
    for (let start = 0; start < records.length; start += pageSize) yield records.slice(start, start + pageSize);
    afterId = batch.id;
  }
}
