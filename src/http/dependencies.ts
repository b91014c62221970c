/**
 * What the routers need, built once by `createApp` and handed down: routers never open the
 * database or read configuration themselves.
 */
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Campaign } from '../campaigns/types';
import type { Config } from '../config';
import type { DonationService } from '../donations/donation-service';
import type { AnalysisCache } from '../evidence/analysis-cache';
import type { PersonalPackService } from '../evidence/personal/personal-pack-service';
import type { CsrfProtection } from './middleware/csrf';

/** Read access to the loaded campaigns (the registry from `campaigns/load-campaigns`). */
export interface CampaignLookup {
  get(slug: string): Campaign | undefined;
  list(): Campaign[];
}

export interface AppDependencies {
  config: Config;
  db: Database;
  logger: Logger;
  campaigns: CampaignLookup;
  donations: DonationService;
  /** The campaigns' analyses, cached per campaign revision. */
  analyses: AnalysisCache;
  /** Donors' personal evidence packs. */
  personalPacks: PersonalPackService;
  csrf: CsrfProtection;
}
