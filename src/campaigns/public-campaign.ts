/**
 * What the API says about a campaign: its Table Schema (with crowdaudit's extensions) and its
 * consent, exactly as a client needs them to build a valid donation.
 */
import type { Campaign } from './types';

export function campaignSummary(campaign: Campaign) {
  return {
    slug: campaign.slug,
    version: campaign.version,
    status: campaign.status,
    title: campaign.title,
    description: campaign.description,
    decisionMaker: campaign.decisionMaker,
    entry: campaign.entry,
  };
}

export function publicCampaign(campaign: Campaign) {
  return {
    ...campaignSummary(campaign),
    maxRecords: campaign.maxRecords,
    retentionDays: campaign.retentionDays,
    minGroupSize: campaign.minGroupSize,
    schema: campaign.schema,
    consent: {
      version: campaign.consent.version,
      sha256: campaign.consentSha256,
      texts: campaign.consent.text,
      purposes: campaign.consent.purposes,
    },
  };
}
