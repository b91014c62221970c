/** Builds personal packs from the cached analyses and the campaign snapshot of the current revision. */
import type { Database } from 'better-sqlite3';
import type { DonationView } from '../../donations/donation-service';
import type { CampaignLookup } from '../../http/dependencies';
import type { AnalysisCache } from '../analysis-cache';
import type { Recipients } from '../letters';
import { CampaignSnapshots } from './campaign-snapshot';
import { buildPersonalPack, type PersonalPack, type PersonalPackOptions } from './personal-pack';

export class PersonalPackService {
  private readonly snapshots: CampaignSnapshots;

  constructor(
    db: Database,
    private readonly campaigns: CampaignLookup,
    private readonly analyses: AnalysisCache,
    readonly recipients: Recipients,
  ) {
    this.snapshots = new CampaignSnapshots(db);
  }

  async build(donation: DonationView, options: PersonalPackOptions): Promise<PersonalPack> {
    const campaign = this.campaigns.get(donation.campaign);
    if (!campaign) throw new Error(`The donation's campaign "${donation.campaign}" is no longer loaded.`);
    const analyses = await this.analyses.get(campaign);
    return buildPersonalPack(campaign, donation, await this.snapshots.get(campaign), analyses, this.recipients, options);
  }
}
