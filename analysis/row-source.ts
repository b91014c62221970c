import type { Cell, ColumnBlock, Row, RowSource } from './types';

/** Rows per block of `columnBlocks`. */
const BLOCK_ROWS = 4096;

/**
 * A RowSource over rows already in memory (scripts, tests, small tables). Besides `rows()`, it
 * offers `columnBlocks`, so that readers (model frames, read-columns.ts) take a block of rows per
 * `await` instead of one: the findings read hundreds of such sources of thousands of rows.
 */
export function arrayRowSource(rows: readonly Row[], columns?: string[]): RowSource {
  return {
    columns: async () => columns ?? Object.keys(rows[0] ?? {}),
    rows: async function* rowsInOrder() {
      yield* rows;
    },
    columnBlocks: async function* blocksInOrder(wanted: readonly string[]): AsyncIterable<ColumnBlock> {
      for (let start = 0; start < rows.length; start += BLOCK_ROWS) {
        const end = Math.min(start + BLOCK_ROWS, rows.length);
        const cells = wanted.map(() => new Array<Cell | undefined>(end - start));
        for (let index = start; index < end; index += 1) {
          const row = rows[index];
          for (let column = 0; column < wanted.length; column += 1) cells[column][index - start] = row[wanted[column]];
        }
        yield { rows: end - start, cells };
      }
    },
    sizeHint: async () => ({ total: rows.length, unit: 'rows' }),
  };
}
