/**
 * The consent a donor gives names the operator: the data go to this organisation, not to
 * "crowdaudit". So the hash stored with each donation covers the dictionary's consent
 * (version, texts, purposes) and the operator's identity; a move or a new operator changes the
 * hash, and each donation keeps the one its donor agreed to.
 */
import { createHash } from 'node:crypto';
import type { CampaignLookup } from '../campaigns/types';
import type { Campaign } from '../campaigns/types';
import { canonicalJson } from '../canonical-json';
import { operatorIdentity, type OperatorProfile } from './operator-profile';

/** The object whose canonical JSON is hashed: the dictionary's `consent` plus `operator`. */
export function consentWithOperator(campaign: Campaign, operator: OperatorProfile) {
  return { ...campaign.consent, operator: operatorIdentity(operator) };
}

export function campaignWithOperator(campaign: Campaign, operator: OperatorProfile): Campaign {
  const consentSha256 = createHash('sha256').update(canonicalJson(consentWithOperator(campaign, operator))).digest('hex');
  return { ...campaign, consentSha256 };
}

/** The loaded campaigns, each with its consent hash bound to this instance's operator. */
export function campaignsWithOperator(campaigns: CampaignLookup, operator: OperatorProfile): CampaignLookup {
  const bound = new Map(campaigns.list().map((campaign) => [campaign.slug, campaignWithOperator(campaign, operator)]));
  return {
    get: (slug) => bound.get(slug),
    list: () => [...bound.values()],
  };
}
