/**
 * Each group's mean (a rate, for a 0/1 outcome) with a standard error and interval that take
 * donors, not records, as the independent units, and each group's difference from the reference
 * group with its test — the design-based (linearisation) estimates of the survey package for a
 * one-stage sample clustered by donor with equal weights (Lumley, Complex Surveys, 2010, §2.2 and
 * §3.3; Binder 1983). Streamed: memory grows with the number of (donor, group) pairs, not rows.
 *
 * A group g's mean ȳ_g is an ordinary mean. Donor c's contribution to its error is
 * t_cg = Σ_{i in c and g} (yᵢ − ȳ_g)/n_g (0 for a donor without records in g), and
 * Var(ȳ_g) = G/(G − 1) Σ_c t_cg² over all G donors (the t_cg add up to 0, so survey's centering
 * changes nothing) — `svyby(~y, ~group, svydesign(ids = ~donor, data = d), svymean)`, where a
 * group is a domain of the whole design. The 95% interval is ȳ_g ± t_{0.975, G−1} se, i.e.
 * `confint(by, df = degf(design))`: survey's default for `confint` is the normal quantile (df =
 * Inf), but with few donors that is too narrow, and t on G − 1 is what survey's own
 * `svyttest` and `svyciprop` use.
 *
 * The difference of group g from the reference r is ȳ_g − ȳ_r, the coefficient of g in
 * `svyglm(y ~ group, design)` (gaussian: for a 0/1 outcome a difference of rates, the quantity the
 * disparity table shows, with no assumption that the outcome is normal or equally spread: the
 * errors are the design's, not the model's). Its variance is G/(G − 1) Σ_c (t_cg − t_cr)², so a
 * donor with records in both groups is counted once. The test is t = difference/se on G − k df
 * (k groups), with the 95% interval on the same df — `summary(fit)` and `confint(fit)` (survey 4.1
 * takes `ddf = fit$df.residual` for both), so interval and p-value always agree. Quasibinomial
 * would test odds ratios instead; the difference of rates is what a reader of the findings is shown.
 *
 * Rows missing the outcome, a group column or the cluster are dropped (as `na.omit`) and counted.
 *
 * @throws AnalysisError for an unknown outcome, group or cluster column (named), a non-numeric
 *   outcome or with `zeroOne` one that is not 0/1 (naming the row), a single group, an unknown reference level, fewer than 2 clusters,
 *   or no more clusters than groups (no degrees of freedom left for the tests).
 * @example
 *   const result = await clusteredGroupMeans(sqliteRowSource(…), { outcome: 'adverse', groups: ['sex'], cluster: 'donor' });
 *   result.groups[1].mean; // the rate of adverse decisions among women, with stdError, ciLow, ciHigh
 *   result.groups[1].difference?.pValue; // women against men, by donors, not records
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import { tQuantileAt, tTwoSidedP } from './distributions';
import { requireColumns, sortedGroupsAndReference } from './group-key';
import { groupKeyOfCells, groupLabel } from './intersect-groups';
import { forEachRowOf } from './read-columns';
import type { RowSource } from './types';

export interface ClusteredGroupMeansOptions {
  outcome: string;
  /** One column, or several crossed into intersectional groups. */
  groups: string[];
  /** The column naming each row's cluster (for campaigns: the donor). */
  cluster: string;
  reference?: string;
  /** True for a rate: every outcome must then be 0 or 1 (the error names the first row that is not). */
  zeroOne?: boolean;
  onProgress?: (rowsRead: number) => void;
}

/** A group's difference from the reference: `svyglm(y ~ group, design)`'s coefficient. */
export interface ClusteredDifference {
  estimate: number;
  stdError: number;
  statistic: number;
  /** G − k: clusters minus groups. */
  df: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
}

export interface ClusteredGroupMean {
  group: string;
  /** Records in the group. */
  n: number;
  /** Donors (clusters) with at least one record in the group. */
  clusters: number;
  mean: number;
  stdError: number;
  ciLow: number;
  ciHigh: number;
  /** Absent for the reference group. */
  difference?: ClusteredDifference;
}

export interface ClusteredGroupMeansResult {
  outcome: string;
  group: string;
  reference: string;
  n: number;
  dropped: number;
  clustered: { column: string; clusters: number };
  /** The degrees of freedom of the means' intervals: G − 1. */
  df: number;
  groups: ClusteredGroupMean[];
  warnings: string[];
}

interface GroupTotals {
  n: number;
  /** A value of the group subtracted before summing, so large outcomes keep their digits. */
  shift: number;
  shiftedSum: number;
  /** Per cluster code: [records, Σ (y − shift)]. */
  byCluster: Map<number, [number, number]>;
}

