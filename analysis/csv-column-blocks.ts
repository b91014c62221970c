/**
 * The requested columns of a CSV file, a block of rows at a time, read from its bytes by
 * CsvBlockScanner while the file is plain (comma-separated, no quote or line break inside a
 * cell) and by papaparse from the first row that is not: the same cells either way.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { CsvBlockScanner } from './csv-block-scanner';
import type { Cell, ColumnBlock, RowBatch } from './types';

const BLOCK_BYTES = 1024 * 1024;
const NEWLINE = 10;
const QUOTE = 34;

/**
 * Parses the file with papaparse from byte `start`: a data row's start, given the header and the
 * data rows before, or 0 for the whole file (header included).
 */
export type ParsedBlocksFrom = (start: number, header: string[], rowsBefore: number) => Iterable<RowBatch>;

/** The end of the first line (its `\n`) outside quotes, or -1 when the bytes hold no complete line. */
function firstLineEnd(bytes: Buffer, start: number, end: number): number {
  let quoted = false;
  for (let index = start; index < end; index += 1) {
    const code = bytes[index];
    if (code === QUOTE) quoted = !quoted;
    else if (code === NEWLINE && !quoted) return index;
  }
  return -1;
}

function columnsOf(batch: RowBatch, positions: readonly number[]): ColumnBlock {
  const cells: Array<Array<Cell | undefined>> = positions.map(() => new Array<Cell | undefined>(batch.cells.length));
  batch.cells.forEach((row, index) => {
    positions.forEach((position, column) => {
      cells[column][index] = position < 0 ? undefined : row[position];
    });
  });
  return { rows: batch.cells.length, cells };
}

/**
 * A column asked for twice (e.g. an outcome that is also the stand-in for an absent group) is read
 * once and handed out at both places: the scanner keeps one slot per file column.
 */
export async function* csvColumnBlocks(file: string, header: string[], columns: readonly string[], parsedFrom: ParsedBlocksFrom): AsyncGenerator<ColumnBlock> {
  const distinct = [...new Set(columns)];
  if (distinct.length === columns.length) {
    yield* distinctColumnBlocks(file, header, columns, parsedFrom);
    return;
  }
  const slot = columns.map((column) => distinct.indexOf(column));
  for await (const block of distinctColumnBlocks(file, header, distinct, parsedFrom)) {
    yield { rows: block.rows, cells: slot.map((index) => block.cells[index]) };
  }
}

async function* distinctColumnBlocks(file: string, header: string[], columns: readonly string[], parsedFrom: ParsedBlocksFrom): AsyncGenerator<ColumnBlock> {
  const positions = columns.map((column) => header.indexOf(column));
  const descriptor = fs.openSync(file, 'r');
  let fallbackAt = -1;
  let rowsBefore = 0;
  reading: try {
    let buffer = Buffer.allocUnsafe(BLOCK_BYTES);
    let filled = fs.readSync(descriptor, buffer, 0, buffer.length, 0);
    /** The file position of buffer[0]. */
    let base = 0;
    const bom = filled >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    const headerEnd = firstLineEnd(buffer, bom, filled);
    if (headerEnd < 0) {
      // No data row, or a header line longer than a block: papaparse's path reads the file from its start.
      if (filled === buffer.length) fallbackAt = 0;
      break reading;
    }
    const crlf = headerEnd > bom && buffer[headerEnd - 1] === 13;
    // papaparse guesses the separator; only a comma-separated file is read from bytes.
    const guess = Papa.parse<string[]>(buffer.toString('utf8', bom, filled), { preview: 10 }).meta.delimiter;
    if (guess !== ',') {
      fallbackAt = headerEnd + 1;
      break reading;
    }
    const scanner = new CsvBlockScanner(file, header.length, positions, crlf);
    let consumed = headerEnd + 1;
    for (;;) {
      const last = buffer.lastIndexOf(NEWLINE, filled - 1);
      if (last >= consumed) {
        const { block, end, stopped } = scanner.scan(buffer, consumed, last + 1);
        if (block.rows > 0) yield block;
        if (stopped) {
          fallbackAt = base + end;
          rowsBefore = scanner.dataRows;
          break reading;
        }
        consumed = last + 1;
      }
      // Keep the incomplete line, read on after it; a line longer than the buffer grows it.
      buffer.copyWithin(0, consumed, filled);
      base += consumed;
      filled -= consumed;
      consumed = 0;
      if (filled === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const length = fs.readSync(descriptor, buffer, filled, buffer.length - filled, base + filled);
      if (length === 0) break;
      filled += length;
    }
    // The last line without a line break, unless it is only white space (as papaparse's path).
    if (filled > 0 && buffer.toString('utf8', 0, filled).trim() !== '') {
      const last = Buffer.concat([buffer.subarray(0, filled), Buffer.from(crlf ? '\r\n' : '\n')]);
      const { block, stopped } = scanner.scan(last, 0, last.length);
      if (block.rows > 0) yield block;
      if (stopped) {
        fallbackAt = base;
        rowsBefore = scanner.dataRows;
      }
    }
  } finally {
    fs.closeSync(descriptor);
  }
  if (fallbackAt >= 0) for (const batch of parsedFrom(fallbackAt, header, rowsBefore)) yield columnsOf(batch, positions);
}
