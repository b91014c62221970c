/**
 * A campaign's stored records for the analyses and packs, with who gave them: the donor key is
 * the donation for donors, and each record for an NGO's imported survey (one donation row holds
 * a whole import batch, but each of its records is one respondent, and k counts people).
 */
import type { Database } from 'better-sqlite3';

export interface StoredRecord {
  donorKey: string;
  donationId: string;
  purposesJson: string;
  data: string;
}

export class RecordRepository {
  private readonly ofCampaign;
  private readonly pageOfCampaign;

  constructor(db: Database) {
    this.ofCampaign = db.prepare(`SELECT
        CASE WHEN d.source = 'import' THEN d.id || '#' || r.position ELSE d.id END AS donorKey,
        d.id AS donationId, d.purposes_json AS purposesJson, r.data AS data
      FROM records r JOIN donations d ON d.id = r.donation_id
      WHERE r.campaign_slug = @campaignSlug
      ORDER BY r.id`);
    this.pageOfCampaign = db.prepare(`SELECT r.id AS id,
        CASE WHEN d.source = 'import' THEN d.id || '#' || r.position ELSE d.id END AS donorKey,
        d.id AS donationId, d.purposes_json AS purposesJson, r.data AS data
      FROM records r JOIN donations d ON d.id = r.donation_id
      WHERE r.campaign_slug = @campaignSlug AND r.id > @afterId
      ORDER BY r.id LIMIT @limit`);
  }

  /** One page of records after record `afterId`, so a long read can let other work run between pages. */
  page(campaignSlug: string, afterId: number, limit: number): Array<StoredRecord & { id: number }> {
    return this.pageOfCampaign.all({ campaignSlug, afterId, limit }) as Array<StoredRecord & { id: number }>;
  }

  /** Streams the records (one statement, no array of all rows). */
  iterate(campaignSlug: string): IterableIterator<StoredRecord> {
    return this.ofCampaign.iterate({ campaignSlug }) as IterableIterator<StoredRecord>;
  }
}