export async function clusteredGroupMeans(source: RowSource, options: ClusteredGroupMeansOptions): Promise<ClusteredGroupMeansResult> {
  const available = await source.columns();
  requireColumns(available, [options.outcome, ...options.groups]);
  if (!available.includes(options.cluster)) throw new AnalysisError(`Unknown cluster column "${options.cluster}". Columns are: ${available.join(', ')}.`);
  const clusterCodes = new Map<string, number>();
  const totals = new Map<string, GroupTotals>();
  let dropped = 0;
  const groupCount = options.groups.length;
  const read = await forEachRowOf(source, [...options.groups, options.outcome, options.cluster], (cells, rowNumber) => {
    if (rowNumber % 100_000 === 0) options.onProgress?.(rowNumber);
    const key = groupKeyOfCells(cells, 0, options.groups);
    const cell = cells[groupCount];
    const clusterCell = cells[groupCount + 1];
    if (key === undefined || isMissing(cell) || isMissing(clusterCell)) {
      dropped += 1;
      return;
    }
    const value = numberOf(cell!);
    if (!Number.isFinite(value)) throw new AnalysisError(`The outcome "${options.outcome}" must be a number in every row (found "${levelOf(cell!)}" in data row ${rowNumber}).`);
    if (options.zeroOne && value !== 0 && value !== 1) throw new AnalysisError(`The outcome "${options.outcome}" must be 0 or 1 in every row (found ${value} in data row ${rowNumber}).`);
    const clusterName = levelOf(clusterCell!).trim();
    let cluster = clusterCodes.get(clusterName);
    if (cluster === undefined) {
      cluster = clusterCodes.size;
      clusterCodes.set(clusterName, cluster);
    }
    let group = totals.get(key);
    if (!group) {
      group = { n: 0, shift: value, shiftedSum: 0, byCluster: new Map() };
      totals.set(key, group);
    }
    const shifted = value - group.shift;
    group.n += 1;
    group.shiftedSum += shifted;
    const entry = group.byCluster.get(cluster);
    if (entry) {
      entry[0] += 1;
      entry[1] += shifted;
    } else group.byCluster.set(cluster, [1, shifted]);
  });
  options.onProgress?.(read);
  const { names, reference } = sortedGroupsAndReference(totals.keys(), read, options);
  const clusters = clusterCodes.size;
  if (clusters < 2) {
    throw new AnalysisError(`The cluster column "${options.cluster}" has ${clusters} distinct value(s) in the rows used; clustered errors need at least 2 clusters (donors).`);
  }
  const differenceDf = clusters - names.length;
  if (differenceDf < 1) {
    throw new AnalysisError(`The cluster column "${options.cluster}" has ${clusters} clusters for ${names.length} groups; comparing groups by donor needs more clusters than groups.`);
  }

  const scale = clusters / (clusters - 1);
  // Each donor's contribution t_cg to the group's mean, only for donors in the group.
  const contributions = new Map<string, Map<number, number>>();
  const means = new Map<string, number>();
  for (const name of names) {
    const group = totals.get(name)!;
    const shiftedMean = group.shiftedSum / group.n;
    means.set(name, group.shift + shiftedMean);
    const byCluster = new Map<number, number>();
    for (const [cluster, [count, shiftedSum]] of group.byCluster) byCluster.set(cluster, (shiftedSum - count * shiftedMean) / group.n);
    contributions.set(name, byCluster);
  }
  const meanQuantile = tQuantileAt(0.975, clusters - 1);
  const differenceQuantile = tQuantileAt(0.975, differenceDf);
  const referenceContributions = contributions.get(reference)!;
  const groups = names.map((name): ClusteredGroupMean => {
    const own = contributions.get(name)!;
    const mean = means.get(name)!;
    let sumOfSquares = 0;
    for (const value of own.values()) sumOfSquares += value * value;
    const stdError = Math.sqrt(scale * sumOfSquares);
    const base: ClusteredGroupMean = {
      group: name,
      n: totals.get(name)!.n,
      clusters: own.size,
      mean,
      stdError,
      ciLow: mean - meanQuantile * stdError,
      ciHigh: mean + meanQuantile * stdError,
    };
    if (name === reference) return base;
    let differenceSquares = 0;
    for (const [cluster, value] of own) {
      const difference = value - (referenceContributions.get(cluster) ?? 0);
      differenceSquares += difference * difference;
    }
    for (const [cluster, value] of referenceContributions) if (!own.has(cluster)) differenceSquares += value * value;
    const estimate = mean - means.get(reference)!;
    const differenceError = Math.sqrt(scale * differenceSquares);
    const statistic = estimate / differenceError;
    return {
      ...base,
      difference: {
        estimate,
        stdError: differenceError,
        statistic,
        df: differenceDf,
        pValue: tTwoSidedP(statistic, differenceDf),
        ciLow: estimate - differenceQuantile * differenceError,
        ciHigh: estimate + differenceQuantile * differenceError,
      },
    };
  });
  const warnings = groups
    .filter((group) => group.clusters < 2)
    .map((group) => `The group "${group.group}" has records of only one ${options.cluster}: its spread within that ${options.cluster} says nothing about other people, so its standard error (${group.stdError}) and interval must not be read.`);
  return {
    outcome: options.outcome,
    group: groupLabel(options.groups),
    reference,
    n: groups.reduce((sum, group) => sum + group.n, 0),
    dropped,
    clustered: { column: options.cluster, clusters },
    df: clusters - 1,
    groups,
    warnings,
  };
}
