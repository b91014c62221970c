/**
 * The campaign analyses, cached per campaign revision (see `RevisionCache` for when a newer
 * result is waited for). Nothing personal is cached: no group under k, no record.
 */
import type { Database } from 'better-sqlite3';
import type { Campaign } from '../campaigns/types';
import { analyseCampaign } from './campaign-analyses';
import type { CampaignAnalyses } from './campaign-analyses-types';
import { RevisionCache } from './revision-cache';

export class AnalysisCache extends RevisionCache<CampaignAnalyses> {
  constructor(db: Database, analyse: (db: Database, campaign: Campaign) => Promise<CampaignAnalyses> = analyseCampaign) {
    super(db, (campaign) => analyse(db, campaign));
  }
}
