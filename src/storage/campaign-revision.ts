import type { Database } from 'better-sqlite3';

/** The campaign's revision (raised by every donation written or deleted); 0 before the first. */
export function campaignRevision(db: Database, campaignSlug: string): number {
  const row = db.prepare('SELECT revision FROM campaign_revisions WHERE campaign_slug = @campaignSlug').get({ campaignSlug }) as { revision: number } | undefined;
  return row?.revision ?? 0;
}
