/**
 * SQL for imported surveys (`crowdaudit import`): a batch of records is one donation row with
 * `source = 'import'` (migration 004) and one `import_batches` row holding its records
 * (migration 005). Prepared once and reused for every batch. The caller wraps each batch in a
 * transaction.
 */
import type { Database } from 'better-sqlite3';
import { insertWithRandomRowId } from './random-row-id';

export interface ImportBatchRow {
  id: string;
  campaignSlug: string;
  campaignVersion: string;
  receiptHash: string;
  consentSha256: string;
  consentBasis: string | null;
  purposesJson: string;
  contentSha256: string;
  recordCount: number;
  createdOn: string;
}

export class ImportRepository {
  private readonly statements;

  constructor(readonly db: Database) {
    this.statements = {
      // consent_version 'import' and locale 'und' (undetermined, BCP 47): an import has neither a
      // consent text version the donor saw nor a donor's language.
      // A random rowid, as for donors' donations (random-row-id.ts); the batches keep their order.
      insertDonation: db.prepare(`INSERT INTO donations (rowid, id, campaign_slug, campaign_version, receipt_hash,
          consent_version, consent_sha256, purposes_json, locale, content_sha256, record_count, created_on, source, consent_basis)
        VALUES (@rowId, @id, @campaignSlug, @campaignVersion, @receiptHash, 'import', @consentSha256, @purposesJson, 'und',
          @contentSha256, @recordCount, @createdOn, 'import', @consentBasis)`),
      insertRecords: db.prepare(`INSERT INTO import_batches (donation_id, campaign_slug, layout_json, records_json)
        VALUES (@donationId, @campaignSlug, @layoutJson, @recordsJson)`),
    };
  }

  /** Inserts one batch: its donation row, then its records as encoded by `import-batch-codec.ts`. */
  insertBatch(row: ImportBatchRow, layoutJson: string, recordsJson: string): void {
    insertWithRandomRowId(this.statements.insertDonation, { ...row }, 'rowid');
    this.statements.insertRecords.run({ donationId: row.id, campaignSlug: row.campaignSlug, layoutJson, recordsJson });
  }
}
