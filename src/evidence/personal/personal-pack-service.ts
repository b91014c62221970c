/**
 * Builds personal packs from the latest findings release and the aggregates kept with it, and the
 * donor's donation as stored now: no rows of other donors are read or held for a pack.
 */
import type { DonationView } from '../../donations/donation-service';
import type { CampaignLookup } from '../../campaigns/types';
import type { FindingsReleases } from '../releases/findings-releases';
import type { Recipients } from '../letters';
import type { CountryAdvice } from '../advice/country-advice';
import { buildPersonalPack, type PersonalPack, type PersonalPackOptions } from './personal-pack';
import type { RenderPdf } from './render-pdf';

export class PersonalPackService {
  constructor(
    private readonly campaigns: CampaignLookup,
    private readonly findings: Pick<FindingsReleases, 'currentForPacks'>,
    readonly recipients: Recipients,
    /** Help and deadlines per country (data-dictionary/advice). */
    readonly advice: Map<string, CountryAdvice>,
    /** A built pack as PDF, in a worker thread (render-pdf.ts). */
    readonly renderPdf: RenderPdf,
  ) {}

  async build(donation: DonationView, options: PersonalPackOptions): Promise<PersonalPack> {
    const campaign = this.campaigns.get(donation.campaign);
    if (!campaign) throw new Error(`The donation's campaign "${donation.campaign}" is no longer loaded.`);
    // One computed result per request, rendered to JSON, HTML or PDF; every statistic from one release.
    return buildPersonalPack(campaign, donation, await this.findings.currentForPacks(campaign), this.recipients, this.advice, options);
  }
}
