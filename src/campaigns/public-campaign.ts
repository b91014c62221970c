/**
 * What the API says about a campaign: its Table Schema (with crowdaudit's extensions) and its
 * consent, exactly as a client needs them to build a valid donation.
 */
import { operatorIdentity, type OperatorProfile } from '../operator/operator-profile';
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

/** Who runs the instance and where its privacy notice is: the consent names both. */
export interface ConsentInstance {
  operator: OperatorProfile;
  privacyUrl: string;
}

/**
 * With `instance`, the consent also names the operator (`operator`, as hashed into `sha256`:
 * the canonical JSON of the dictionary's consent `{version, text, purposes}` plus `operator`)
 * and links the privacy notice (`privacyUrl`, not hashed).
 */
export function publicCampaign(campaign: Campaign, instance?: ConsentInstance) {
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
      ...(instance ? { operator: operatorIdentity(instance.operator), operatorConfigured: !instance.operator.demo, privacyUrl: instance.privacyUrl } : {}),
      specialCategoryFields: campaign.schema.fields.filter((field) => field.specialCategory).map((field) => field.name),
    },
  };
}
