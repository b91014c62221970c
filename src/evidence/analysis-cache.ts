/**
 * The campaign analyses, computed once per campaign revision. Every donation written or deleted
 * raises the revision (by trigger), so a result that a deletion made stale is never served: the
 * next request computes anew. Requests arriving while a revision is computed share that work.
 * Nothing personal is cached: the results hold no group under k and no record.
 */
import type { Database } from 'better-sqlite3';
import type { Campaign } from '../campaigns/types';
import { campaignRevision } from '../storage/campaign-revision';
import { analyseCampaign } from './campaign-analyses';
import type { CampaignAnalyses } from './campaign-analyses-types';

export class AnalysisCache {
  private readonly entries = new Map<string, { revision: number; result: Promise<CampaignAnalyses> }>();

  constructor(
    private readonly db: Database,
    private readonly analyse: typeof analyseCampaign = analyseCampaign,
  ) {}

  get(campaign: Campaign): Promise<CampaignAnalyses> {
    const revision = campaignRevision(this.db, campaign.slug);
    const cached = this.entries.get(campaign.slug);
    if (cached && cached.revision === revision) return cached.result;
    const result = this.analyse(this.db, campaign);
    const entry = { revision, result };
    this.entries.set(campaign.slug, entry);
    // A failed computation is not kept: the next request tries again.
    result.catch(() => {
      if (this.entries.get(campaign.slug) === entry) this.entries.delete(campaign.slug);
    });
    return result;
  }
}
