/**
 * A byte-level reader of the plain CSV most data files are: comma-separated, one line per row,
 * cells unquoted or quoted without quotes or line breaks inside. It picks only the requested
 * columns, reads plain numbers straight from the bytes (see plain-number-bytes.ts) and makes one
 * string per distinct level (text-interner.ts), so a row costs no array and most cells no string:
 * papaparse's general parser, an array per row and a string per cell were most of the time and
 * garbage of the analyses on large files.
 *
 * It reads what papaparse reads for such lines (same cells, same empty lines skipped, `\r\n` or
 * `\n` line ends, the same error for a row longer than the header) and stops at the first row it
 * cannot read simply — a quote inside a cell, a line break inside quotes, mixed line ends — so
 * that the caller hands the rest of the file to papaparse.
 */
import { AnalysisError } from './analysis-error';
import { plainNumberAt } from './plain-number-bytes';
import { TextInterner } from './text-interner';
import type { Cell, ColumnBlock } from './types';

const COMMA = 44;
const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

export interface ScannedBlock {
  block: ColumnBlock;
  /** Where reading stopped: the end of the bytes, or the start of the row it could not read. */
  end: number;
  /** True when it stopped at a row that needs the full CSV parser. */
  stopped: boolean;
}

export class CsvBlockScanner {
  /** Per file column: its place among the requested columns, or -1. */
  private readonly wanted: Int32Array;
  private readonly interners: TextInterner[];
  private readonly width: number;
  /** Data rows read so far (empty lines not counted), for the error naming a row. */
  dataRows = 0;

  /**
   * @param positions each requested column's index in the header (-1 when the file lacks it).
   * @param crlf whether lines end in `\r\n` (else `\n`), as the header's line does.
   */
  constructor(private readonly file: string, private readonly headerLength: number, positions: readonly number[], private readonly crlf: boolean) {
    this.width = positions.length;
    this.wanted = new Int32Array(headerLength).fill(-1);
    positions.forEach((position, index) => {
      if (position >= 0) this.wanted[position] = index;
    });
    this.interners = positions.map(() => new TextInterner());
  }

  /** Reads the rows of `bytes[start, end)`, which must end just after a line break. */
  scan(bytes: Buffer, start: number, end: number): ScannedBlock {
    const cells: Array<Array<Cell | undefined>> = Array.from({ length: this.width }, () => []);
    const { wanted, headerLength, crlf } = this;
    let rows = 0;
    let position = start;
    while (position < end) {
      const lineStart = position;
      let code = bytes[position];
      if (code === NEWLINE) {
        position += 1;
        continue;
      }
      if (crlf && code === RETURN && bytes[position + 1] === NEWLINE) {
        position += 2;
        continue;
      }
      let column = 0;
      let simple = true;
      let emptyCell = false;
      for (;;) {
        let cellStart = position;
        let cellEnd: number;
        code = bytes[position];
        if (code === QUOTE) {
          cellStart = position + 1;
          position = cellStart;
          for (code = bytes[position]; code !== QUOTE && code !== NEWLINE; code = bytes[++position]);
          if (code !== QUOTE) {
            simple = false;
            break;
          }
          cellEnd = position;
          position += 1;
          code = bytes[position];
          if (crlf ? code === RETURN && bytes[position + 1] === NEWLINE : code === NEWLINE) {
            if (crlf) position += 1;
            code = NEWLINE;
          } else if (code !== COMMA) {
            simple = false;
            break;
          }
        } else {
          for (; code !== COMMA && code !== NEWLINE; code = bytes[++position]) {
            if (code === QUOTE) break;
          }
          if (code === QUOTE) {
            simple = false;
            break;
          }
          cellEnd = position;
          if (code === NEWLINE) {
            // A line ending unlike the header's: papaparse may split the block otherwise.
            const returned = position > cellStart && bytes[position - 1] === RETURN;
            if (returned !== crlf) {
              simple = false;
              break;
            }
            if (crlf) cellEnd -= 1;
          }
        }
        emptyCell = cellEnd === cellStart;
        if (column < headerLength) {
          const target = wanted[column];
          if (target >= 0) cells[target].push(this.cellAt(bytes, cellStart, cellEnd, target));
        }
        column += 1;
        position += 1;
        if (code === NEWLINE) break;
      }
      if (!simple) {
        for (const column of cells) column.length = rows;
        return { block: { rows, cells }, end: lineStart, stopped: true };
      }
      if (column === 1 && emptyCell) {
        // `""` alone on a line: papaparse skips it as an empty line.
        for (const column of cells) column.length = rows;
        continue;
      }
      this.dataRows += 1;
      if (column > headerLength) throw new AnalysisError(`${this.file}: data row ${this.dataRows} has more cells than the header.`);
      for (let target = 0; target < cells.length; target += 1) if (cells[target].length === rows) cells[target].push(undefined);
      rows += 1;
    }
    return { block: { rows, cells }, end, stopped: false };
  }

  private cellAt(bytes: Buffer, start: number, end: number, target: number): Cell {
    const length = end - start;
    if (length === 0) return '';
    const first = bytes[start];
    if (length === 2 && first === 78 && bytes[start + 1] === 65) return 'NA';
    if ((first >= ZERO && first <= NINE) || first === MINUS) {
      const value = plainNumberAt(bytes, start, end);
      if (value === value) return value;
      // Mostly a number written otherwise (1.50): rarely repeated, so not worth interning.
      return bytes.toString('utf8', start, end);
    }
    return this.interners[target].textAt(bytes, start, end);
  }
}

