/**
 * SQL for donations, their records and idempotency keys. Only prepared statements with named
 * parameters; rows come back as plain typed objects. Transactions are the caller's choice
 * (`db.transaction`), because one donation spans several statements.
 */
import type { Database } from 'better-sqlite3';
import { insertWithRandomRowId } from './random-row-id';

export interface DonationRow {
  id: string;
  campaignSlug: string;
  campaignVersion: string;
  receiptHash: string;
  consentVersion: string;
  consentSha256: string;
  purposesJson: string;
  locale: string;
  contentSha256: string;
  recordCount: number;
  createdOn: string;
}

export interface IdempotencyRow {
  keyHash: string;
  campaignSlug: string;
  requestSha256: string;
  donationId: string;
  sealedResponse: string;
  createdOn: string;
}

const DONATION_COLUMNS = `id, campaign_slug AS campaignSlug, campaign_version AS campaignVersion,
  receipt_hash AS receiptHash, consent_version AS consentVersion, consent_sha256 AS consentSha256,
  purposes_json AS purposesJson, locale, content_sha256 AS contentSha256, record_count AS recordCount,
  created_on AS createdOn`;

export class DonationRepository {
  private readonly statements;

  constructor(readonly db: Database) {
    this.statements = {
      // Random rowids: the table's order must not be the order of donation (random-row-id.ts).
      insertDonation: db.prepare(`INSERT INTO donations (rowid, id, campaign_slug, campaign_version, receipt_hash,
          consent_version, consent_sha256, purposes_json, locale, content_sha256, record_count, created_on)
        VALUES (@rowId, @id, @campaignSlug, @campaignVersion, @receiptHash, @consentVersion, @consentSha256,
          @purposesJson, @locale, @contentSha256, @recordCount, @createdOn)`),
      insertRecord: db.prepare(`INSERT INTO records (id, donation_id, campaign_slug, position, data)
        VALUES (@rowId, @donationId, @campaignSlug, @position, @data)`),
      findByReceiptHash: db.prepare(`SELECT ${DONATION_COLUMNS} FROM donations WHERE receipt_hash = @receiptHash`),
      recordsOf: db.prepare('SELECT data FROM records WHERE donation_id = @donationId ORDER BY position'),
      deleteDonation: db.prepare('DELETE FROM donations WHERE id = @id'),
      findIdempotency: db.prepare(`SELECT key_hash AS keyHash, campaign_slug AS campaignSlug,
          request_sha256 AS requestSha256, donation_id AS donationId, sealed_response AS sealedResponse,
          created_on AS createdOn
        FROM idempotency_keys WHERE key_hash = @keyHash`),
      insertIdempotency: db.prepare(`INSERT INTO idempotency_keys
          (key_hash, campaign_slug, request_sha256, donation_id, sealed_response, created_on)
        VALUES (@keyHash, @campaignSlug, @requestSha256, @donationId, @sealedResponse, @createdOn)`),
      deleteIdempotencyBefore: db.prepare('DELETE FROM idempotency_keys WHERE created_on < @day'),
      countByCampaign: db.prepare(`SELECT COUNT(*) AS donations, COALESCE(SUM(record_count), 0) AS records
        FROM donations WHERE campaign_slug = @campaignSlug`),
    };
  }

  insertDonation(row: DonationRow, records: ReadonlyArray<Record<string, unknown>>): void {
    insertWithRandomRowId(this.statements.insertDonation, { ...row }, 'rowid');
    records.forEach((record, position) => {
      insertWithRandomRowId(this.statements.insertRecord, {
        donationId: row.id,
        campaignSlug: row.campaignSlug,
        position,
        data: JSON.stringify(record),
      }, 'id');
    });
  }

  findByReceiptHash(receiptHash: string): DonationRow | undefined {
    return this.statements.findByReceiptHash.get({ receiptHash }) as DonationRow | undefined;
  }

  recordsOf(donationId: string): Array<Record<string, string | number | boolean>> {
    return (this.statements.recordsOf.all({ donationId }) as Array<{ data: string }>).map(
      (row) => JSON.parse(row.data) as Record<string, string | number | boolean>,
    );
  }

  /** Deletes the donation; its records and idempotency keys go with it (ON DELETE CASCADE). */
  deleteDonation(id: string): boolean {
    return this.statements.deleteDonation.run({ id }).changes === 1;
  }

  findIdempotency(keyHash: string): IdempotencyRow | undefined {
    return this.statements.findIdempotency.get({ keyHash }) as IdempotencyRow | undefined;
  }

  insertIdempotency(row: IdempotencyRow): void {
    this.statements.insertIdempotency.run(row);
  }

  deleteIdempotencyBefore(day: string): number {
    return this.statements.deleteIdempotencyBefore.run({ day }).changes;
  }

  countByCampaign(campaignSlug: string): { donations: number; records: number } {
    return this.statements.countByCampaign.get({ campaignSlug }) as { donations: number; records: number };
  }
}
