/**
 * A record's peers: the other rows with the same values of the legitimate factors (income band,
 * negative entries, tenure …), what happened to them, and where the record stands among them.
 * Fewer than k peers are never described (small-group suppression): only the count is withheld too.
 *
 * @throws AnalysisError for an unknown column.
 * @example
 *   await peerComparison(rows, { income_band: '2000-2999', housing: 'rent', score_value: 91 }, { matchOn: ['income_band', 'housing'], outcome: 'score_value', minGroupSize: 5 });
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import { requireColumns } from './group-key';
import { MidRankPercentile } from './percentile';
import type { Row, RowSource } from './types';
import { ValueCounts } from './value-counts';

export interface PeerOptions {
  matchOn: string[];
  outcome: string;
  minGroupSize: number;
}

export type PeerComparison =
  | { suppressed: true; minGroupSize: number; matchOn: string[] }
  | {
      suppressed: false;
      matchOn: string[];
      peers: number;
      /** For a 0/1 outcome: the share of peers with the outcome. */
      rate?: number;
      mean: number;
      sd: number | null;
      median: number;
      /** The record's mid-rank percentile among its peers' outcomes. */
      percentile: number | null;
    };

export async function peerComparison(source: RowSource, record: Row, options: PeerOptions): Promise<PeerComparison> {
  requireColumns(await source.columns(), [options.outcome, ...options.matchOn]);
  const missingFactor = options.matchOn.find((column) => isMissing(record[column]));
  if (missingFactor) throw new AnalysisError(`The record has no value for "${missingFactor}", so it has no peers on it.`);
  const wanted = options.matchOn.map((column) => levelOf(record[column]!).trim());
  const own = isMissing(record[options.outcome]) ? Number.NaN : numberOf(record[options.outcome]!);
  const outcomes = new ValueCounts();
  const rank = new MidRankPercentile(own);
  let binary = true;
  for await (const row of source.rows()) {
    if (isMissing(row[options.outcome]) || options.matchOn.some((column, index) => isMissing(row[column]) || levelOf(row[column]!).trim() !== wanted[index])) continue;
    const value = numberOf(row[options.outcome]!);
    if (!Number.isFinite(value)) throw new AnalysisError(`The outcome "${options.outcome}" must be numeric or 0/1.`);
    if (value !== 0 && value !== 1) binary = false;
    outcomes.add(value);
    rank.add(value);
  }
  if (outcomes.n < options.minGroupSize) return { suppressed: true, minGroupSize: options.minGroupSize, matchOn: options.matchOn };
  return {
    suppressed: false,
    matchOn: options.matchOn,
    peers: outcomes.n,
    ...(binary ? { rate: outcomes.mean } : {}),
    mean: outcomes.mean,
    sd: outcomes.n > 1 ? Math.sqrt(outcomes.variance) : null,
    median: outcomes.median(),
    percentile: rank.percentile,
  };
}
