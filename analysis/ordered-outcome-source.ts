/**
 * A row source whose ordered categorical outcome is replaced by its rank in the caller's order
 * (1 for the first level), so that the model frame, which reads numbers, can carry it. The order
 * comes from the caller — a campaign's dictionary or `--order` — never from sorting: "A" … "P" sorts
 * by luck, "low, medium, high" does not.
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf } from './cells';
import type { ColumnBlock, RowSource } from './types';

export interface OrderedOutcome {
  column: string;
  /** The levels from first to last (e.g. best to worst). */
  order: readonly string[];
  /** Values that mean "not known" (e.g. `unknown`): read as missing, so the row is left out. */
  missingLevels?: readonly string[];
}

/**
 * @throws AnalysisError (while reading) for a value that is neither in the order nor missing,
 *   naming the column and the value.
 */
export function orderedOutcomeSource(source: RowSource, outcome: OrderedOutcome): RowSource {
  const rankOf = new Map(outcome.order.map((level, index) => [level, index + 1]));
  const missing = new Set(outcome.missingLevels ?? []);
  const rank = (cell: unknown): number | null => {
    if (isMissing(cell as never)) return null;
    const level = levelOf(cell as never).trim();
    const found = rankOf.get(level);
    if (found !== undefined) return found;
    if (missing.has(level)) return null;
    throw new AnalysisError(
      `The outcome "${outcome.column}" has the value "${level}", which is not in its order (${outcome.order.join(', ')})` +
        `${missing.size > 0 ? ` nor among the values read as missing (${[...missing].join(', ')})` : ''}.`,
    );
  };
  const columnBlocks = source.columnBlocks?.bind(source);
  return {
    columns: () => source.columns(),
    rows: async function* rankedRows() {
      for await (const row of source.rows()) yield { ...row, [outcome.column]: rank(row[outcome.column]) };
    },
    // The source's column blocks with the outcome's cells ranked: no copy of a row.
    ...(columnBlocks ? {
      columnBlocks: async function* rankedBlocks(columns: readonly string[]): AsyncIterable<ColumnBlock> {
        const ranked = columns.map((column) => column === outcome.column);
        for await (const block of columnBlocks(columns)) {
          yield { rows: block.rows, cells: block.cells.map((cells, index) => (ranked[index] ? cells.map(rank) : cells)) };
        }
      },
    } : {}),
    ...(source.sizeHint ? { sizeHint: () => source.sizeHint!() } : {}),
  };
}
