/**
 * When a campaign's public findings may change: a new release needs at least `minChanges`
 * donations added or withdrawn since the last one (so no release differs from the one before by
 * a single donor), and at most one release per `interval`. The campaign's dictionary sets both;
 * the configuration may override them for every campaign, never below the campaign's k.
 */
import type { Campaign } from '../../campaigns/types';
import type { Config } from '../../config';
import { isoDurationMs } from './iso-duration';

export interface ReleaseRule {
  minChanges: number;
  /** ISO 8601 duration, as written in the dictionary or configuration. */
  interval: string;
  intervalMs: number;
}

export const DEFAULT_RELEASE_INTERVAL = 'P1D';

/** The campaign's rule; throws naming the setting when it would let a release differ by fewer than k donors. */
export function releaseRuleOf(campaign: Campaign, config: Pick<Config, 'releaseMinChanges' | 'releaseInterval'>): ReleaseRule {
  const minChanges = config.releaseMinChanges ?? campaign.releaseMinChanges ?? 2 * campaign.minGroupSize;
  if (minChanges < campaign.minGroupSize) {
    const source = config.releaseMinChanges === undefined ? `${campaign.slug}: releaseMinChanges` : 'RELEASE_MIN_CHANGES';
    throw new Error(`${source} is ${minChanges}, below the campaign "${campaign.slug}"'s minimum group size k = ${campaign.minGroupSize}: a release could then differ from the one before by fewer than k donors.`);
  }
  const interval = config.releaseInterval ?? campaign.releaseInterval ?? DEFAULT_RELEASE_INTERVAL;
  const intervalMs = isoDurationMs(interval);
  if (intervalMs === undefined) throw new Error(`The release interval "${interval}" of campaign "${campaign.slug}" is not an ISO 8601 duration such as P1D.`);
  return { minChanges, interval, intervalMs };
}
