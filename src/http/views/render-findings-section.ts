/**
 * Where the findings page's section is drawn: in the process's pool of render threads
 * (findings-section-worker.ts) when the database is a file or a server, and in this thread for an
 * in-memory database, which no worker can open. The page asks once per release and language
 * (campaign-pages.ts).
 */
import type { Campaign, Locale } from '../../campaigns/types';
import { readStoredRelease } from '../../evidence/releases/release-document';
import { formatFingerprint } from '../../evidence/signing-key';
import type { Repositories, StoreLocation } from '../../storage/store';
import type { WorkerPool } from '../../workers/worker-pool';
import type { FindingsSectionTask } from './findings-section-worker';
import { findingsSection } from './findings-views';
import { SafeHtml } from './html';
import { campaignForWorker } from '../../workers/campaign-across-threads';

/** The section of release `releaseNumber` of the campaign, in `locale` (undefined: nothing to show yet). */
export type RenderFindingsSection = (campaign: Campaign, releaseNumber: number, locale: Locale) => Promise<SafeHtml | undefined>;

/** @param releases where this thread reads a release for an in-memory database */
export function renderFindingsSectionFor(location: StoreLocation | undefined, renders: WorkerPool, signingKeyFingerprint: string, releases: Pick<Repositories, 'releases'>): RenderFindingsSection {
  const fingerprint = formatFingerprint(signingKeyFingerprint);
  if (location === undefined) {
    return async (campaign, releaseNumber, locale) => findingsSection(campaign, (await readStoredRelease(releases, campaign.slug, releaseNumber)).findings, fingerprint, locale);
  }
  return async (campaign, releaseNumber, locale) => {
    const task: FindingsSectionTask = {
      location,
      ...campaignForWorker(campaign),
      releaseNumber,
      fingerprint,
      locale,
    };
    const section = await renders.run<string | undefined>('http/views/findings-section-worker', task, `Drawing the findings of ${campaign.slug}`);
    return section === undefined ? undefined : new SafeHtml(section);
  };
}
