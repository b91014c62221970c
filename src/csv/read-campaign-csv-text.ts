/**
 * CSV text read as a campaign's records: split on its own separator, the header matched to the
 * fields, every row checked. Row problems are returned, not thrown, so the form can show them in
 * a table where the donor removes rows; the API refuses the file when any remain. What cannot be
 * a donation at all (no header, unknown columns, broken quotes, too many rows) is thrown.
 * Pure: the donation form's browser script runs this same code before anything is sent.
 */
import Papa from 'papaparse';
import type { RecordValues } from '../campaigns/types';
import { matchCsvColumns, type CsvColumns } from './campaign-csv-columns';
import { checkCsvRow, type CsvCellIssue } from './check-csv-row';
import type { CsvCampaign } from './csv-campaign';
import { CsvFormatError } from './csv-error';
import { detectDelimiter, type CsvDelimiter } from './detect-delimiter';

export interface CampaignCsvText {
  delimiter: CsvDelimiter;
  columns: CsvColumns;
  /** Every non-blank row's cells as typed, in file order (for a review table). */
  rows: string[][];
  /** The valid records, and for invalid rows undefined, index for index with `rows`. */
  records: Array<RecordValues | undefined>;
  issues: CsvCellIssue[];
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * @throws CsvFormatError 400 for a file without a header or records, with unknown columns or
 *   broken quotes; 413 `too_many_records` when it holds more than `maxRecords` rows
 */
export function readCampaignCsvText(campaign: CsvCampaign, text: string, maxRecords: number = campaign.maxRecords): CampaignCsvText {
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const broken = parsed.errors.find((error) => error.code === 'MissingQuotes' || error.code === 'InvalidQuotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    throw new CsvFormatError('unclosed-quote', `Row ${row} has a quotation mark (") that is never closed, so the rest of the file cannot be read.`, [{ path: ['records', 'row', row], message: 'Unclosed quotation mark' }], { row });
  }
  const [header, ...body] = parsed.data;
  if (!header || isBlank(header)) throw new CsvFormatError('no-header', 'The first row of the file must name the columns.', [{ path: ['records', 'header'], message: 'Missing header' }]);
  const columns = matchCsvColumns(campaign, header);
  // Blank lines (a trailing newline, an empty spreadsheet row) are no records.
  const rows = body.filter((cells) => !isBlank(cells));
  if (rows.length === 0) throw new CsvFormatError('no-records', 'The file has a header but no records.', [{ path: ['records'], message: 'No records' }]);
  if (rows.length > maxRecords) {
    throw new CsvFormatError('too-many-records', `The file has ${rows.length} records; one donation holds at most ${maxRecords}. Split it into several files.`,
      [{ path: ['records'], message: `At most ${maxRecords} records` }], { count: rows.length, max: maxRecords });
  }
  const records: Array<RecordValues | undefined> = [];
  const issues: CsvCellIssue[] = [];
  rows.forEach((cells, index) => {
    const check = checkCsvRow(campaign, columns, cells, index);
    records.push(check.record);
    if (check.issues) issues.push(...check.issues);
  });
  return { delimiter, columns, rows, records, issues };
}
