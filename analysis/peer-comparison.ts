/**
 * A record's peers: the rows with the same values of the legitimate factors (income band,
 * negative entries, tenure …), what happened to them, and where the record stands among them.
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import { requireColumns } from './group-key';
import { MidRankPercentile } from './percentile';
import { arrayRowSource } from './row-source';
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

/**
 * Peer comparison for one record. Peers are all rows whose `matchOn` columns equal the record's
 * (after trimming; a row missing one of them or the outcome is not a peer). When the record itself
 * is among the rows — a donor's record in the campaign's table — it counts as one of its peers.
 *
 * Reported: the number of peers; for a 0/1 outcome the `rate` (share of 1s); the mean, sample
 * sd and median of the outcome; and the record's mid-rank percentile among the peers' outcomes,
 * 100·(#below + ½·#equal)/peers (Hazen's plotting position for ties: a value tied with every peer
 * stands at 50, the lowest of n distinct values at 50/n, the highest at 100 − 50/n).
 * With fewer than k = `minGroupSize` peers nothing is described — not even the count:
 * `{ suppressed: true }` (DESIGN.md principle 3: never publish a small group).
 * Memory grows with distinct outcome values among the peers, not with rows.
 *
 * @throws AnalysisError for an unknown column, a record without a value for a `matchOn` column,
 *   or a non-numeric outcome.
 * @example
 *   await peerComparison(rows, { housing: 'own', installment_rate: 2, amount: 5951 }, { matchOn: ['housing', 'installment_rate'], outcome: 'amount', minGroupSize: 5 })
 *   // { suppressed: false, peers: 157, mean: 3999.5, sd: 3173.9, median: 3029, percentile: 79.3, … }
 */
export async function peerComparison(input: RowSource | readonly Row[], record: Row, options: PeerOptions): Promise<PeerComparison> {
  const source = Array.isArray(input) ? arrayRowSource(input) : (input as RowSource);
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
    if (!Number.isFinite(value)) throw new AnalysisError(`The outcome "${options.outcome}" must be numeric or 0/1 (found "${levelOf(row[options.outcome]!)}").`);
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
