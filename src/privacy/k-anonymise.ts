/**
 * k-anonymity for a record-level export (Sweeney 2002): the quasi-identifiers are coarsened
 * one level at a time, greedily — each step the attribute whose next level leaves the fewest rows
 * in classes under k, on a tie the one with the most distinct values left (Datafly's order; Sweeney
 * 1997), which alone tends to hide a fine attribute whole — until the rows in small classes are few enough to drop
 * (at most `maxSuppressedShare` of the rows), then those rows are dropped and counted. Every
 * combination of quasi-identifier values in the output has at least k rows, and at least k
 * people when `personOf` says whose each row is (a worker's forty records are one person).
 */
import type { Generalisation } from '../campaigns/types';
import { generaliseValue, generalisationDepth, type QuasiIdentifierValue } from './generalise-value';

export type AnonymisableRow = Record<string, QuasiIdentifierValue>;

export interface QuasiIdentifier {
  name: string;
  generalisation: Generalisation;
}

export interface KAnonymiseOptions<RowType extends AnonymisableRow> {
  k: number;
  quasiIdentifiers: readonly QuasiIdentifier[];
  /** Share of rows that may be suppressed instead of coarsening further (default 0.05). */
  maxSuppressedShare?: number;
  /** Whose row this is, when one person has several rows; classes then need k people too. */
  personOf?: (row: RowType) => string;
}

export interface KAnonymousTable<RowType extends AnonymisableRow> {
  rows: RowType[];
  /** Generalisation level used for each quasi-identifier (0 = as given). */
  levels: Record<string, number>;
  /** Rows dropped because their class stayed under k. */
  suppressedRows: number;
}

interface ClassCount {
  rows: number;
  people: Set<string>;
}

function classKey(row: AnonymisableRow, names: readonly string[]): string {
  return JSON.stringify(names.map((name) => row[name] ?? null));
}

/**
 * Generalises and suppresses until no quasi-identifier combination has fewer than k rows (people).
 * @throws RangeError when k is not a whole number of at least 1.
 * @example kAnonymise(rows, { k: 5, quasiIdentifiers: [{ name: 'sex', generalisation: { method: 'suppress' } }] })
 */
export function kAnonymise<RowType extends AnonymisableRow>(rows: readonly RowType[], options: KAnonymiseOptions<RowType>): KAnonymousTable<RowType> {
  const { k, quasiIdentifiers, personOf } = options;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a whole number of at least 1');
  const budget = Math.floor(rows.length * (options.maxSuppressedShare ?? 0.05));
  const names = quasiIdentifiers.map((qi) => qi.name);
  const levels: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));

  const generalised = (): RowType[] =>
    rows.map((row) => {
      const copy: AnonymisableRow = { ...row };
      for (const qi of quasiIdentifiers) copy[qi.name] = generaliseValue(row[qi.name] ?? null, qi.generalisation, levels[qi.name]);
      return copy as RowType;
    });
  const smallClasses = (table: RowType[]): { keys: Set<string>; rowsInThem: number } => {
    const counts = new Map<string, ClassCount>();
    table.forEach((row, index) => {
      const key = classKey(row, names);
      const count = counts.get(key) ?? { rows: 0, people: new Set<string>() };
      count.rows += 1;
      count.people.add(personOf ? personOf(rows[index]) : String(index));
      counts.set(key, count);
    });
    const keys = new Set<string>();
    let rowsInThem = 0;
    for (const [key, count] of counts) {
      if (count.rows < k || count.people.size < k) {
        keys.add(key);
        rowsInThem += count.rows;
      }
    }
    return { keys, rowsInThem };
  };

  let table = generalised();
  let small = smallClasses(table);
  while (small.rowsInThem > budget) {
    const candidates = quasiIdentifiers.filter((qi) => levels[qi.name] < generalisationDepth(qi.generalisation));
    if (candidates.length === 0) break;
    // Try one more level of each attribute and keep the step that leaves the fewest rows in
    // small classes; on a tie, the attribute with the most distinct values (Datafly's order).
    const distinct = (name: string) => new Set(table.map((row) => row[name] ?? null)).size;
    let best: { qi: QuasiIdentifier; table: RowType[]; small: ReturnType<typeof smallClasses>; distinct: number } | undefined;
    for (const qi of candidates) {
      levels[qi.name] += 1;
      const trialTable = generalised();
      const trial = { qi, table: trialTable, small: smallClasses(trialTable), distinct: distinct(qi.name) };
      levels[qi.name] -= 1;
      if (!best || trial.small.rowsInThem < best.small.rowsInThem || (trial.small.rowsInThem === best.small.rowsInThem && trial.distinct > best.distinct)) best = trial;
    }
    levels[best!.qi.name] += 1;
    table = best!.table;
    small = best!.small;
  }
  const kept = table.filter((row) => !small.keys.has(classKey(row, names)));
  return { rows: kept, levels, suppressedRows: table.length - kept.length };
}
