import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMissing, levelOf, numberOf } from '../../../analysis/cells';
import { csvRowSource } from '../../../analysis/load-csv';
import { errorRates } from '../../../analysis/error-rates';
import type { Cell, RowSource } from '../../../analysis/types';

/** Each requested column's cells, through the column blocks. */
async function columnCells(source: RowSource, columns: string[]): Promise<Array<Array<Cell | undefined>>> {
  const cells: Array<Array<Cell | undefined>> = columns.map(() => []);
  for await (const block of source.columnBlocks!(columns)) {
    expect(block.cells.map((column) => column.length)).toEqual(columns.map(() => block.rows));
    block.cells.forEach((column, index) => cells[index].push(...column));
  }
  return cells;
}

/** The same columns through papaparse's row batches, the reference. */
async function parsedCells(source: RowSource, columns: string[]): Promise<Array<Array<Cell | undefined>>> {
  const cells: Array<Array<Cell | undefined>> = columns.map(() => []);
  for await (const batch of source.batches!()) {
    const positions = columns.map((column) => batch.columns.indexOf(column));
    for (const row of batch.cells) positions.forEach((position, index) => cells[index].push(position < 0 ? undefined : row[position]));
  }
  return cells;
}

/**
 * A cell as every analysis sees it: missing or not, its number, its level (trimmed, as levels,
 * groups and conditions are; papaparse itself leaves a stray \r of mixed line ends in a cell or not
 * depending on where its blocks start).
 */
const seen = (cell: Cell | undefined) => (isMissing(cell) ? 'missing' : [numberOf(cell!), levelOf(cell!).trim()]);

describe('csv column blocks', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-column-blocks-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  const cases: Array<[string, string]> = [
    ['plain', 'y,x,g\n1,2.5,a\n0,-3,b\n1,0.05,a\n'],
    ['CRLF line ends and a BOM', '\uFEFFy,x,g\r\n1,2.5,a\r\n0,-3,b\r\n'],
    ['numbers JavaScript writes otherwise', 'y,x,g\n1,1.50,a\n0,+3,b\n1,1e5,c\n0,007,d\n1,-0,e\n1,0.0000001,f\n0,12345678901234567,g\n0, 4 ,h\n1,.5,i\n'],
    ['missing cells, short rows and empty lines', 'y,x,g\n1,,a\n\nNA,2,\n0\n\n1,3,b'],
    ['simple quotes', '"y","x","g"\n"1","2","a b"\n"0","","c"\n""\n'],
    ['a quote and a line break inside a cell midway', 'y,x,g\n1,2,a\n0,3,"b ""c"""\n1,4,"d\ne"\n0,5,f\n'],
    ['semicolons', 'y;x;g\n1;2,5;a\n0;3;b\n'],
    ['mixed line ends', 'y,x,g\n1,2,a\r\n0,3,b\n'],
    ['text with accents and many distinct levels', `y,x,g\n${Array.from({ length: 5000 }, (_, index) => `${index % 2},${index},Ö${index % 7}-${index}`).join('\n')}\n`],
    ['a last line of white space', 'y,x,g\n1,2,a\n   '],
  ];

  test.each(cases)('when the file has %s, then the column blocks hold the cells papaparse reads', async (_, text) => {
    const file = path.join(directory, 'data.csv');
    fs.writeFileSync(file, text);
    const source = csvRowSource(file);
    const columns = ['g', 'y', 'absent', 'x'];
    const blocks = await columnCells(source, columns);
    const parsed = await parsedCells(source, columns);
    expect(blocks.map((column) => column.map(seen))).toEqual(parsed.map((column) => column.map(seen)));
  });

  test.each(cases)('when the file has %s and a column is asked for twice, then both places hold its cells', async (_, text) => {
    const file = path.join(directory, 'data.csv');
    fs.writeFileSync(file, text);
    const source = csvRowSource(file);
    const columns = ['y', 'x', 'y', 'absent', 'y'];
    const blocks = await columnCells(source, columns);
    const parsed = await parsedCells(source, columns);
    expect(blocks.map((column) => column.map(seen))).toEqual(parsed.map((column) => column.map(seen)));
  });

  test('when a plain file is longer than a block and turns quoted late, then every row is read once, in order', async () => {
    const file = path.join(directory, 'long.csv');
    const lines = Array.from({ length: 120_000 }, (_, index) => `${index},${index % 3 === 0 ? 'x' : 'y'},${(index / 8).toFixed(3)}`);
    lines[100_000] = '100000,"x, quoted",12500';
    fs.writeFileSync(file, `id,g,v\n${lines.join('\n')}\n`);
    const source = csvRowSource(file);
    const [ids, groups] = await columnCells(source, ['id', 'g']);
    expect(ids).toHaveLength(120_000);
    expect(ids.every((id, index) => id === index)).toBe(true);
    expect(groups[100_000]).toBe('x, quoted');
    expect((await parsedCells(source, ['v']))[0].map(seen)).toEqual((await columnCells(source, ['v']))[0].map(seen));
  });

  test('when a plain file is read, then plain numbers come as numbers and a level is one string', async () => {
    const file = path.join(directory, 'plain.csv');
    fs.writeFileSync(file, 'y,g\n1,abc\n0.25,abc\n');
    const [y, g] = await columnCells(csvRowSource(file), ['y', 'g']);
    expect(y).toEqual([1, 0.25]);
    expect(g).toEqual(['abc', 'abc']);
  });

  test('when a row of a plain file has more cells than the header, then the error names the row', async () => {
    const file = path.join(directory, 'bad.csv');
    fs.writeFileSync(file, 'y,p,g\n1,1,a\n\n0,1,b,extra\n');
    await expect(errorRates(csvRowSource(file), { truth: 'y', prediction: 'p', groups: ['g'] })).rejects.toThrow(/data row 2 has more cells/);
    fs.writeFileSync(file, 'y,p,g\n1,1,"a"\n0,1,"b ""quoted"""\n0,1,b,extra\n');
    await expect(errorRates(csvRowSource(file), { truth: 'y', prediction: 'p', groups: ['g'] })).rejects.toThrow(/data row 3 has more cells/);
  });
});
