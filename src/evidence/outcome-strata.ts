/**
 * Comparable units of one outcome, as its dictionary entry declares them (`comparable`): the
 * records it applies to, split into strata by the context fields it is comparable within (a
 * SCHUFA base score is compared only with SCHUFA base scores). Every rule comes from the
 * dictionary; nothing here names a campaign's field.
 */
import type { Row } from '../../analysis/types';
import type { CampaignField } from '../campaigns/types';
import { DONOR_COLUMN } from './campaign-rows';

/** The column that names a row's stratum in a pooled model; `_` cannot begin a field name, so it never clashes. */
export const STRATUM_COLUMN = '_stratum';

export interface OutcomeStratum {
  /** Each `within` field's answer; `{}` when the outcome declares no strata. */
  values: Record<string, string>;
  /** Stable name of the stratum (its answers joined), used as a level in pooled models. */
  key: string;
  rows: Row[];
  donors: number;
}

function matches(row: Row, match: Record<string, string[]> | undefined): boolean {
  if (!match) return true;
  return Object.entries(match).every(([name, answers]) => row[name] !== null && row[name] !== undefined && answers.includes(String(row[name])));
}

/** The rows an outcome applies to (its `appliesWhere`) that answer it. */
export function outcomeRows(outcome: CampaignField, rows: readonly Row[]): Row[] {
  return rows.filter((row) => row[outcome.name] !== null && row[outcome.name] !== undefined && matches(row, outcome.comparable?.appliesWhere));
}

/** The fields that split the outcome's records into strata (none: one stratum of all). */
export function stratumFields(outcome: CampaignField): string[] {
  return outcome.comparable?.within ?? [];
}

/**
 * The outcome's strata in a stable order (by key). A row that leaves a stratum field unanswered
 * belongs to no stratum: it is compared with nothing, as na.omit would drop it.
 */
export function outcomeStrata(outcome: CampaignField, rows: readonly Row[]): OutcomeStratum[] {
  const fields = stratumFields(outcome);
  const byKey = new Map<string, { values: Record<string, string>; rows: Row[]; donors: Set<string> }>();
  for (const row of outcomeRows(outcome, rows)) {
    if (fields.some((name) => row[name] === null || row[name] === undefined || String(row[name]).trim() === '')) continue;
    const answers = fields.map((name) => String(row[name]));
    const key = answers.join(' / ');
    let stratum = byKey.get(key);
    if (!stratum) {
      // The answers of a stratum's first row name it (all its rows give the same).
      stratum = { values: Object.fromEntries(fields.map((name, index) => [name, answers[index]])), rows: [], donors: new Set() };
      byKey.set(key, stratum);
    }
    stratum.rows.push(row);
    stratum.donors.add(String(row[DONOR_COLUMN]));
  }
  return [...byKey].sort(([first], [second]) => (first < second ? -1 : first > second ? 1 : 0))
    .map(([key, stratum]) => ({ key, values: stratum.values, rows: stratum.rows, donors: stratum.donors.size }));
}

/** Which way is good for the donor within a stratum: the outcome's `favourable`, reversed where its scale runs the other way. */
export function favourableIn(outcome: CampaignField, values: Record<string, string>): 'higher' | 'lower' | undefined {
  const rule = outcome.comparable?.favourableWhere?.find((candidate) => Object.entries(candidate.where).every(([name, answers]) => answers.includes(values[name] ?? '')));
  return rule?.favourable ?? outcome.favourable;
}

/**
 * Mid-rank percentile (0 to 100) of each value among `values`: 100·(rank − ½)/n with ties given
 * their average rank, so a stratum's percentiles always average 50 whatever its scale.
 * @example percentileRanks([10, 20, 20, 40]) // [12.5, 50, 50, 87.5]
 */
export function percentileRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((first, second) => first.value - second.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const midRank = (start + end) / 2 + 1;
    for (let position = start; position <= end; position += 1) ranks[order[position]!.index] = (100 * (midRank - 0.5)) / values.length;
    start = end + 1;
  }
  return ranks;
}

/**
 * The strata's rows pooled for one model: each row tagged with its stratum (STRATUM_COLUMN, a
 * fixed effect) and, for a number outcome, its value replaced by its percentile rank within the
 * stratum, turned so that higher is always favourable — scales of different bureaus or cities
 * can then be compared, which their raw numbers cannot.
 */
export function pooledRows(outcome: CampaignField, strata: readonly OutcomeStratum[], kind: 'rate' | 'mean' | 'ordinal'): Row[] {
  return strata.flatMap((stratum) => {
    // Rates and ordered classes keep their values: the stratum enters their models as a fixed effect.
    if (kind !== 'mean') return stratum.rows.map((row): Row => ({ ...row, [STRATUM_COLUMN]: stratum.key }));
    const lowerIsBetter = favourableIn(outcome, stratum.values) === 'lower';
    const ranks = percentileRanks(stratum.rows.map((row) => Number(row[outcome.name])));
    // One copy of each row, tagged and ranked at once (the outcome keeps its place among the columns).
    return stratum.rows.map((row, index): Row => ({ ...row, [STRATUM_COLUMN]: stratum.key, [outcome.name]: lowerIsBetter ? 100 - ranks[index]! : ranks[index]! }));
  });
}
