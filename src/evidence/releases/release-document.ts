/**
 * The text a release is stored as: its public findings and, kept apart under `packStatistics`,
 * the aggregates personal packs place a donor against (never published with the findings). It is
 * made where the analyses were computed — in the analysis worker — so that the server's thread
 * only stores a string: at 100,000 donations the analyses are megabytes, and copying them between
 * threads as objects, then turning them into text, blocked the event loop for tens of ms.
 */
import type { CampaignAnalyses, PublishedFindings } from '../campaign-analyses-types';
import type { PackStatistics } from '../personal/pack-statistics';
import { publicFindings } from './public-findings';
import type { ReleaseRule } from './release-rule';

/** What names a release, fixed before its analyses start: its number, when it was cut, and its rule. */
export interface ReleaseStamp {
  number: number;
  /** ISO 8601, to the second. */
  releasedAt: string;
  rule: Pick<ReleaseRule, 'minChanges' | 'interval'>;
}

export function releaseDocument(analyses: CampaignAnalyses, stamp: ReleaseStamp): string {
  const findings = publicFindings(analyses, { number: stamp.number, releasedAt: new Date(stamp.releasedAt), rule: stamp.rule });
  return JSON.stringify({ ...findings, packStatistics: analyses.packStatistics });
}

/** A stored release read back: its public findings, and the pack statistics kept beside them (never published). */
export interface StoredRelease {
  findings: PublishedFindings;
  packStatistics?: PackStatistics;
}

export function parseReleaseDocument(document: string): StoredRelease {
  const { packStatistics, ...findings } = JSON.parse(document) as PublishedFindings & { packStatistics?: PackStatistics };
  return { findings, packStatistics };
}
