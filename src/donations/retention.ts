/**
 * Retention: each campaign keeps donations for `retentionDays` (its data dictionary), then they
 * are deleted with their records and idempotency keys — donated and imported alike. `crowdaudit
 * purge` runs it by hand; the server runs it at start and once a day. Every campaign gets an
 * audit-log entry with the counts, also when nothing was due, as a record that retention ran.
 * Campaigns no longer in the dictionary are left alone: their retention is unknown.
 */
import type { Logger } from 'pino';
import type { Campaign } from '../campaigns/types';
import type { Repositories, Store } from '../storage/store';

const DAY_MS = 86_400_000;

export interface PurgeCount {
  campaign: string;
  retentionDays: number;
  /** Donations created before this day (UTC, `YYYY-MM-DD`) are past retention. */
  beforeDay: string;
  donations: number;
  records: number;
}

/**
 * The first day a donation is kept on: today minus the retention period. A donation created on
 * that day is exactly `retentionDays` old and stays until tomorrow.
 */
export function retentionStartDay(now: Date, retentionDays: number): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - retentionDays * DAY_MS).toISOString().slice(0, 10);
}

export class RetentionService {
  constructor(
    private readonly store: Store,
    private readonly campaigns: { list(): Campaign[] },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Deletes every campaign's donations past retention in one transaction, writing an audit entry
   * per campaign. With `dryRun`, only counts them.
   */
  async purge(options: { dryRun?: boolean } = {}): Promise<PurgeCount[]> {
    const now = this.now();
    const run = async (repositories: Repositories): Promise<PurgeCount[]> => {
      const counts: PurgeCount[] = [];
      for (const campaign of this.campaigns.list()) counts.push(await this.purgeCampaign(repositories, campaign, now, options.dryRun ?? false));
      return counts;
    };
    if (options.dryRun) return run(this.store);
    const counts = await this.store.transaction(run);
    // Committed; now the purged records' old bytes leave the WAL too (or as soon as readers let go).
    if (counts.some((count) => count.donations > 0)) await this.store.erasure.afterDeletion();
    // The erasure log has a retention of its own, longer than any backup is kept.
    await this.store.erasure.pruneErasureLog(now);
    return counts;
  }

  private async purgeCampaign(repositories: Repositories, campaign: Campaign, now: Date, dryRun: boolean): Promise<PurgeCount> {
      const beforeDay = retentionStartDay(now, campaign.retentionDays);
      const due = await repositories.retention.countCreatedBefore(campaign.slug, beforeDay);
      const count = { campaign: campaign.slug, retentionDays: campaign.retentionDays, beforeDay, ...due };
      if (dryRun) return count;
      const deleted = await repositories.retention.deleteCreatedBefore(campaign.slug, beforeDay);
      await repositories.auditLog.write({
        action: 'donations.purged',
        campaignSlug: campaign.slug,
        actor: 'retention',
        detail: { donations: deleted, records: due.records, retentionDays: campaign.retentionDays, beforeDay },
      }, now);
      return { ...count, donations: deleted };
  }
}

/**
 * What the server's housekeeping calls: purges and logs the counts per campaign (counts and
 * slugs only, never donors' data). A failure is logged, not thrown, so the timer keeps running.
 */
export async function purgeAndLog(service: RetentionService, logger: Logger): Promise<PurgeCount[]> {
  try {
    const counts = await service.purge();
    for (const count of counts) {
      logger.info({ campaign: count.campaign, donations: count.donations, records: count.records, beforeDay: count.beforeDay }, 'purged donations past retention');
    }
    return counts;
  } catch (error) {
    logger.error({ err: error }, 'retention purge failed');
    return [];
  }
}
