/**
 * The report of the rows an import left out: one line per rejected row with its spreadsheet row
 * number, the columns at fault, the reasons, and the row's original cells, so the NGO can fix its
 * own file and import just those rows again. Written in the file's own separator, UTF-8 with a
 * byte-order mark (so Excel on Windows reads accents right), cells that a spreadsheet would run
 * as formulas neutralised. The file is created only when a first row is rejected, with mode 0600:
 * it holds survey answers.
 *
 * A file read in parts by several threads gets one report per part, without header, joined in
 * the parts' order at the end (`joinRejectsReports`).
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import type { CsvCellIssue } from '../csv/check-csv-row';
import type { CsvDelimiter } from '../csv/detect-delimiter';
import { neutraliseCsvCell } from '../csv/csv-cell';

/** checkCsvRow's messages start with "Row 5, column "x": "; the report has its own columns for that. */
const LOCATION_PREFIX = /^Row \d+, column "[^"]*": /;

export class RejectsReport {
  private descriptor: number | undefined;
  private rejectedRows = 0;

  private readonly header: boolean;

  constructor(
    readonly path: string,
    private readonly headerCells: readonly string[],
    private readonly delimiter: CsvDelimiter,
    options: { header?: boolean } = {},
  ) {
    this.header = options.header ?? true;
  }

  get count(): number {
    return this.rejectedRows;
  }

  /** Adds one rejected row; `row` is its spreadsheet number (the header is row 1). */
  add(row: number, issues: ReadonlyArray<Pick<CsvCellIssue, 'field' | 'message'>>, cells: readonly string[]): void {
    if (this.descriptor === undefined) this.open();
    const columns = [...new Set(issues.map((issue) => issue.field).filter((field): field is string => field !== undefined))];
    const reasons = issues.map((issue) => issue.message.replace(LOCATION_PREFIX, ''));
    this.writeLine([String(row), columns.join(', '), reasons.join('; '), ...cells]);
    this.rejectedRows += 1;
  }

  /** Creates the file with its header (unless made without one); `add` does it for the first row. */
  open(): void {
    this.descriptor = fs.openSync(this.path, 'w', 0o600);
    if (this.header) this.writeLine(['row', 'column', 'reason', ...this.headerCells], '\ufeff');
  }

  /** Appends a header-less part report's lines as they are. */
  append(partPath: string): void {
    if (this.descriptor === undefined) this.open();
    const block = Buffer.alloc(1024 * 1024);
    const source = fs.openSync(partPath, 'r');
    try {
      for (let length; (length = fs.readSync(source, block, 0, block.length, null)) > 0;) fs.writeSync(this.descriptor!, block, 0, length);
    } finally {
      fs.closeSync(source);
    }
  }

  close(): void {
    if (this.descriptor !== undefined) fs.closeSync(this.descriptor);
    this.descriptor = undefined;
  }

  private writeLine(cells: readonly string[], prefix = ''): void {
    const line = Papa.unparse([cells.map((cell) => neutraliseCsvCell(cell))], { delimiter: this.delimiter, newline: '\r\n' });
    fs.writeSync(this.descriptor!, `${prefix}${line}\r\n`);
  }
}

/**
 * Joins the parts' reports, in order, into one report at `path` with one header, and deletes
 * them. Parts that rejected nothing have no file; when none has, nothing is written.
 */
export function joinRejectsReports(path: string, partPaths: readonly string[], headerCells: readonly string[], delimiter: CsvDelimiter): void {
  const written = partPaths.filter((partPath) => fs.existsSync(partPath));
  if (written.length === 0) return;
  const report = new RejectsReport(path, headerCells, delimiter);
  try {
    for (const partPath of written) report.append(partPath);
  } finally {
    report.close();
    for (const partPath of written) fs.rmSync(partPath, { force: true });
  }
}
