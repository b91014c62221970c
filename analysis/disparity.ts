/**
 * Disparity of a 0/1 outcome between groups, streamed: only counts per group (and per stratum
 * and group) are kept, so memory grows with the number of groups and strata, never with rows.
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import { chiSquareIndependence } from './chi-square-independence';
import { cochranMantelHaenszel, type CochranMantelHaenszelResult } from './cochran-mantel-haenszel';
import { fisherExact } from './fisher-exact';
import { requireColumns, sortedGroupsAndReference } from './group-key';
import { groupLabel, intersectGroups } from './intersect-groups';
import { adjustPValues, type AdjustMethod } from './p-adjust';
import { rateRatio } from './rate-ratio';
import { expectedCellWarnings, smallGroupWarnings } from './small-group-warnings';
import type { RowSource } from './types';
import { wilsonInterval } from './wilson-interval';

export interface DisparityOptions {
  outcome: string;
  /** One column, or several crossed into intersectional groups. */
  groups: string[];
  reference?: string;
  strata?: string;
  adjust?: AdjustMethod;
  /** k: groups with fewer rows are flagged. */
  minGroupSize?: number;
  /**
   * Which outcome value is the harmful one (a refusal, a deactivation): 1, or 0 (the default) when
   * outcome 1 is the favourable one (an approval). The four-fifths rule compares favourable rates.
   */
  harmful?: 0 | 1;
  onProgress?: (rowsRead: number) => void;
}

export interface DisparityGroup {
  group: string;
  n: number;
  positives: number;
  rate: number;
  ciLow: number;
  ciHigh: number;
  ratio: number | null;
  difference: number;
  ratioCiLow?: number | null;
  ratioCiHigh?: number | null;
  /** Why `ratio` or its interval is null (no positives in the group or the reference). */
  ratioNote?: string;
  fisherP?: number;
  fisherPAdjusted?: number;
}

/** One group against the reference within strata (Cochran–Mantel–Haenszel), adjusted across groups. */
export type StratifiedGroup = { group: string } & CochranMantelHaenszelResult & { pValueAdjusted: number };

export interface DisparityResult {
  outcome: string;
  group: string;
  reference: string;
  n: number;
  dropped: number;
  adjust: AdjustMethod;
  groups: DisparityGroup[];
  chiSquare: { statistic: number; df: number; pValue: number } | null;
  stratified?: { strata: string; groups: StratifiedGroup[] };
  heuristics: { fourFifthsRule: FourFifthsRule };
  warnings: string[];
}

/**
 * The four-fifths rule: a group's rate of the *favourable* outcome under 80% of the reference's.
 * `favourableRatios` are those ratios (1 − rate over 1 − the reference's rate when outcome 1 is
 * harmful), so a group refused more often is flagged, not the group refused less often.
 */
export interface FourFifthsRule {
  note: string;
  threshold: 0.8;
  harmfulOutcome: 0 | 1;
  favourableRatios: Record<string, number | null>;
  lowestRatio: number | null;
  belowFourFifths: string[];
}

interface Counts {
  n: number;
  positives: number;
}

/**
 * Disparity of a 0/1 outcome between groups, as shared/fixtures/reference.R computes it with R:
 * - per group: n, positives, rate = positives/n with Wilson's 95% interval (`prop.test`, Wilson 1927);
 * - against the reference group: difference of rates, rate ratio with Katz's log interval
 *   (Katz et al. 1978), Fisher's exact test (`fisher.test`), adjusted across the groups by Holm
 *   (Holm 1979, default) or Benjamini–Hochberg (1995) (`p.adjust`);
 * - over all groups: Pearson's chi-square without continuity correction (`chisq.test`);
 * - with `strata`: each group against the reference by Cochran–Mantel–Haenszel within the strata
 *   of a legitimate factor (`mantelhaen.test`; Mantel & Haenszel 1959), adjusted the same way;
 * - the four-fifths rule only as a labelled heuristic, and warnings for groups under k and
 *   expected cells under 5.
 * Rows missing the outcome, a group column or the strata column are dropped and counted.
 *
 * @throws AnalysisError for an unknown column, a non-0/1 outcome (naming the row), a group column
 *   with one level, an unknown reference level, an empty selection.
 * @example
 *   const result = await disparity(csvRowSource('german_credit.csv'), { outcome: 'decision', groups: ['sex'], reference: 'male' });
 *   result.groups[0] // { group: 'female', n: 310, positives: 201, rate: 0.6484, …, fisherP: 0.02062, fisherPAdjusted: 0.02062 }
 */
