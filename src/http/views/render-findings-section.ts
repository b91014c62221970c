/**
 * Where the findings page's section is drawn: in the process's pool of render threads
 * (findings-section-worker.ts) when the database is a file or a server, and in this thread for an
 * in-memory database, which no worker can open. The page asks once per release and language
 * (campaign-pages.ts).
 */
import type { Campaign, Locale } from '../../campaigns/types';
import type { PublishedFindings } from '../../evidence/campaign-analyses-types';
import { formatFingerprint } from '../../evidence/signing-key';
import type { StoreLocation } from '../../storage/store';
import type { WorkerPool } from '../../workers/worker-pool';
import type { FindingsSectionTask } from './findings-section-worker';
import { findingsSection } from './findings-views';
import { SafeHtml } from './html';
import { campaignForWorker } from '../../workers/campaign-across-threads';

export type RenderFindingsSection = (campaign: Campaign, released: PublishedFindings, locale: Locale) => Promise<SafeHtml | undefined>;

export function renderFindingsSectionFor(location: StoreLocation | undefined, renders: WorkerPool, signingKeyFingerprint: string): RenderFindingsSection {
  const fingerprint = formatFingerprint(signingKeyFingerprint);
  if (location === undefined) return async (campaign, released, locale) => findingsSection(campaign, released, fingerprint, locale);
  return async (campaign, released, locale) => {
    const task: FindingsSectionTask = {
      location,
      ...campaignForWorker(campaign),
      releaseNumber: released.release.number,
      fingerprint,
      locale,
    };
    const section = await renders.run<string | undefined>('http/views/findings-section-worker', task, `Drawing the findings of ${campaign.slug}`);
    return section === undefined ? undefined : new SafeHtml(section);
  };
}
