import type { ColumnBlock, Row, RowSource } from './types';

/** Rows per block of `columnBlocks`: enough to amortise a block, few enough to bound its arrays. */
const ROWS_PER_BLOCK = 16_384;

/**
 * A RowSource over rows already in memory (scripts, tests, small tables). Its column blocks are
 * the fast path readers take (read-columns.ts, the model frame): a plain loop per column, where
 * `rows()` costs an await per row.
 */
export function arrayRowSource(rows: readonly Row[], columns?: string[]): RowSource {
  return {
    columns: async () => columns ?? Object.keys(rows[0] ?? {}),
    rows: async function* rowsInOrder() {
      yield* rows;
    },
    columnBlocks: async function* columnBlocksInOrder(wanted: readonly string[]): AsyncIterable<ColumnBlock> {
      for (let start = 0; start < rows.length; start += ROWS_PER_BLOCK) {
        const end = Math.min(start + ROWS_PER_BLOCK, rows.length);
        const cells = wanted.map((column) => {
          const cellsOfColumn = new Array<Row[string] | undefined>(end - start);
          for (let row = start; row < end; row += 1) cellsOfColumn[row - start] = rows[row][column];
          return cellsOfColumn;
        });
        yield { rows: end - start, cells };
      }
    },
    sizeHint: async () => ({ total: rows.length, unit: 'rows' }),
  };
}
