/**
 * A worker thread's task: the findings API's answer for one release (findings-body.ts). At
 * 100,000 donations it is 5.9 MB of JSON: the release is read and parsed, and the text made and
 * hashed, here rather than on the server's thread, which only copies the bytes (a memcpy).
 */
import type { PlannerGaps } from '../../evidence/campaign-planner';
import { storedReleaseInWorker } from '../../evidence/releases/release-in-worker';
import type { StoreLocation } from '../../storage/store';
import { workerTask } from '../../workers/worker-task';
import { findingsBodyOf, type FindingsBody } from './findings-body';

export interface FindingsBodyTask {
  location: StoreLocation;
  slug: string;
  releaseNumber: number;
  gaps?: PlannerGaps;
}

async function bodyOf(task: FindingsBodyTask): Promise<FindingsBody> {
  const { findings } = await storedReleaseInWorker(task.location, task.slug, task.releaseNumber);
  return findingsBodyOf(findings, task.gaps);
}

export default workerTask(bodyOf);
