/**
 * Cuts a CSV file into parts that begin and end at row boundaries, so that several threads can
 * parse it at once (`read-survey-in-workers.ts`), each part exactly as papaparse would have read
 * it in one stream, and each knowing how many rows come before it (for spreadsheet row numbers).
 *
 * A byte offset is a row boundary when it follows a line ending that is outside quotes, so the
 * file is scanned from its start up to the last cut with a small RFC 4180 state machine. The
 * scan is conservative: anything papaparse would read in a way that differs from strict RFC 4180
 * (a quotation mark inside an unquoted cell, text after a closing quotation mark, a line ending
 * other than the header's) makes the file "irregular", and it is read in one part, as before.
 * Only encodings in which the quotation mark, separators and line endings are single ASCII bytes
 * that occur nowhere else (UTF-8 and Windows-1252) are cut; UTF-16 is read in one part.
 */
import fs from 'node:fs';
import type { CsvEncoding } from '../csv/decode-csv-bytes';
import type { CsvDelimiter } from '../csv/detect-delimiter';

export interface CsvFilePart {
  /** Byte offsets, `[start, end)`. */
  start: number;
  end: number;
  /** Rows before the part, the header included: papaparse's row index of the part's first row. */
  firstRow: number;
}

export type CsvNewline = '\n' | '\r\n';

export interface CsvFilePlan {
  parts: CsvFilePart[];
  /** The line ending every part is parsed with; undefined for one part (papaparse guesses, as before). */
  newline?: CsvNewline;
}

export interface PlanCsvFilePartsOptions {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** How many parts at most (threads that will read them). */
  maxParts: number;
  /** No part smaller than this: below a few megabytes a thread costs more than it saves. */
  minPartBytes: number;
  /** Bytes scanned at a time; default 1 MiB (tests use a few, so that every state crosses a block's end). */
  blockBytes?: number;
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SCAN_BLOCK_BYTES = 1024 * 1024;
/** Bytes read to find the header's line ending (as the import reads the header itself). */
const HEAD_BYTES = 256 * 1024;

function readHead(descriptor: number): Uint8Array {
  const head = Buffer.alloc(HEAD_BYTES);
  return head.subarray(0, fs.readSync(descriptor, head, 0, head.length, 0));
}

/** The header's line ending, from the file's first bytes; undefined for none or a lone CR. */
function headerNewline(bytes: Uint8Array): CsvNewline | undefined {
  let quoted = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && byte === LINE_FEED) return index > 0 && bytes[index - 1] === CARRIAGE_RETURN ? '\r\n' : '\n';
    else if (!quoted && byte === CARRIAGE_RETURN && bytes[index + 1] !== LINE_FEED && index + 1 < bytes.length) return undefined;
  }
  return undefined;
}

/**
 * Scans bytes block by block and records the first row boundary at or after each target offset.
 * `irregular` is set, and scanning stops, at the first byte strict RFC 4180 does not allow.
 *
 * Written for speed, since it reads most of the file before any thread can start: every byte
 * above the quotation mark (letters, digits, `,` and `;`) is passed over with one comparison, and
 * what must follow a quotation mark or carriage return is checked by looking one byte ahead
 * (across blocks, by a flag the next block checks first).
 */
class RowBoundaryScanner {
  irregular = false;
  readonly boundaries: Array<{ offset: number; rows: number }> = [];
  /** Offset of the block's first byte in the file. */
  private offset = 0;
  /** Line endings outside quotes so far: rows ended. */
  private rows = 0;
  private quoted = false;
  /** The block ended on a quotation mark inside a quoted cell: escaped ("") or closing, the next byte tells. */
  private quoteAtEnd = false;
  /** The block ended on a carriage return outside quotes: a line feed must follow. */
  private returnAtEnd = false;
  /** The last byte of the previous block; a line feed before the file's first byte. */
  private lastByte = LINE_FEED;

  constructor(
    private readonly delimiter: number,
    private readonly crlf: boolean,
    private readonly targets: readonly number[],
  ) {}

  get done(): boolean {
    return this.irregular || this.boundaries.length === this.targets.length;
  }

  /** Moves past bytes that are not CSV (a byte-order mark). */
  skip(bytes: number): void {
    this.offset += bytes;
  }

