/**
 * The findings API's answer for one release: its public findings with the planner for the gaps
 * asked (the stored planner for the default ones), as UTF-8 JSON, with a strong ETag (SHA-256 of
 * the bytes) for the default answer. Made in the process's pool of render threads
 * (findings-body-worker.ts) when the database is a file or a server — the release is never parsed
 * on the server's thread (release-in-worker.ts) — and in this thread for an in-memory database,
 * which no worker can open.
 */
import { createHash } from 'node:crypto';
import { bytesAsBuffer } from '../../bytes-as-buffer';
import type { Campaign } from '../../campaigns/types';
import type { PublishedFindings } from '../../evidence/campaign-analyses-types';
import { DEFAULT_GAPS, planComparison, type PlannerGaps } from '../../evidence/campaign-planner';
import { readStoredRelease } from '../../evidence/releases/release-document';
import type { Repositories, StoreLocation } from '../../storage/store';
import type { WorkerPool } from '../../workers/worker-pool';
import type { FindingsBodyTask } from './findings-body-worker';

export interface FindingsBody {
  body: Uint8Array;
  /** For the default gaps only: other gaps are asked for rarely and not cached. */
  etag?: string;
}

/** The answer for release `releaseNumber` of the campaign; `gaps` undefined: the default planner. */
export type MakeFindingsBody = (campaign: Campaign, releaseNumber: number, gaps?: PlannerGaps) => Promise<FindingsBody>;

export function findingsBodyOf(findings: PublishedFindings, gaps?: PlannerGaps): FindingsBody {
  if (gaps === undefined) {
    const body = Buffer.from(JSON.stringify({ ...findings, plannerGaps: DEFAULT_GAPS }));
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
  }
  return { body: Buffer.from(JSON.stringify({ ...findings, planner: findings.comparisons.flatMap((comparison) => planComparison(comparison, gaps)), plannerGaps: gaps })) };
}

/** @param releases where this thread reads a release for an in-memory database */
export function findingsBodyFor(location: StoreLocation | undefined, renders: WorkerPool, releases: Pick<Repositories, 'releases'>): MakeFindingsBody {
  if (location === undefined) return async (campaign, releaseNumber, gaps) => findingsBodyOf((await readStoredRelease(releases, campaign.slug, releaseNumber)).findings, gaps);
  return async (campaign, releaseNumber, gaps) => {
    const task: FindingsBodyTask = { location, slug: campaign.slug, releaseNumber, gaps };
    const made = await renders.run<FindingsBody>('http/api/findings-body-worker', task, `Writing the findings of ${campaign.slug}`);
    return { ...made, body: bytesAsBuffer(made.body) };
  };
}
