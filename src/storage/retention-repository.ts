/**
 * SQL for deleting donations past their campaign's retention period. A donation's records and
 * idempotency keys go with it (ON DELETE CASCADE), so one DELETE reaches every table that holds
 * the donors' data. Days are ISO `YYYY-MM-DD` text, which sorts as dates do.
 */
import type { Database } from 'better-sqlite3';

export interface ExpiredCount {
  donations: number;
  records: number;
}

export class RetentionRepository {
  private readonly statements;

  constructor(readonly db: Database) {
    this.statements = {
      countCreatedBefore: db.prepare(`SELECT COUNT(*) AS donations, COALESCE(SUM(record_count), 0) AS records
        FROM donations WHERE campaign_slug = @campaignSlug AND created_on < @beforeDay`),
      deleteCreatedBefore: db.prepare('DELETE FROM donations WHERE campaign_slug = @campaignSlug AND created_on < @beforeDay'),
    };
  }

  /** Donations of the campaign created before the day, and the records they hold. */
  countCreatedBefore(campaignSlug: string, beforeDay: string): ExpiredCount {
    return this.statements.countCreatedBefore.get({ campaignSlug, beforeDay }) as ExpiredCount;
  }

  /** Deletes them; returns how many donations went. */
  deleteCreatedBefore(campaignSlug: string, beforeDay: string): number {
    return this.statements.deleteCreatedBefore.run({ campaignSlug, beforeDay }).changes;
  }
}
