/**
 * A release's stored document (release-document.ts), computed in a worker thread
 * (`analysis-worker.ts`) on its own connection: the request path never waits for the analyses.
 * Releases are rare (at most one per campaign and interval, one at a time per campaign: see
 * `FindingsReleases`), and share the process's pool of job threads with collective packs. An in-memory
 * database has no file a worker could open: it is analysed in this thread. The worker is given
 * where the database is (a SQLite file, a PostgreSQL URL) and reads the records itself: sending
 * them from this thread would read and copy them here, on the event loop the worker exists to keep free.
 */
import type { Campaign } from '../../campaigns/types';
import type { StoreLocation } from '../../storage/store';
import type { WorkerPool } from '../../workers/worker-pool';
import { analyseCampaign, type AnalysedStore } from '../campaign-analyses';
import type { CampaignAnalyses } from '../campaign-analyses-types';
import type { AnalysisTask } from './analysis-worker';
import { releaseDocument, type ReleaseStamp } from './release-document';
import { campaignForWorker } from '../../workers/campaign-across-threads';

export type Analyse = (store: AnalysedStore, campaign: Campaign) => Promise<CampaignAnalyses>;
/** The document of the release `stamp` names, from the campaign's current records. */
export type PrepareRelease = (store: AnalysedStore, campaign: Campaign, stamp: ReleaseStamp) => Promise<Uint8Array>;

/** In this thread, with `analyse` (tests give their own). */
export function prepareInThisThread(analyse: Analyse = (store, campaign) => analyseCampaign(store, campaign)): PrepareRelease {
  return async (store, campaign, stamp) => releaseDocument(await analyse(store, campaign), stamp);
}

/** In one of `jobs`' threads, reading the database at `location`. */
export function prepareInWorker(location: StoreLocation, jobs: WorkerPool): PrepareRelease {
  return (_store, campaign, stamp) => {
    const task: AnalysisTask = { location, ...campaignForWorker(campaign), stamp };
    return jobs.run<Uint8Array>('evidence/releases/analysis-worker', task, `Analysing ${campaign.slug}`);
  };
}

/** In a worker for a database file or server, in this thread for an in-memory database (undefined location). */
export function prepareReleaseFor(location: StoreLocation | undefined, jobs: WorkerPool): PrepareRelease {
  return location === undefined ? prepareInThisThread() : prepareInWorker(location, jobs);
}
