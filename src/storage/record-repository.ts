/**
 * A campaign's stored records for the analyses and packs, with who gave them: the donor key is
 * the donation for donors, and each record for an NGO's imported survey (one donation row holds
 * a whole import batch, but each of its records is one respondent, and k counts people).
 *
 * Records live in two tables: donated ones in `records`, one row each, and imported ones in
 * `import_batches`, one row per batch (migration 005). Readers see one sequence: donated records
 * in the order they were stored, then imported ones batch by batch.
 */
import type { Database } from 'better-sqlite3';
import { decodeImportBatch, type StoredValues } from './import-batch-codec';

export interface StoredRecord {
  donorKey: string;
  donationId: string;
  purposesJson: string;
  record: StoredValues;
}

interface DonatedRow {
  id: number;
  donorKey: string;
  donationId: string;
  purposesJson: string;
  data: string;
}

interface BatchRow {
  id: number;
  donationId: string;
  purposesJson: string;
  layoutJson: string;
  recordsJson: string;
}

export class RecordRepository {
  private readonly statements;

  constructor(db: Database) {
    this.statements = {
      // Records imported before migration 005 sit in `records` too: each is its own respondent.
      donatedPage: db.prepare(`SELECT r.id AS id,
          CASE WHEN d.source = 'import' THEN d.id || '#' || r.position ELSE d.id END AS donorKey,
          d.id AS donationId, d.purposes_json AS purposesJson, r.data AS data
        FROM records r JOIN donations d ON d.id = r.donation_id
        WHERE r.campaign_slug = @campaignSlug AND r.id > @afterId
        ORDER BY r.id LIMIT @limit`),
      nextBatch: db.prepare(`SELECT b.id AS id, d.id AS donationId, d.purposes_json AS purposesJson,
          b.layout_json AS layoutJson, b.records_json AS recordsJson
        FROM import_batches b JOIN donations d ON d.id = b.donation_id
        WHERE b.campaign_slug = @campaignSlug AND b.id > @afterId
        ORDER BY b.id LIMIT 1`),
      counts: db.prepare(`SELECT COUNT(*) AS donations, COALESCE(SUM(record_count), 0) AS records
        FROM donations WHERE campaign_slug = @campaignSlug`),
      donatedFieldNames: db.prepare(`SELECT DISTINCT key AS name FROM records, json_each(records.data)
        WHERE campaign_slug = @campaignSlug`),
      importedFieldNames: db.prepare(`SELECT DISTINCT f.value AS name FROM import_batches b, json_each(b.layout_json, '$.fields') f
        WHERE b.campaign_slug = @campaignSlug`),
    };
  }

  /**
   * The records in pages of at most `pageSize`. Each page is read by its own short statement and
   * nothing stays open between pages, so a caller may let other work (donations) run between them.
   */
  *pages(campaignSlug: string, pageSize: number): Generator<StoredRecord[]> {
    for (let afterId = 0; ;) {
      const rows = this.statements.donatedPage.all({ campaignSlug, afterId, limit: pageSize }) as DonatedRow[];
      if (rows.length > 0) {
        yield rows.map((row) => ({ donorKey: row.donorKey, donationId: row.donationId, purposesJson: row.purposesJson, record: JSON.parse(row.data) as StoredValues }));
        afterId = rows[rows.length - 1].id;
      }
      if (rows.length < pageSize) break;
    }
    for (let afterId = 0; ;) {
      const batch = this.statements.nextBatch.get({ campaignSlug, afterId }) as BatchRow | undefined;
      if (!batch) return;
      const records = decodeImportBatch(batch.layoutJson, batch.recordsJson).map((record, position) => ({
        donorKey: `${batch.donationId}#${position}`,
        donationId: batch.donationId,
        purposesJson: batch.purposesJson,
        record,
      }));
      for (let start = 0; start < records.length; start += pageSize) yield records.slice(start, start + pageSize);
      afterId = batch.id;
    }
  }

  /** Every record, one after the other (read in pages, so memory holds a page or one import batch at a time). */
  *iterate(campaignSlug: string): Generator<StoredRecord> {
    for (const page of this.pages(campaignSlug, 2_000)) yield* page;
  }

  /** Donations (an import batch counts as one) and records of the campaign, without reading the records. */
  counts(campaignSlug: string): { donations: number; records: number } {
    return this.statements.counts.get({ campaignSlug }) as { donations: number; records: number };
  }

  /** The field names the campaign's stored records have (for an import batch: the columns its file had), sorted. */
  fieldNames(campaignSlug: string): string[] {
    const names = new Set<string>();
    for (const statement of [this.statements.donatedFieldNames, this.statements.importedFieldNames]) {
      for (const { name } of statement.all({ campaignSlug }) as Array<{ name: string }>) names.add(name);
    }
    return [...names].sort();
  }
}
