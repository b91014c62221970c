/**
 * Reads some columns of every row, through the source's fastest path: column blocks (only these
 * columns, no array per row), else row batches (no object per row: about 2.5 times faster than
 * rows on a CSV file), else row by row.
 */
import type { Cell, RowSource } from './types';

/**
 * Calls `visit(cells, rowNumber)` for every row with the cells of `columns` in that order
 * (`cells` is reused between calls; a missing cell is undefined) and the 1-based data row.
 */
export async function forEachRowOf(source: RowSource, columns: readonly string[], visit: (cells: Array<Cell | undefined>, rowNumber: number) => void): Promise<number> {
  const cells = new Array<Cell | undefined>(columns.length);
  let read = 0;
  if (source.columnBlocks) {
    const width = columns.length;
    for await (const block of source.columnBlocks(columns)) {
      const blockCells = block.cells;
      for (let row = 0; row < block.rows; row += 1) {
        read += 1;
        for (let index = 0; index < width; index += 1) cells[index] = blockCells[index][row];
        visit(cells, read);
      }
    }
    return read;
  }
  if (source.batches) {
    for await (const batch of source.batches()) {
      const positions = columns.map((column) => batch.columns.indexOf(column));
      for (const row of batch.cells) {
        read += 1;
        for (let index = 0; index < positions.length; index += 1) cells[index] = row[positions[index]];
        visit(cells, read);
      }
    }
    return read;
  }
  for await (const row of source.rows()) {
    read += 1;
    for (let index = 0; index < columns.length; index += 1) cells[index] = row[columns[index]];
    visit(cells, read);
  }
  return read;
}
