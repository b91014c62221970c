import { arrayRowSource } from '../../../analysis/row-source';
import type { Cell } from '../../../analysis/types';

describe('arrayRowSource', () => {
  test('when read in column blocks, then the cells are the rows\' in order, a missing column undefined', async () => {
    const rows = Array.from({ length: 9000 }, (_, index) => ({ a: index, b: index % 7 === 0 ? null : `level ${index % 5}`, ...(index % 3 === 0 ? { c: 1.5 } : {}) }));
    const source = arrayRowSource(rows);
    const wanted = ['b', 'nope', 'a', 'c'];
    const fromBlocks: Array<Array<Cell | undefined>> = [];
    for await (const block of source.columnBlocks!(wanted)) {
      for (let row = 0; row < block.rows; row += 1) fromBlocks.push(block.cells.map((cells) => cells[row]));
    }
    const fromRows: Array<Array<Cell | undefined>> = [];
    for await (const row of source.rows()) fromRows.push(wanted.map((column) => row[column]));
    expect(fromBlocks).toHaveLength(9000);
    expect(fromBlocks).toEqual(fromRows);
  });
});