  scan(bytes: Uint8Array): void {
    const { delimiter, crlf, targets, boundaries } = this;
    const length = bytes.length;
    // The state in locals for the loop (a field access per byte costs twice the time), saved after.
    let { quoted, rows } = this;
    let index = 0;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (length > 0 && bytes[0] === QUOTE) index = 1; // an escaped quotation mark: still quoted
      else if (length > 0 && !this.endsCell(bytes[0])) return this.stop();
      else quoted = false;
    }
    if (this.returnAtEnd) {
      this.returnAtEnd = false;
      if (length > 0 && bytes[0] !== LINE_FEED) return this.stop();
    }
    for (; index < length; index += 1) {
      const byte = bytes[index];
      if (byte > QUOTE) continue;
      if (quoted) {
        if (byte !== QUOTE) continue;
        if (index + 1 === length) {
          this.quoteAtEnd = true;
          continue;
        }
        const next = bytes[index + 1];
        if (next === QUOTE) index += 1; // escaped
        else if (this.endsCell(next)) quoted = false;
        else return this.stop();
      } else if (byte === LINE_FEED) {
        if (crlf && (index > 0 ? bytes[index - 1] : this.lastByte) !== CARRIAGE_RETURN) return this.stop();
        rows += 1;
        const boundary = this.offset + index + 1;
        if (boundary >= targets[boundaries.length]) {
          boundaries.push({ offset: boundary, rows });
          if (boundaries.length === targets.length) return;
        }
      } else if (byte === CARRIAGE_RETURN) {
        if (!crlf) return this.stop();
        if (index + 1 === length) this.returnAtEnd = true;
        else if (bytes[index + 1] !== LINE_FEED) return this.stop();
      } else if (byte === QUOTE) {
        // A quotation mark opens a cell only right after a separator or a line ending.
        const previous = index > 0 ? bytes[index - 1] : this.lastByte;
        if (previous !== delimiter && previous !== LINE_FEED) return this.stop();
        quoted = true;
      }
    }
    this.quoted = quoted;
    this.rows = rows;
    if (length > 0) this.lastByte = bytes[length - 1];
    this.offset += length;
  }

  /** What may follow a closing quotation mark. */
  private endsCell(byte: number): boolean {
    return byte === this.delimiter || byte === LINE_FEED || byte === CARRIAGE_RETURN;
  }

  private stop(): void {
    this.irregular = true;
  }
}

/** The parts to read `file` in: one part unless the file is large, regular and in a byte-safe encoding. */
export function planCsvFileParts(file: string, options: PlanCsvFilePartsOptions): CsvFilePlan {
  const size = fs.statSync(file).size;
  const whole: CsvFilePlan = { parts: [{ start: 0, end: size, firstRow: 0 }] };
  const count = Math.min(options.maxParts, Math.floor(size / Math.max(1, options.minPartBytes)));
  if (count < 2 || (options.encoding !== 'utf-8' && options.encoding !== 'windows-1252')) return whole;

  const descriptor = fs.openSync(file, 'r');
  try {
    const head = readHead(descriptor);
    const newline = headerNewline(head);
    if (newline === undefined) return whole;
    const targets = Array.from({ length: count - 1 }, (_, index) => Math.floor((size * (index + 1)) / count));
    const scanner = new RowBoundaryScanner(options.delimiter.charCodeAt(0), newline === '\r\n', targets);
    // A byte-order mark is not part of the first cell (iconv-lite strips it, and so does the scan).
    const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    scanner.skip(bom);
    const block = Buffer.alloc(options.blockBytes ?? SCAN_BLOCK_BYTES);
    for (let position = bom, length = 1; length > 0 && !scanner.done; position += length) {
      length = fs.readSync(descriptor, block, 0, block.length, position);
      scanner.scan(block.subarray(0, length));
    }
    if (scanner.irregular || scanner.boundaries.length === 0) return whole;
    // A boundary can land on the end of the file (a last line longer than the part): drop such cuts.
    const cuts = scanner.boundaries.filter((boundary) => boundary.offset < size);
    if (cuts.length === 0) return whole;
    const starts = [{ offset: 0, rows: 0 }, ...cuts];
    const parts = starts.map((cut, index) => ({ start: cut.offset, end: starts[index + 1]?.offset ?? size, firstRow: cut.rows }));
    return { parts, newline };
  } finally {
    fs.closeSync(descriptor);
  }
}
