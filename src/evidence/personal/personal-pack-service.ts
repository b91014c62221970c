/** Builds personal packs from the published findings release and the campaign snapshot of the current revision. */
import type { Database } from 'better-sqlite3';
import type { DonationView } from '../../donations/donation-service';
import type { CampaignLookup } from '../../campaigns/types';
import type { FindingsReleases } from '../releases/findings-releases';
import type { Recipients } from '../letters';
import { CampaignSnapshots } from './campaign-snapshot';
import { buildPersonalPack, type PersonalPack, type PersonalPackOptions } from './personal-pack';

export class PersonalPackService {
  private readonly snapshots: CampaignSnapshots;

  constructor(
    db: Database,
    private readonly campaigns: CampaignLookup,
    private readonly findings: Pick<FindingsReleases, 'current'>,
    readonly recipients: Recipients,
  ) {
    this.snapshots = new CampaignSnapshots(db);
  }

  async build(donation: DonationView, options: PersonalPackOptions): Promise<PersonalPack> {
    const campaign = this.campaigns.get(donation.campaign);
    if (!campaign) throw new Error(`The donation's campaign "${donation.campaign}" is no longer loaded.`);
    const findings = await this.findings.current(campaign);
    return buildPersonalPack(campaign, donation, await this.snapshots.get(campaign), findings, this.recipients, options);
  }
}
