/**
 * Where personal packs are built: in the process's pool of render threads
 * (personal-pack-worker.ts) when the database is a file or a server, so that the server's thread
 * never parses a release (release-in-worker.ts), and in this thread for an in-memory database,
 * which no worker can open. Only the donor's donation (read by this thread, as stored now) and the
 * release's number cross to the thread; the pack (about 100 KB) comes back.
 */
import type { Campaign } from '../../campaigns/types';
import type { DonationView } from '../../donations/donation-service';
import type { StoreLocation } from '../../storage/store';
import { campaignForWorker } from '../../workers/campaign-across-threads';
import type { WorkerPool } from '../../workers/worker-pool';
import type { CountryAdvice } from '../advice/country-advice';
import type { Recipients } from '../letters';
import type { FindingsReleases } from '../releases/findings-releases';
import { buildPersonalPack, type PersonalPack, type PersonalPackOptions } from './personal-pack';
import type { PersonalPackTask } from './personal-pack-worker';

export type BuildPack = (campaign: Campaign, donation: DonationView, options: PersonalPackOptions) => Promise<PersonalPack>;

export function buildPersonalPackFor(
  location: StoreLocation | undefined,
  renders: WorkerPool,
  findings: Pick<FindingsReleases, 'currentForPacks' | 'currentNumber'>,
  recipients: Recipients,
  advice: Map<string, CountryAdvice>,
): BuildPack {
  if (location === undefined) {
    return async (campaign, donation, options) => buildPersonalPack(campaign, donation, await findings.currentForPacks(campaign), recipients, advice, options);
  }
  return async (campaign, donation, options) => {
    // The release the public sees now (a due one is cut first, as for the findings).
    const releaseNumber = await findings.currentNumber(campaign);
    const task: PersonalPackTask = { location, ...campaignForWorker(campaign), releaseNumber, donation, options };
    return renders.run<PersonalPack>('evidence/personal/personal-pack-worker', task, 'Building the evidence pack');
  };
}
