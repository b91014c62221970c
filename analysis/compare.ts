/**
 * Comparison of a numeric outcome between groups, streamed. Per group it keeps a value → count
 * map and Welford's running mean and variance: memory grows with the number of distinct outcome
 * values per group (what the median and the Mann–Whitney ranks need), never with the number of
 * rows — 1,000,000 amounts rounded to the euro take a few thousand entries, not a million.
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import { cohensD } from './cohens-d';
import { requireColumns, sortedGroupsAndReference } from './group-key';
import { groupLabel, intersectGroups } from './intersect-groups';
import { mannWhitney } from './mann-whitney';
import { smallGroupWarnings } from './small-group-warnings';
import type { RowSource } from './types';
import { ValueCounts } from './value-counts';
import { welchTTest } from './welch-t-test';

export interface CompareOptions {
  outcome: string;
  groups: string[];
  reference?: string;
  minGroupSize?: number;
  onProgress?: (rowsRead: number) => void;
}

export interface CompareGroup {
  group: string;
  n: number;
  mean: number;
  sd: number | null;
  median: number;
  welch?: { statistic: number; df: number; pValue: number } | null;
  mannWhitney?: { statistic: number; pValue: number } | null;
  cohensD?: number | null;
}

export interface CompareResult {
  outcome: string;
  group: string;
  reference: string;
  n: number;
  dropped: number;
  groups: CompareGroup[];
  warnings: string[];
}

/**
 * Comparison of a numeric outcome between groups, as shared/fixtures/reference.R computes it:
 * per group n, mean, sd (n − 1), median (R's `median`); against the reference group Welch's t test
 * (`t.test(var.equal = FALSE)`; Welch 1947), the Mann–Whitney test with normal approximation,
 * tie and continuity correction (`wilcox.test(exact = FALSE, correct = TRUE)`; statistic W), and
 * Cohen's d with the pooled standard deviation (Cohen 1988). The tests are not adjusted for
 * several groups. Rows missing the outcome or a group column are dropped and counted.
 *
 * @throws AnalysisError for an unknown column, a non-numeric outcome (naming the row), a group
 *   column with one level, an unknown reference level, an empty selection.
 * @example
 *   const result = await compare(csvRowSource('german_credit.csv'), { outcome: 'amount', groups: ['sex'], reference: 'male' });
 *   result.groups[0].welch // { statistic: -3.0904, df: 658.03, pValue: 0.002084 } (female against male)
 */
export async function compare(source: RowSource, options: CompareOptions): Promise<CompareResult> {
  const minGroupSize = options.minGroupSize ?? 5;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new AnalysisError(`The minimum group size k must be a whole number of at least 1 (got ${minGroupSize}).`);
  requireColumns(await source.columns(), [options.outcome, ...options.groups]);
  const samples = new Map<string, ValueCounts>();
  let dropped = 0;
  let read = 0;
  for await (const row of source.rows()) {
    read += 1;
    if (read % 100_000 === 0) options.onProgress?.(read);
    const key = intersectGroups(row, options.groups);
    const cell = row[options.outcome];
    if (key === undefined || isMissing(cell)) {
      dropped += 1;
      continue;
    }
    const value = numberOf(cell!);
    if (!Number.isFinite(value)) throw new AnalysisError(`The outcome "${options.outcome}" must be a number in every row (found "${levelOf(cell!)}" in data row ${read}).`);
    const sample = samples.get(key) ?? new ValueCounts();
    sample.add(value);
    samples.set(key, sample);
  }
  options.onProgress?.(read);
  const { names, reference } = sortedGroupsAndReference(samples.keys(), read, options);
  const referenceSample = samples.get(reference)!;
  const groups = names.map((name): CompareGroup => {
    const sample = samples.get(name)!;
    const base = { group: name, n: sample.n, mean: sample.mean, sd: sample.n > 1 ? Math.sqrt(sample.variance) : null, median: sample.median() };
    if (name === reference) return base;
    return {
      ...base,
      welch: welchTTest(sample, referenceSample),
      mannWhitney: mannWhitney(sample, referenceSample),
      cohensD: cohensD(sample, referenceSample),
    };
  });
  return {
    outcome: options.outcome,
    group: groupLabel(options.groups),
    reference,
    n: groups.reduce((sum, group) => sum + group.n, 0),
    dropped,
    groups,
    warnings: smallGroupWarnings(groups, minGroupSize),
  };
}
