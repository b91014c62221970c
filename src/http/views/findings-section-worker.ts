/**
 * A worker thread's task: the findings page's section of one release in one language
 * (findings-views.ts). At 10,000 donations it is 1.4 MB of HTML from 234 comparisons, and drawing
 * it took 70–130 ms (500–650 ms before its effects were indexed), during which the server's event
 * loop would answer nothing. The worker reads the release itself (release-in-worker.ts).
 */
import type { Locale } from '../../campaigns/types';
import { storedReleaseInWorker } from '../../evidence/releases/release-in-worker';
import type { StoreLocation } from '../../storage/store';
import { workerTask } from '../../workers/worker-task';
import { findingsSection } from './findings-views';
import { campaignInWorker, type SentCampaign } from '../../workers/campaign-across-threads';

export interface FindingsSectionTask extends SentCampaign {
  location: StoreLocation;
  releaseNumber: number;
  /** The signing key's fingerprint as the page shows it. */
  fingerprint: string;
  locale: Locale;
}

/** The section's HTML, or undefined when the release has nothing to show yet. */
async function sectionOf(task: FindingsSectionTask): Promise<string | undefined> {
  const campaign = campaignInWorker(task, 'findings page worker');
  const { findings } = await storedReleaseInWorker(task.location, campaign.slug, task.releaseNumber);
  return findingsSection(campaign, findings, task.fingerprint, task.locale)?.value;
}

export default workerTask(sectionOf);
