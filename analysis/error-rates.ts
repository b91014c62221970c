/**
 * Error rates of a decision or score by group, streamed: only a confusion matrix per group is
 * kept, so memory grows with the number of groups, never with rows.
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import { chiSquareIndependence } from './chi-square-independence';
import { chiSquareUpperTail } from './distributions';
import { fisherExact } from './fisher-exact';
import { requireColumns, sortedGroupsAndReference } from './group-key';
import { groupKeyOfCells, groupLabel } from './intersect-groups';
import { adjustPValues } from './p-adjust';
import { proportionDifference } from './proportion-difference';
import { rateRatio } from './rate-ratio';
import { forEachRowOf } from './read-columns';
import { smallGroupWarnings } from './small-group-warnings';
import type { Cell, RowSource } from './types';
import { wilsonInterval } from './wilson-interval';

export type ErrorMetric = 'fpr' | 'fnr' | 'ppv' | 'npv' | 'accuracy';
export const ERROR_METRICS: readonly ErrorMetric[] = ['fpr', 'fnr', 'ppv', 'npv', 'accuracy'];

export interface ErrorRatesOptions {
  /** The true outcome: 0/1, or any column with `positive` naming its positive level. */
  truth: string;
  /** The decision (same coding as `truth`); or give `score` and `threshold`. */
  prediction?: string;
  /** A numeric score; the prediction is positive when score ≥ threshold. */
  score?: string;
  threshold?: number;
  /** The level of `truth` and `prediction` that is positive (default: 1 for 0/1 columns). */
  positive?: string;
  groups: string[];
  reference?: string;
  minGroupSize?: number;
  onProgress?: (rowsRead: number) => void;
}

