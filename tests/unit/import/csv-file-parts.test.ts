import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { planCsvFileParts, type CsvFilePlan } from '../../../src/import/csv-file-parts';

let directory: string;

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-parts-'));
});

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
}

const parse = (text: string, newline?: '\n' | '\r\n'): string[][] => Papa.parse<string[]>(text, { delimiter: ',', newline }).data;

/** The rows of each part parsed on its own, as a worker reads it, joined in order. */
function rowsByParts(file: string, plan: CsvFilePlan): string[][] {
  const bytes = fs.readFileSync(file);
  return plan.parts.flatMap((part, index) => {
    const text = bytes.subarray(part.start, part.end).toString('utf8').replace(/^\ufeff/, '');
    const rows = parse(text, plan.newline);
    // Every part but the last ends on a line ending, after which papaparse sees one empty row.
    return index < plan.parts.length - 1 ? rows.slice(0, -1) : rows;
  });
}

/** Cells as a spreadsheet writes them: quoted when they hold a separator, quotation mark or line ending. */
const cellArbitrary = fc.oneof(
  fc.constantFrom('uber', '2026-03', '1250', '', 'a b', 'ja'),
  fc.stringMatching(/^[a-z0-9 ,"\n]{0,8}$/),
);

function csvText(rows: string[][], newline: string): string {
  return `${rows.map((cells) => cells.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join(newline)}${newline}`;
}

describe('cutting a CSV file into parts', () => {
  test('when a regular file is cut, then the parts read alone give the rows of the whole file, each knowing the rows before it', () => {
    const tableArbitrary = fc.record({
      rows: fc.array(fc.array(cellArbitrary, { minLength: 3, maxLength: 3 }), { minLength: 20, maxLength: 80 }),
      newline: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      maxParts: fc.integer({ min: 2, max: 4 }),
      // Blocks of a few bytes, so that quotation marks, escapes and CR LF fall across their ends.
      blockBytes: fc.integer({ min: 1, max: 17 }),
    });
    let cut = 0;
    fc.assert(fc.property(tableArbitrary, ({ rows, newline, bom, maxParts, blockBytes }) => {
      const text = csvText([['a', 'b', 'c'], ...rows], newline);
      const file = write('regular.csv', `${bom ? '\ufeff' : ''}${text}`);
      const plan = planCsvFileParts(file, { encoding: 'utf-8', delimiter: ',', maxParts, minPartBytes: 64, blockBytes });
      const size = fs.statSync(file).size;
      expect(plan.parts[0].start).toBe(0);
      expect(plan.parts[plan.parts.length - 1].end).toBe(size);
      for (let index = 1; index < plan.parts.length; index += 1) expect(plan.parts[index].start).toBe(plan.parts[index - 1].end);
      if (plan.parts.length > 1) {
        cut += 1;
        expect(plan.newline).toBe(newline);
      }
      expect(rowsByParts(file, plan)).toEqual(parse(text));
      const bytes = fs.readFileSync(file);
      for (const part of plan.parts.slice(1)) {
        expect(part.firstRow).toBe(parse(bytes.subarray(0, part.start).toString('utf8').replace(/^\ufeff/, ''), plan.newline).length - 1);
      }
    }), { numRuns: 300, seed: 20261202 });
    // Most files were cut: the property is about cuts, not about files read whole.
    expect(cut).toBeGreaterThan(250);
  });

  test('when a quoted cell holds line endings across the middle of the file, then no part starts inside it', () => {
    const long = `"${Array.from({ length: 200 }, (_, index) => `line ${index}`).join('\n')}"`;
    const text = `a,b\n1,x\n2,${long}\n3,y\n4,z\n`;
    const file = write('multiline.csv', text);
    const plan = planCsvFileParts(file, { encoding: 'utf-8', delimiter: ',', maxParts: 2, minPartBytes: 64 });
    expect(plan.parts).toHaveLength(2);
    expect(plan.parts[1].firstRow).toBe(3);
    expect(text.slice(plan.parts[1].start)).toBe('3,y\n4,z\n');
  });

  test.each([
    ['a quotation mark inside an unquoted cell', 'a,b\n1,x\n2,ab"c\n3,y\n'],
    ['text after a closing quotation mark', 'a,b\n1,x\n2,"ab"c\n3,y\n'],
    ['a carriage return in a file of line feeds', 'a,b\n1,x\n2,a\rb\n3,y\n'],
    ['a line feed alone in a file of CR LF', 'a,b\r\n1,x\r\n2,ab\n3,y\r\n'],
    ['a carriage return alone in a file of CR LF', 'a,b\r\n1,x\r\n2,a\rb\r\n3,y\r\n'],
  ])('when the file has %s, then it is read in one part, as papaparse alone would', (_, head) => {
    const file = write('irregular.csv', head + '4,z\n'.repeat(100).replace(/\n/g, head.includes('\r\n') ? '\r\n' : '\n'));
    // Whatever falls across the end of a block of the scan.
    for (const blockBytes of [1, 2, 3, 5, 1024]) {
      const plan = planCsvFileParts(file, { encoding: 'utf-8', delimiter: ',', maxParts: 4, minPartBytes: 64, blockBytes });
      expect(plan).toEqual({ parts: [{ start: 0, end: fs.statSync(file).size, firstRow: 0 }] });
    }
  });

  test('when the file is small, UTF-16 or one thread is asked for, then it is one part', () => {
    const text = `a,b\n${'1,x\n'.repeat(500)}`;
    const file = write('small.csv', text);
    const whole = { parts: [{ start: 0, end: fs.statSync(file).size, firstRow: 0 }] };
    expect(planCsvFileParts(file, { encoding: 'utf-8', delimiter: ',', maxParts: 4, minPartBytes: 1024 * 1024 })).toEqual(whole);
    expect(planCsvFileParts(file, { encoding: 'utf-8', delimiter: ',', maxParts: 1, minPartBytes: 64 })).toEqual(whole);
    const utf16 = write('utf16.csv', iconv.encode(text, 'utf-16le', { addBOM: true }));
    expect(planCsvFileParts(utf16, { encoding: 'utf-16le', delimiter: ',', maxParts: 4, minPartBytes: 64 }).parts).toHaveLength(1);
  });

  test('when the separator is a semicolon, then a quoted cell after it is regular and the file is cut', () => {
    const text = `a;b\n${Array.from({ length: 300 }, (_, index) => `${index};"x;""y"""`).join('\n')}\n`;
    const file = write('semicolons.csv', text);
    const plan = planCsvFileParts(file, { encoding: 'windows-1252', delimiter: ';', maxParts: 3, minPartBytes: 64 });
    expect(plan.parts).toHaveLength(3);
    const rows = plan.parts.flatMap((part, index) => {
      const partRows = Papa.parse<string[]>(text.slice(part.start, part.end), { delimiter: ';', newline: '\n' }).data;
      return index < 2 ? partRows.slice(0, -1) : partRows;
    });
    expect(rows).toEqual(Papa.parse<string[]>(text, { delimiter: ';' }).data);
  });
});
