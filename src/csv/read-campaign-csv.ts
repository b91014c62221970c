/**
 * A donor's whole CSV file, read as a campaign's records: decoded (UTF-8, Windows-1252,
 * UTF-16), split on its own separator, the header matched to the fields, every row checked.
 * Row problems are returned, not thrown, so the form can show them in a table where the donor
 * removes rows; the API refuses the file when any remain. What cannot be a donation at all
 * (not text, unknown columns, too many rows) is thrown.
 */
import Papa from 'papaparse';
import type { Campaign, RecordValues } from '../campaigns/types';
import { matchCsvColumns, type CsvColumns } from './campaign-csv-columns';
import { checkCsvRow, spreadsheetRow, type CsvCellIssue } from './check-csv-row';
import { csvError } from './csv-error';
import { decodeCsvBytes, type CsvEncoding } from './decode-csv-bytes';
import { detectDelimiter, type CsvDelimiter } from './detect-delimiter';

export interface CampaignCsv {
  encoding: CsvEncoding;
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
 * Parses CSV text that is already decoded.
 * @throws AppError 400 for a file without a header or with unknown columns or broken quotes,
 *   413 `too_many_records` when it holds more than `maxRecords` rows
 */
export function readCampaignCsvText(campaign: Campaign, text: string, maxRecords: number = campaign.maxRecords): Omit<CampaignCsv, 'encoding'> {
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const broken = parsed.errors.find((error) => error.code === 'MissingQuotes' || error.code === 'InvalidQuotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    throw csvError(`Row ${row} has a quotation mark (") that is never closed, so the rest of the file cannot be read.`, [{ path: ['records', 'row', row], message: 'Unclosed quotation mark' }]);
  }
  const [header, ...body] = parsed.data;
  if (!header || isBlank(header)) throw csvError('The first row of the file must name the columns.', [{ path: ['records', 'header'], message: 'Missing header' }]);
  const columns = matchCsvColumns(campaign, header);
  // Blank lines (a trailing newline, an empty spreadsheet row) are no records.
  const rows = body.filter((cells) => !isBlank(cells));
  if (rows.length === 0) throw csvError('The file has a header but no records.', [{ path: ['records'], message: 'No records' }]);
  if (rows.length > maxRecords) {
    throw csvError(`The file has ${rows.length} records; one donation holds at most ${maxRecords}. Split it into several files.`,
      [{ path: ['records'], message: `At most ${maxRecords} records` }], 413, 'too_many_records');
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

/** Decodes and reads an uploaded file. @throws as `decodeCsvBytes` and `readCampaignCsvText` */
export function readCampaignCsv(campaign: Campaign, bytes: Uint8Array, maxRecords?: number): CampaignCsv {
  const { text, encoding } = decodeCsvBytes(bytes);
  return { encoding, ...readCampaignCsvText(campaign, text, maxRecords) };
}

/** The file's row problems as the API's error issues: path `records[index].field`, plus the spreadsheet row. */
export function csvIssuesAsErrorIssues(issues: readonly CsvCellIssue[]) {
  return issues.map((issue) => ({
    path: ['records', issue.index, ...(issue.field ? [issue.field] : [])] as Array<string | number>,
    row: issue.row,
    message: issue.message,
  }));
}

export { spreadsheetRow };