export async function disparity(source: RowSource, options: DisparityOptions): Promise<DisparityResult> {
  const adjust = options.adjust ?? 'holm';
  const harmful = options.harmful ?? 0;
  if (harmful !== 0 && harmful !== 1) throw new AnalysisError(`The harmful outcome must be 0 or 1 (got ${String(harmful)}).`);
  if (adjust !== 'holm' && adjust !== 'bh') throw new AnalysisError(`Unknown adjustment "${String(adjust)}": use holm or bh.`);
  const minGroupSize = options.minGroupSize ?? 5;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new AnalysisError(`The minimum group size k must be a whole number of at least 1 (got ${minGroupSize}).`);
  requireColumns(await source.columns(), [options.outcome, ...options.groups, ...(options.strata ? [options.strata] : [])]);
  const counts = new Map<string, Counts>();
  const strataCounts = new Map<string, Map<string, Counts>>();
  let dropped = 0;
  let read = 0;
  for await (const row of source.rows()) {
    read += 1;
    if (read % 100_000 === 0) options.onProgress?.(read);
    const key = intersectGroups(row, options.groups);
    const cell = row[options.outcome];
    if (key === undefined || isMissing(cell) || (options.strata && isMissing(row[options.strata]))) {
      dropped += 1;
      continue;
    }
    const value = numberOf(cell!);
    if (value !== 0 && value !== 1) throw new AnalysisError(`The outcome "${options.outcome}" must be 0 or 1 in every row (found "${levelOf(cell!)}" in data row ${read}).`);
    const groupCounts = counts.get(key) ?? { n: 0, positives: 0 };
    groupCounts.n += 1;
    groupCounts.positives += value;
    counts.set(key, groupCounts);
    if (options.strata) {
      const stratum = levelOf(row[options.strata]!).trim();
      const byGroup = strataCounts.get(stratum) ?? new Map<string, Counts>();
      const cellCounts = byGroup.get(key) ?? { n: 0, positives: 0 };
      cellCounts.n += 1;
      cellCounts.positives += value;
      byGroup.set(key, cellCounts);
      strataCounts.set(stratum, byGroup);
    }
  }
  options.onProgress?.(read);
  const { names, reference } = sortedGroupsAndReference(counts.keys(), read, options);
  const referenceCounts = counts.get(reference)!;
  const referenceRate = referenceCounts.positives / referenceCounts.n;
  const groups: DisparityGroup[] = names.map((name) => {
    const { n, positives } = counts.get(name)!;
    const rate = positives / n;
    const interval = wilsonInterval(positives, n);
    const base = { group: name, n, positives, rate, ciLow: interval.low, ciHigh: interval.high, ratio: referenceRate > 0 ? rate / referenceRate : null, difference: rate - referenceRate };
    if (name === reference) return base;
    const ratio = rateRatio(positives, n, referenceCounts.positives, referenceCounts.n);
    return {
      ...base,
      ratioCiLow: ratio.low,
      ratioCiHigh: ratio.high,
      ...(ratio.note ? { ratioNote: ratio.note } : {}),
      fisherP: fisherExact(positives, n - positives, referenceCounts.positives, referenceCounts.n - referenceCounts.positives),
    };
  });
  const adjusted = adjustPValues(groups.map((group) => group.fisherP ?? null), adjust);
  groups.forEach((group, index) => {
    if (adjusted[index] !== null) group.fisherPAdjusted = adjusted[index]!;
  });

  const chi = chiSquareIndependence(names.map((name) => [counts.get(name)!.n - counts.get(name)!.positives, counts.get(name)!.positives]));
  const favourable = (group: DisparityGroup) => (harmful === 1 ? 1 - group.rate : group.rate);
  const referenceFavourable = harmful === 1 ? 1 - referenceRate : referenceRate;
  const favourableRatios: Record<string, number | null> = {};
  for (const group of groups) {
    if (group.group !== reference) favourableRatios[group.group] = referenceFavourable > 0 ? favourable(group) / referenceFavourable : null;
  }
  const ratios = Object.entries(favourableRatios).filter((entry): entry is [string, number] => entry[1] !== null);
  const result: DisparityResult = {
    outcome: options.outcome,
    group: groupLabel(options.groups),
    reference,
    n: names.reduce((sum, name) => sum + counts.get(name)!.n, 0),
    dropped,
    adjust,
    groups,
    chiSquare: chi ? { statistic: chi.statistic, df: chi.df, pValue: chi.pValue } : null,
    heuristics: {
      fourFifthsRule: {
        note: `Heuristic, not a statistical test: flags groups whose rate of the favourable outcome (${options.outcome} = ${1 - harmful}) is under 80% of the reference group's.`,
        threshold: 0.8,
        harmfulOutcome: harmful,
        favourableRatios,
        lowestRatio: ratios.length > 0 ? Math.min(...ratios.map(([, ratio]) => ratio)) : null,
        belowFourFifths: ratios.filter(([, ratio]) => ratio < 0.8).map(([name]) => name),
      },
    },
    warnings: [
      ...smallGroupWarnings(groups, minGroupSize),
      ...expectedCellWarnings(chi?.smallestExpected),
      ...(chi ? [] : [`The outcome "${options.outcome}" takes only one value in the rows used, so no chi-square test is possible.`]),
      ...(referenceCounts.positives === 0 ? [`The reference group "${reference}" has no positives: rate ratios are undefined (null).`] : []),
    ],
  };
  if (options.strata) {
    result.stratified = stratifiedTests(options.strata, strataCounts, names, reference, adjust);
    const untested = names.filter((name) => name !== reference && !result.stratified!.groups.some((group) => group.group === name));
    if (untested.length > 0) result.warnings.push(`No stratum of "${options.strata}" has variation for ${untested.map((name) => `"${name}"`).join(', ')} against "${reference}": no stratified test for ${untested.length > 1 ? 'them' : 'it'}.`);
  }
  return result;
}

function stratifiedTests(strata: string, strataCounts: Map<string, Map<string, Counts>>, names: string[], reference: string, adjust: AdjustMethod): NonNullable<DisparityResult['stratified']> {
  const groups = names
    .filter((name) => name !== reference)
    .map((name) => {
      const tables = [...strataCounts.values()].map((byGroup) => {
        const group = byGroup.get(name) ?? { n: 0, positives: 0 };
        const ref = byGroup.get(reference) ?? { n: 0, positives: 0 };
        return { groupPositives: group.positives, groupNegatives: group.n - group.positives, referencePositives: ref.positives, referenceNegatives: ref.n - ref.positives };
      });
      const test = cochranMantelHaenszel(tables);
      return test ? { group: name, ...test } : undefined;
    })
    .filter((entry): entry is { group: string } & CochranMantelHaenszelResult => entry !== undefined);
  const adjusted = adjustPValues(groups.map((group) => group.pValue), adjust);
  return { strata, groups: groups.map((group, index) => ({ ...group, pValueAdjusted: adjusted[index]! })) };
}
