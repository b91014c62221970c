/**
 * A worker thread's task: one donor's personal pack (personal-pack.ts) from the release the public
 * sees now, read in this thread (release-in-worker.ts), and the donation the server's thread read.
 * The letters' recipients and the advice per country are the files the server loads, read once
 * per thread.
 */
import type { DonationView } from '../../donations/donation-service';
import type { StoreLocation } from '../../storage/store';
import { campaignInWorker, type SentCampaign } from '../../workers/campaign-across-threads';
import { workerTask } from '../../workers/worker-task';
import { loadAdvice } from '../advice/country-advice';
import { loadRecipients } from '../letters';
import { storedReleaseInWorker } from '../releases/release-in-worker';
import { buildPersonalPack, type PersonalPack, type PersonalPackOptions } from './personal-pack';

export interface PersonalPackTask extends SentCampaign {
  location: StoreLocation;
  /** Undefined before the campaign's first release. */
  releaseNumber: number | undefined;
  donation: DonationView;
  options: PersonalPackOptions;
}

let files: { recipients: ReturnType<typeof loadRecipients>; advice: ReturnType<typeof loadAdvice> } | undefined;

async function packOf(task: PersonalPackTask): Promise<PersonalPack> {
  const campaign = campaignInWorker(task, 'personal pack worker');
  const release = task.releaseNumber === undefined ? undefined : await storedReleaseInWorker(task.location, campaign.slug, task.releaseNumber);
  files ??= { recipients: loadRecipients(), advice: loadAdvice() };
  return buildPersonalPack(campaign, task.donation, release, files.recipients, files.advice, task.options);
}

export default workerTask(packOf);
