/**
 * The campaign planner: for each comparison, how many more donors of a group would let it
 * detect a given gap with 80% power — so campaigners know whom to reach. Groups under k get only
 * the total they need, never how many they have or lack.
 */
import { twoSampleSizes } from '../../analysis/power-two-sample';
import type { Comparison, GroupSummary, PlannerEntry } from './campaign-analyses-types';

export interface PlannerGaps {
  /** Percentage points for rates (default 5). */
  ratePoints: number;
  /** Cohen's d for means: the gap as a share of the reference's standard deviation (default 0.2). */
  meanEffectSize: number;
}

export const DEFAULT_GAPS: PlannerGaps = { ratePoints: 5, meanEffectSize: 0.2 };

type ShownGroup = Extract<GroupSummary, { suppressed: false }>;

/** The per-record variance of a group: p(1 − p) for a rate, s² for a mean (s from the interval). */
function varianceOf(group: ShownGroup, kind: 'rate' | 'mean'): number | undefined {
  if (kind === 'rate') return group.estimate * (1 - group.estimate);
  if (group.ciLow === null || group.ciHigh === null) return undefined;
  // The interval is mean ± t·s/√n; t ≈ 1.96 is close enough for planning.
  const sd = ((group.ciHigh - group.ciLow) / 2 / 1.96) * Math.sqrt(group.records);
  return sd * sd;
}

export function planComparison(comparison: Comparison, gaps: PlannerGaps): PlannerEntry[] {
  // Ordered outcomes are not planned: a power calculation for proportional odds needs the whole
  // distribution over the levels, which the published figures (a mean position) do not carry.
  if (comparison.kind === 'ordinal') return [];
  const kind = comparison.kind;
  const reference = comparison.groups.find((group): group is ShownGroup => !group.suppressed && group.level === comparison.reference);
  if (!reference) return [];
  const referenceVariance = varianceOf(reference, kind);
  if (!referenceVariance) return [];
  const gap = comparison.kind === 'rate' ? gaps.ratePoints / 100 : gaps.meanEffectSize * Math.sqrt(referenceVariance);
  const recordsPerDonor = (group: ShownGroup) => group.records / group.donors;
  return comparison.groups
    .filter((group) => group.level !== comparison.reference)
    .flatMap((group): PlannerEntry[] => {
      // A suppressed group is planned with the reference's spread: its own is not shown.
      const groupVariance = group.suppressed ? referenceVariance : varianceOf(group, kind) || referenceVariance;
      const sizes = twoSampleSizes({ groupVariance: Math.max(groupVariance, 1e-6), referenceVariance: Math.max(referenceVariance, 1e-6), referenceSize: reference.records, gap });
      const perDonor = group.suppressed ? recordsPerDonor(reference) : recordsPerDonor(group);
      const donorsNeeded = Math.ceil(sizes.groupSize / perDonor);
      return [{
        outcome: comparison.outcome,
        stratum: comparison.stratum,
        attribute: comparison.attribute,
        level: group.level,
        reference: reference.level,
        kind,
        gap: comparison.kind === 'rate' ? gaps.ratePoints : gap,
        moreDonors: group.suppressed ? null : Math.max(0, donorsNeeded - group.donors),
        donorsNeeded,
        moreReferenceDonors: Math.max(0, Math.ceil((sizes.referenceSize - reference.records) / recordsPerDonor(reference))),
      }];
    });
}
