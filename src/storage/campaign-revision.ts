import type { Database } from 'better-sqlite3';

export interface CampaignRevision {
  /** Raised by every donation written or deleted; 0 before the first. */
  revision: number;
  /** Raised by every deletion (a withdrawal, the retention purge). */
  deletions: number;
}

export function campaignRevisionState(db: Database, campaignSlug: string): CampaignRevision {
  const row = db.prepare('SELECT revision, deletions FROM campaign_revisions WHERE campaign_slug = @campaignSlug').get({ campaignSlug }) as CampaignRevision | undefined;
  return row ?? { revision: 0, deletions: 0 };
}

/** The campaign's revision (raised by every donation written or deleted); 0 before the first. */
export function campaignRevision(db: Database, campaignSlug: string): number {
  return campaignRevisionState(db, campaignSlug).revision;
}
