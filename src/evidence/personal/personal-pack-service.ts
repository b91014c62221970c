/**
 * Builds personal packs from the latest findings release and the aggregates kept with it, and the
 * donor's donation as stored now: no rows of other donors are read or held for a pack. The pack is
 * built in a render thread (build-personal-pack.ts), and rendered as PDF in one (render-pdf.ts).
 */
import type { DonationView } from '../../donations/donation-service';
import type { CampaignLookup } from '../../campaigns/types';
import type { Recipients } from '../letters';
import type { CountryAdvice } from '../advice/country-advice';
import type { PersonalPack, PersonalPackOptions } from './personal-pack';
import type { BuildPack } from './build-personal-pack';
import type { RenderPdf } from './render-pdf';

export class PersonalPackService {
  constructor(
    private readonly campaigns: CampaignLookup,
    readonly recipients: Recipients,
    /** Help and deadlines per country (data-dictionary/advice). */
    readonly advice: Map<string, CountryAdvice>,
    private readonly buildPack: BuildPack,
    /** A built pack as PDF, in a worker thread (render-pdf.ts). */
    readonly renderPdf: RenderPdf,
  ) {}

  async build(donation: DonationView, options: PersonalPackOptions): Promise<PersonalPack> {
    const campaign = this.campaigns.get(donation.campaign);
    if (!campaign) throw new Error(`The donation's campaign "${donation.campaign}" is no longer loaded.`);
    // One computed result per request, rendered to JSON, HTML or PDF; every statistic from one release.
    return this.buildPack(campaign, donation, options);
  }
}
