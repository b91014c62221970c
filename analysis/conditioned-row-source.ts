/**
 * A RowSource seen through `--where` filters and derived 0/1 columns, so that every analysis
 * gets filters and outcomes given as conditions without knowing about them: a derived column is
 * named by its condition's text (`score_text != Low`) and holds 1, 0, or missing.
 */
import { AnalysisError } from './analysis-error';
import { looksLikeCondition, parseCondition, type RowCondition } from './row-condition';
import type { Cell, Row, RowBatch, RowSource } from './types';

export interface Conditions {
  /** Rows must meet all of these (a missing cell fails, as R's `subset`). */
  where?: readonly string[];
  /** Columns to add, each named by its condition's text. */
  derived?: readonly string[];
}

function checkColumns(available: readonly string[], conditions: readonly RowCondition[]): void {
  for (const condition of conditions) {
    if (!available.includes(condition.column)) {
      throw new AnalysisError(`Unknown column "${condition.column}" in the condition "${condition.text}". Columns are: ${available.join(', ')}.`);
    }
  }
}

/**
 * Which of `names` (an outcome, a truth column…) are conditions rather than columns: a name that
 * is a column stays a column even when it contains `=` or `<`.
 */
export async function derivedColumnsAmong(source: RowSource, names: ReadonlyArray<string | undefined>): Promise<string[]> {
  const columns = new Set(await source.columns());
  return names.filter((name): name is string => name !== undefined && !columns.has(name) && looksLikeCondition(name));
}

/**
 * `source` with only the rows that meet every `where` condition, and a 0/1 column for each
 * `derived` condition. Without conditions, `source` itself.
 * @throws AnalysisError naming an unknown column, or the token of a condition that cannot be read.
 * @example
 *   const source = conditionedRowSource(csvRowSource('compas.csv'), { where: ['age >= 25'], derived: ['score_text != Low'] });
 *   await disparity(source, { outcome: 'score_text != Low', groups: ['race'] });
 */
export function conditionedRowSource(source: RowSource, conditions: Conditions): RowSource {
  const where = (conditions.where ?? []).map(parseCondition);
  const derived = [...new Set(conditions.derived ?? [])].map(parseCondition);
  if (where.length === 0 && derived.length === 0) return source;
  let checked: string[] | undefined;
  const columns = async (): Promise<string[]> => {
    if (!checked) {
      const available = await source.columns();
      checkColumns(available, [...where, ...derived]);
      checked = [...available, ...derived.map((condition) => condition.text).filter((text) => !available.includes(text))];
    }
    return checked;
  };
  const derivedCell = (condition: RowCondition, cell: Cell | undefined, row: number): Cell => {
    const value = condition.test(cell, row);
    return value === undefined ? null : value ? 1 : 0;
  };
  const conditioned: RowSource = {
    columns,
    rows(): AsyncIterable<Row> {
      return (async function* conditionedRows() {
        await columns();
        let read = 0;
        for await (const row of source.rows()) {
          read += 1;
          if (!where.every((condition) => condition.test(row[condition.column], read) === true)) continue;
          if (derived.length === 0) {
            yield row;
            continue;
          }
          const copy: Row = { ...row };
          for (const condition of derived) copy[condition.text] = derivedCell(condition, row[condition.column], read);
          yield copy;
        }
      })();
    },
    ...(source.sizeHint ? { sizeHint: () => source.sizeHint!() } : {}),
  };
  if (source.batches) {
    const batches = source.batches.bind(source);
    conditioned.batches = () => (async function* conditionedBatches(): AsyncIterable<RowBatch> {
      const names = await columns();
      let read = 0;
      for await (const batch of batches()) {
        const wherePositions = where.map((condition) => batch.columns.indexOf(condition.column));
        const derivedPositions = derived.map((condition) => batch.columns.indexOf(condition.column));
        const targetPositions = derived.map((condition) => names.indexOf(condition.text));
        const cells: RowBatch['cells'] = [];
        for (const row of batch.cells) {
          read += 1;
          let keep = true;
          for (let index = 0; index < where.length && keep; index += 1) keep = where[index].test(row[wherePositions[index]], read) === true;
          if (!keep) continue;
          if (derived.length === 0) {
            cells.push(row);
            continue;
          }
          const extended = row.slice();
          extended.length = batch.columns.length;
          derived.forEach((condition, index) => {
            extended[targetPositions[index]] = derivedCell(condition, row[derivedPositions[index]], read);
          });
          cells.push(extended);
        }
        yield { columns: names.length > batch.columns.length ? names : batch.columns, cells };
      }
    })();
  }
  return conditioned;
}