export interface MetricEstimate {
  /** Numerator and denominator: e.g. for the FPR, false positives and all true negatives. */
  count: number;
  of: number;
  /** null when the denominator is 0 (no one to count). */
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface ErrorRatesGroup {
  group: string;
  n: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  metrics: Record<ErrorMetric, MetricEstimate>;
}

export interface ErrorRatesComparison {
  group: string;
  metric: ErrorMetric;
  ratio: number | null;
  ratioCiLow: number | null;
  ratioCiHigh: number | null;
  difference: number;
  differenceCiLow: number;
  differenceCiHigh: number;
  fisherP: number;
  fisherPAdjusted: number;
}

export interface ChiSquareTest {
  statistic: number;
  df: number;
  pValue: number;
}

export interface ErrorRatesResult {
  truth: string;
  prediction: string;
  positive: string;
  group: string;
  reference: string;
  n: number;
  dropped: number;
  adjust: 'holm';
  groups: ErrorRatesGroup[];
  comparisons: ErrorRatesComparison[];
  /** Equal FPR across groups, equal FNR, and both (equalised odds): Pearson chi-squares. */
  equalizedOdds: { fpr: ChiSquareTest | null; fnr: ChiSquareTest | null; combined: ChiSquareTest | null };
  warnings: string[];
}

interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Each metric as [count, of] from a confusion matrix. */
function metricCounts(confusion: Confusion): Record<ErrorMetric, [number, number]> {
  const { tp, fp, tn, fn } = confusion;
  return {
    fpr: [fp, fp + tn],
    fnr: [fn, fn + tp],
    ppv: [tp, tp + fp],
    npv: [tn, tn + fn],
    accuracy: [tp + tn, tp + fp + tn + fn],
  };
}

function binaryReader(column: string, positive: string | undefined): (cell: Cell, row: number) => 0 | 1 {
  if (positive !== undefined) {
    const positiveNumber = numberOf(positive);
    return (cell) => {
      const number = numberOf(cell);
      if (Number.isFinite(positiveNumber) && Number.isFinite(number)) return number === positiveNumber ? 1 : 0;
      return levelOf(cell).trim() === positive ? 1 : 0;
    };
  }
  return (cell, row) => {
    const number = numberOf(cell);
    if (number === 0 || number === 1) return number;
    throw new AnalysisError(`Column "${column}" must be 0 or 1 (found "${levelOf(cell)}" in data row ${row}); name its positive level with positive (--positive LEVEL), or give a condition such as "${column} = ${levelOf(cell).trim()}".`);
  };
}

/**
 * Per group: the confusion matrix; the false positive rate FP/(FP+TN), false negative rate
 * FN/(FN+TP), positive and negative predictive values TP/(TP+FP) and TN/(TN+FN), and accuracy,
 * each with Wilson's 95% interval (`prop.test(correct = FALSE)`). Each group against the
 * reference, per metric: the ratio with Katz's log interval, the difference with the Wald
 * interval (`prop.test(c(x1, x0), c(n1, n0), correct = FALSE)$conf.int`) and Fisher's exact test
 * (`fisher.test`), Holm-adjusted across all metrics and groups (`p.adjust(method = "holm")`).
 * Equalised odds (Hardt, Price & Srebro 2016): Pearson's chi-square of the FPR across groups
 * (`chisq.test(table(group, prediction)[truth == 0], correct = FALSE)`), the same for the FNR,
 * and their sum on the summed df, a joint test of both (the two tables have no row in common, so
 * under the null the statistics are independent).
 *
 * @throws AnalysisError for an unknown column, a truth or prediction that is not 0/1 without
 *   `positive`, a non-numeric score, a group column with one level, an unknown reference.
 * @example
 *   const result = await errorRates(csvRowSource('compas.csv'), { truth: 'two_year_recid', score: 'decile_score', threshold: 5, groups: ['race'], reference: 'Caucasian' });
 *   result.groups[0].metrics.fpr; // { count: 805, of: 1514, estimate: 0.532, ciLow: …, ciHigh: … }
 */
export async function errorRates(source: RowSource, options: ErrorRatesOptions): Promise<ErrorRatesResult> {
  const usesScore = options.prediction === undefined;
  if (usesScore && (options.score === undefined || options.threshold === undefined)) throw new AnalysisError('Give the prediction column, or a score column and a threshold.');
  if (!usesScore && options.score !== undefined) throw new AnalysisError('Give either a prediction column or a score with a threshold, not both.');
  if (usesScore && !Number.isFinite(options.threshold)) throw new AnalysisError(`The threshold must be a number (got ${String(options.threshold)}).`);
  const predictionColumn = usesScore ? options.score! : options.prediction!;
  const minGroupSize = options.minGroupSize ?? 5;
  requireColumns(await source.columns(), [options.truth, predictionColumn, ...options.groups]);
  const readTruth = binaryReader(options.truth, options.positive);
  const readPrediction = usesScore
    ? (cell: Cell, row: number): 0 | 1 => {
      const score = numberOf(cell);
      if (!Number.isFinite(score)) throw new AnalysisError(`The score "${predictionColumn}" must be a number (found "${levelOf(cell)}" in data row ${row}).`);
      return score >= options.threshold! ? 1 : 0;
    }
    : binaryReader(predictionColumn, options.positive);

  const counts = new Map<string, Confusion>();
  let dropped = 0;
  const read = await forEachRowOf(source, [options.truth, predictionColumn, ...options.groups], (cells, rowNumber) => {
    if (rowNumber % 100_000 === 0) options.onProgress?.(rowNumber);
    const key = groupKeyOfCells(cells, 2, options.groups);
    const [truthCell, predictionCell] = cells;
    if (key === undefined || isMissing(truthCell) || isMissing(predictionCell)) {
      dropped += 1;
      return;
    }
    const truth = readTruth(truthCell!, rowNumber);
    const predicted = readPrediction(predictionCell!, rowNumber);
    let confusion = counts.get(key);
    if (!confusion) {
      confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
      counts.set(key, confusion);
    }
    if (truth === 1) {
      if (predicted === 1) confusion.tp += 1;
      else confusion.fn += 1;
    } else if (predicted === 1) confusion.fp += 1;
    else confusion.tn += 1;
  });
  options.onProgress?.(read);
  const { names, reference } = sortedGroupsAndReference(counts.keys(), read, { outcome: options.truth, groups: options.groups, reference: options.reference });

  const groups: ErrorRatesGroup[] = names.map((name) => {
    const confusion = counts.get(name)!;
    const byMetric = metricCounts(confusion);
    const metrics = Object.fromEntries(ERROR_METRICS.map((metric) => {
      const [count, of] = byMetric[metric];
      if (of === 0) return [metric, { count, of, estimate: null, ciLow: null, ciHigh: null }];
      const interval = wilsonInterval(count, of);
      return [metric, { count, of, estimate: count / of, ciLow: interval.low, ciHigh: interval.high }];
    })) as Record<ErrorMetric, MetricEstimate>;
    return { group: name, n: confusion.tp + confusion.fp + confusion.tn + confusion.fn, truePositives: confusion.tp, falsePositives: confusion.fp, trueNegatives: confusion.tn, falseNegatives: confusion.fn, metrics };
  });

  const warnings = smallGroupWarnings(groups, minGroupSize);
  const referenceCounts = metricCounts(counts.get(reference)!);
  const unadjusted: Array<Omit<ErrorRatesComparison, 'fisherPAdjusted'>> = [];
  for (const name of names) {
    if (name === reference) continue;
    const groupCounts = metricCounts(counts.get(name)!);
    for (const metric of ERROR_METRICS) {
      const [count, of] = groupCounts[metric];
      const [referenceCount, referenceOf] = referenceCounts[metric];
      if (of === 0 || referenceOf === 0) {
        warnings.push(`No ${metric} comparison for "${name}": ${of === 0 ? `"${name}"` : `the reference "${reference}"`} has no one to count it over.`);
        continue;
      }
      const ratio = rateRatio(count, of, referenceCount, referenceOf);
      const difference = proportionDifference(count, of, referenceCount, referenceOf);
      unadjusted.push({
        group: name,
        metric,
        ratio: ratio.ratio,
        ratioCiLow: ratio.low,
        ratioCiHigh: ratio.high,
        difference: difference.difference,
        differenceCiLow: difference.low,
        differenceCiHigh: difference.high,
        fisherP: fisherExact(count, of - count, referenceCount, referenceOf - referenceCount),
      });
    }
  }
  const adjusted = adjustPValues(unadjusted.map((comparison) => comparison.fisherP), 'holm');
  const comparisons = unadjusted.map((comparison, index) => ({ ...comparison, fisherPAdjusted: adjusted[index]! }));

  const test = (table: number[][]): ChiSquareTest | null => {
    const chi = chiSquareIndependence(table);
    return chi ? { statistic: chi.statistic, df: chi.df, pValue: chi.pValue } : null;
  };
  const fpr = test(names.map((name) => [counts.get(name)!.fp, counts.get(name)!.tn]));
  const fnr = test(names.map((name) => [counts.get(name)!.fn, counts.get(name)!.tp]));
  const combined = fpr && fnr ? { statistic: fpr.statistic + fnr.statistic, df: fpr.df + fnr.df, pValue: chiSquareUpperTail(fpr.statistic + fnr.statistic, fpr.df + fnr.df) } : null;
  if (!fpr || !fnr) warnings.push('The equalised-odds test needs both outcomes and both predictions among the true negatives and among the true positives.');

  return {
    truth: options.truth,
    prediction: usesScore ? `${predictionColumn} >= ${options.threshold}` : predictionColumn,
    positive: options.positive ?? '1',
    group: groupLabel(options.groups),
    reference,
    n: groups.reduce((sum, group) => sum + group.n, 0),
    dropped,
    adjust: 'holm',
    groups,
    comparisons,
    equalizedOdds: { fpr, fnr, combined },
    warnings,
  };
}
