/**
 * A worker thread that computes one campaign's analyses for a findings release. It opens its own
 * reading connection to the database (a read-only SQLite file, or PostgreSQL), so the server's event loop keeps answering
 * donations and `/healthz` while the records are read and the models fitted (seconds at 100,000
 * donations). It gets the campaign as its dictionary defines it (functions do not cross threads)
 * with its population margins, and posts back the analyses, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildCampaign } from '../../campaigns/load-campaigns';
import type { PopulationMarginsFile } from '../../campaigns/population-margins-file';
import type { CampaignDefinition } from '../../campaigns/types';
import { openReadingStore } from '../../storage/open-reading-store';
import type { StoreLocation } from '../../storage/store';
import { analyseCampaign } from '../campaign-analyses';
import type { CampaignAnalyses } from '../campaign-analyses-types';

export interface AnalysisWorkerData {
  location: StoreLocation;
  definition: CampaignDefinition;
  /** The campaign's population margins, as loaded at start (plain data: they cross threads). */
  populationMargins?: PopulationMarginsFile;
}

export type AnalysisWorkerMessage = { ok: true; analyses: CampaignAnalyses } | { ok: false; message: string };

async function run({ location, definition, populationMargins }: AnalysisWorkerData): Promise<AnalysisWorkerMessage> {
  let store: Awaited<ReturnType<typeof openReadingStore>> | undefined;
  try {
    store = await openReadingStore(location);
    const campaign = buildCampaign(definition, `${definition.slug} (analysis worker)`);
    return { ok: true, analyses: await analyseCampaign(store.repositories, populationMargins ? { ...campaign, populationMargins } : campaign) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    await store?.close();
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as AnalysisWorkerData).then((message) => port.postMessage(message));
}
