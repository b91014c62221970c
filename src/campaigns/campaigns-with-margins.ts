/**
 * Binds to each loaded campaign the population margins shipped beside its dictionary
 * (`<dictionary directory>/margins/<slug>.json`), so the findings can weight donors to them
 * without naming a campaign. They are read and checked at start: a broken margins file stops the
 * server with the file and the field or row named, as a broken dictionary does.
 */
import { DEFAULT_DICTIONARY_DIRECTORY } from './load-campaigns';
import { campaignPopulationMargins } from './population-margins-file';
import type { CampaignLookup } from './types';

export function campaignsWithMargins(campaigns: CampaignLookup, directory: string = DEFAULT_DICTIONARY_DIRECTORY): CampaignLookup {
  const bound = new Map(campaigns.list().map((campaign) => {
    const populationMargins = campaignPopulationMargins(campaign, directory);
    return [campaign.slug, populationMargins ? { ...campaign, populationMargins } : campaign];
  }));
  return {
    get: (slug) => bound.get(slug),
    list: () => [...bound.values()],
  };
}
