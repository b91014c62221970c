/**
 * Comparison of a numeric outcome between groups, streamed: per group a value → count map and
 * Welford's mean and variance. For each group: n, mean, sd, median; against the reference group:
 * Welch's t test, the Mann–Whitney test, Cohen's d. Warnings flag groups under k.
 *
 * @throws AnalysisError for an unknown column, a non-numeric outcome, a single group, an unknown
 *   reference, an empty selection.
 * @example
 *   const result = await compare(csvRowSource('german_credit.csv'), { outcome: 'amount', groups: ['sex'], reference: 'male' });
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import { cohensD } from './cohens-d';
import { groupKeyOf, groupLabel, requireColumns, sortedGroupsAndReference } from './group-key';
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

export async function compare(source: RowSource, options: CompareOptions): Promise<CompareResult> {
  requireColumns(await source.columns(), [options.outcome, ...options.groups]);
  const samples = new Map<string, ValueCounts>();
  let dropped = 0;
  let read = 0;
  for await (const row of source.rows()) {
    read += 1;
    if (read % 100_000 === 0) options.onProgress?.(read);
    const key = groupKeyOf(row, options.groups);
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
    warnings: smallGroupWarnings(groups, options.minGroupSize ?? 5),
  };
}
