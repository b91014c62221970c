/**
 * In-memory rows and ranked ordered outcomes read through column blocks, the path the model frame
 * and read-columns take first: they must read the same cells as row by row, and the fits on them
 * must be the same numbers.
 */
import { GERMAN_CSV } from '../../helpers/fixtures';
import { csvRowSource } from '../../../analysis/load-csv';
import { orderedOutcomeSource } from '../../../analysis/ordered-outcome-source';
import { proportionalOdds } from '../../../analysis/proportional-odds';
import { arrayRowSource } from '../../../analysis/row-source';
import type { Cell, Row, RowSource } from '../../../analysis/types';

async function blocksOf(source: RowSource, columns: string[]): Promise<Array<Array<Cell | undefined>>> {
  const read: Array<Array<Cell | undefined>> = columns.map(() => []);
  let rows = 0;
  for await (const block of source.columnBlocks!(columns)) {
    rows += block.rows;
    block.cells.forEach((cells, index) => read[index].push(...cells.slice(0, block.rows)));
  }
  expect(read.every((cells) => cells.length === rows)).toBe(true);
  return read;
}

async function rowsOf(source: RowSource, columns: string[]): Promise<Array<Array<Cell | undefined>>> {
  const read: Array<Array<Cell | undefined>> = columns.map(() => []);
  for await (const row of source.rows()) columns.forEach((column, index) => read[index].push(row[column]));
  return read;
}

describe('in-memory row sources by column blocks', () => {
  test('when 20,000 rows (two blocks) are read by column blocks, then every cell is the one rows() gives, in order, a missing column undefined', async () => {
    const rows: Row[] = Array.from({ length: 20_000 }, (_unused, index) => ({ id: index, level: index % 7 === 0 ? null : ['a', 'b', 'c'][index % 3] }));
    const source = arrayRowSource(rows);
    const columns = ['level', 'absent', 'id'];
    expect(await blocksOf(source, columns)).toEqual(await rowsOf(source, columns));
  });

  test('when an ordered outcome is read by column blocks, then only its column is ranked, missing levels are null, and a value outside the order fails as row by row', async () => {
    const rows: Row[] = [{ class: ' B', x: 'B' }, { class: 'unknown', x: 'A' }, { class: null, x: 'C' }, { class: 'C', x: 'A' }];
    const ranked = orderedOutcomeSource(arrayRowSource(rows), { column: 'class', order: ['A', 'B', 'C'], missingLevels: ['unknown'] });
    expect(await blocksOf(ranked, ['x', 'class'])).toEqual([['B', 'A', 'C', 'A'], [2, null, null, 3]]);
    expect(await blocksOf(ranked, ['x', 'class'])).toEqual(await rowsOf(ranked, ['x', 'class']));
    const outside = orderedOutcomeSource(arrayRowSource([...rows, { class: 'D', x: 'B' }]), { column: 'class', order: ['A', 'B', 'C'], missingLevels: ['unknown'] });
    await expect(blocksOf(outside, ['class'])).rejects.toThrow('The outcome "class" has the value "D", which is not in its order (A, B, C) nor among the values read as missing (unknown).');
  });

  test('when polr is fitted on rows in memory, then it gives the numbers it gives on the same rows read row by row', async () => {
    const rows: Row[] = [];
    for await (const row of csvRowSource(GERMAN_CSV).rows()) rows.push(row);
    const options = { outcome: 'installment_rate', order: ['1', '2', '3', '4'], predictors: ['duration_months', 'amount', 'sex'] };
    const byRows: RowSource = { columns: arrayRowSource(rows).columns, rows: arrayRowSource(rows).rows };
    expect(await proportionalOdds(arrayRowSource(rows), options)).toEqual(await proportionalOdds(byRows, options));
  });
});
