/**
 * A worker thread's task: one campaign's analyses for a findings release, answered with the
 * release's stored document (release-document.ts). It opens its own reading connection to the
 * database (a read-only SQLite file, or PostgreSQL), so the server's event loop keeps answering
 * donations and `/healthz` while the records are read and the models fitted (a minute at 100,000
 * donations). It gets the campaign as its dictionary defines it (functions do not cross threads)
 * with its population margins.
 */
import { openReadingStore } from '../../storage/open-reading-store';
import type { StoreLocation } from '../../storage/store';
import { analyseCampaign } from '../campaign-analyses';
import { releaseDocument, type ReleaseStamp } from './release-document';
import { workerTask } from '../../workers/worker-task';
import { campaignInWorker, type SentCampaign } from '../../workers/campaign-across-threads';

export interface AnalysisTask extends SentCampaign {
  location: StoreLocation;
  stamp: ReleaseStamp;
}

async function releaseDocumentOf(task: AnalysisTask): Promise<Uint8Array> {
  const { location, stamp } = task;
  const store = await openReadingStore(location);
  try {
    return releaseDocument(await analyseCampaign(store.repositories, campaignInWorker(task, 'analysis worker')), stamp);
  } finally {
    await store.close();
  }
}

export default workerTask(releaseDocumentOf);
