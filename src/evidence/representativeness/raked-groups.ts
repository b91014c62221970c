/**
 * A comparison with its raked figures beside the unweighted ones: each shown group gets the
 * estimate of its stratum's raking (see stratum-raking.ts); a suppressed group gets none, so no
 * raked number of a group under k exists anywhere.
 */
import type { Comparison, ComparisonRaking } from '../campaign-analyses-types';
import type { StratumRaking } from './stratum-raking';

export function withRakedGroups(comparison: Comparison, raking: StratumRaking): Comparison {
  if (!raking.raked) return { ...comparison, raking: { raked: false, reason: raking.reason } };
  const summary: ComparisonRaking = { raked: true, iterations: raking.iterations, weightRatio: raking.weightRatio };
  // All shown groups at once: one pass of the raking's projection serves them all.
  const shown = comparison.groups.filter((group) => !group.suppressed).map((group) => group.level);
  const estimates = new Map(shown.map((level, index) => [level, index]));
  const raked = raking.groupEstimates(comparison.attribute, shown);
  return {
    ...comparison,
    raking: summary,
    groups: comparison.groups.map((group) => (group.suppressed ? group : { ...group, raked: raked[estimates.get(group.level)!] })),
  };
}
