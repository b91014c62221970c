/**
 * A worker thread's task: one campaign's analyses for a findings release, answered with the
 * release's stored document (release-document.ts). It opens its own reading connection to the
 * database (a read-only SQLite file, or PostgreSQL), so the server's event loop keeps answering
 * donations and `/healthz` while the records are read and the models fitted (a minute at 100,000
 * donations). It gets the campaign as its dictionary defines it (functions do not cross threads)
 * with its population margins.
 */
import { buildCampaign } from '../../campaigns/load-campaigns';
import type { PopulationMarginsFile } from '../../campaigns/population-margins-file';
import type { CampaignDefinition } from '../../campaigns/types';
import { openReadingStore } from '../../storage/open-reading-store';
import type { StoreLocation } from '../../storage/store';
import { analyseCampaign } from '../campaign-analyses';
import { releaseDocument, type ReleaseStamp } from './release-document';
import { workerTask } from '../../workers/worker-task';

export interface AnalysisTask {
  location: StoreLocation;
  definition: CampaignDefinition;
  stamp: ReleaseStamp;
  /** The campaign's population margins, as loaded at start (plain data: they cross threads). */
  populationMargins?: PopulationMarginsFile;
}

async function releaseDocumentOf({ location, definition, stamp, populationMargins }: AnalysisTask): Promise<string> {
  const store = await openReadingStore(location);
  try {
    const campaign = buildCampaign(definition, `${definition.slug} (analysis worker)`);
    return releaseDocument(await analyseCampaign(store.repositories, populationMargins ? { ...campaign, populationMargins } : campaign), stamp);
  } finally {
    await store.close();
  }
}

export default workerTask(releaseDocumentOf);
