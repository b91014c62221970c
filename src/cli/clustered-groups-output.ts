/**
 * What `disparity` and `compare` print when errors are clustered: each group's rate or mean with
 * its clustered error and interval, and its difference from the reference with a t test on the
 * clusters' degrees of freedom, adjusted across groups (Holm or Benjamini–Hochberg). The
 * record-level methods (Wilson, Fisher, chi-square, Welch, Mann–Whitney) assume independent
 * records and are not shown; `--cluster none` shows them.
 */
import { clusteredGroupMeans, type ClusteredGroupMean, type ClusteredGroupMeansResult } from '../../analysis/clustered-group-means';
import { adjustPValues, type AdjustMethod } from '../../analysis/p-adjust';
import type { RowSource } from '../../analysis/types';
import { clusterNote, type ClusterChoice } from './cluster-option';
import type { Tabular } from './output-format';

export type ClusteredGroupsOutput = Omit<ClusteredGroupMeansResult, 'groups'> & {
  /** `rate` for disparity (0/1 outcome), `mean` for compare. */
  estimate: 'rate' | 'mean';
  adjust: AdjustMethod;
  groups: Array<ClusteredGroupMean & { pValueAdjusted?: number }>;
};

export async function clusteredGroups(
  source: RowSource,
  options: { outcome: string; groups: string[]; cluster: string; reference?: string; adjust: AdjustMethod; estimate: 'rate' | 'mean'; onProgress?: (rows: number) => void },
): Promise<ClusteredGroupsOutput> {
  const result = await clusteredGroupMeans(source, { ...options, zeroOne: options.estimate === 'rate' });
  const adjusted = adjustPValues(result.groups.map((group) => group.difference?.pValue ?? null), options.adjust);
  return {
    ...result,
    estimate: options.estimate,
    adjust: options.adjust,
    groups: result.groups.map((group, index) => (group.difference ? { ...group, pValueAdjusted: adjusted[index]! } : group)),
  };
}

export function clusteredGroupsTabular(result: ClusteredGroupsOutput, choice: ClusterChoice, db: boolean, minGroupSize: number): Tabular {
  const small = result.groups.filter((group) => group.clusters < minGroupSize).map((group) => group.group);
  return {
    headers: ['group', 'n', 'clusters', result.estimate, 'stdError', 'ciLow', 'ciHigh', 'difference', 'differenceStdError', 'differenceCiLow', 'differenceCiHigh', 'statistic', 'df', 'pValue', 'pValueAdjusted'],
    rows: result.groups.map((group) => [group.group, group.n, group.clusters, group.mean, group.stdError, group.ciLow, group.ciHigh,
      group.difference?.estimate, group.difference?.stdError, group.difference?.ciLow, group.difference?.ciHigh, group.difference?.statistic, group.difference?.df, group.difference?.pValue, group.pValueAdjusted]),
    notes: [
      `Outcome ${result.outcome} by ${result.group}; reference ${result.reference}; n = ${result.n} records (${result.dropped} dropped for a missing outcome, group or ${result.clustered.column}).`,
      clusterNote(choice, result.clustered.clusters, db)!,
      `Each ${result.estimate}'s 95% interval uses t on G − 1 = ${result.df} df (R: confint(svyby(…, svymean), df = degf(design))); each difference from ${result.reference} is svyglm's coefficient with t on G − k df, its interval unadjusted, its p-value also ${result.adjust === 'holm' ? 'Holm' : 'Benjamini–Hochberg'}-adjusted across groups.`,
      ...(small.length > 0 ? [`Warning: fewer than ${minGroupSize} ${result.clustered.column} values (clusters) in ${small.join(', ')}.`] : []),
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
    summary: [['nTotal', result.n], ['dropped', result.dropped], ['reference', result.reference], ['clusteredBy', result.clustered.column], ['clusters', result.clustered.clusters], ['adjust', result.adjust]],
  };
}
