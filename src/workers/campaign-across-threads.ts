/**
 * A campaign sent to a worker thread: functions do not cross threads, so it goes as its
 * dictionary defines it, with the population margins loaded at start, and is built again there.
 */
import { buildCampaign, campaignDefinition } from '../campaigns/load-campaigns';
import type { PopulationMarginsFile } from '../campaigns/population-margins-file';
import type { Campaign, CampaignDefinition } from '../campaigns/types';

export interface SentCampaign {
  definition: CampaignDefinition;
  populationMargins?: PopulationMarginsFile;
}

/** What a task carries of `campaign` (spread into the task). */
export function campaignForWorker(campaign: Campaign): SentCampaign {
  return { definition: campaignDefinition(campaign), ...(campaign.populationMargins ? { populationMargins: campaign.populationMargins } : {}) };
}

/** The campaign again, in the worker; `worker` names it in errors about its dictionary. */
export function campaignInWorker({ definition, populationMargins }: SentCampaign, worker: string): Campaign {
  const campaign = buildCampaign(definition, `${definition.slug} (${worker})`);
  return populationMargins ? { ...campaign, populationMargins } : campaign;
}
