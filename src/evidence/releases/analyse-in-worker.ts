/**
 * Analyses for a release, computed in a worker thread (`analysis-worker.ts`) on its own
 * connection: the request path never waits for them. Releases are rare (at most one per campaign
 * and interval, one at a time per campaign: see `FindingsReleases`), so each gets a fresh worker
 * rather than a pool. An in-memory database has no file a worker could open: it is analysed in
 * this thread. The worker is given where the database is (a SQLite file, a PostgreSQL URL) and
 * reads the records itself: sending them from this thread would read and copy them here, on the
 * event loop the worker exists to keep free.
 */
import { Worker } from 'node:worker_threads';
import { campaignDefinition } from '../../campaigns/load-campaigns';
import type { Campaign } from '../../campaigns/types';
import { compiledWorkerScript } from '../../compiled-worker';
import type { StoreLocation } from '../../storage/store';
import { analyseCampaign, type AnalysedStore } from '../campaign-analyses';
import type { CampaignAnalyses } from '../campaign-analyses-types';
import type { AnalysisWorkerData, AnalysisWorkerMessage } from './analysis-worker';

export type Analyse = (store: AnalysedStore, campaign: Campaign) => Promise<CampaignAnalyses>;

/** Analyses of the campaign's records in the database at `location`, computed by a worker thread. */
export function analyseInWorker(location: StoreLocation): Analyse {
  return (_store, campaign) => new Promise<CampaignAnalyses>((resolve, reject) => {
    const workerData: AnalysisWorkerData = { location, definition: campaignDefinition(campaign), ...(campaign.populationMargins ? { populationMargins: campaign.populationMargins } : {}) };
    const worker = new Worker(compiledWorkerScript('evidence/releases/analysis-worker'), { workerData });
    let settled = false;
    worker.once('message', (message: AnalysisWorkerMessage) => {
      settled = true;
      if (message.ok) resolve(message.analyses);
      else reject(new Error(`Analysing ${campaign.slug} failed: ${message.message}`));
    });
    worker.once('error', (error: unknown) => {
      settled = true;
      reject(new Error(`Analysing ${campaign.slug} failed: ${error instanceof Error ? error.message : String(error)}`));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The analysis worker for ${campaign.slug} stopped (exit code ${code}) without a result.`));
    });
  });
}

/** In a worker for a database file or server, in this thread for an in-memory database (undefined location). */
export function analyseFor(location: StoreLocation | undefined): Analyse {
  return location === undefined ? (store, campaign) => analyseCampaign(store, campaign) : analyseInWorker(location);
}
