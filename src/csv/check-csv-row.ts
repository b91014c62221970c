/**
 * One CSV row checked as a record: the cells are read like form text (decimal commas, yes/ja/oui,
 * blanks for "no answer") and checked by the campaign's own zod record schema — the same schema
 * the JSON API uses — so a CSV donation is valid exactly when the same records sent as JSON are.
 */
import type { RecordValues } from '../campaigns/types';
import type { CsvColumns } from './campaign-csv-columns';
import type { CsvCampaign } from './csv-campaign';

export interface CsvCellIssue {
  /** The row as a spreadsheet numbers it: the header is row 1, the first record row 2. */
  row: number;
  /** Position among the records, from 0: the JSON API's `records[index]`. */
  index: number;
  /** The column, when the problem is one cell. */
  field?: string;
  /** zod's code (`invalid_type`, `too_big` …), so pages can say it in the donor's language. */
  code?: string;
  /** The cell as read (a number, yes/no as true/false), or undefined when it was empty: a missing answer. */
  input?: unknown;
  message: string;
}

export type CsvRowCheck = { record: RecordValues; issues?: undefined } | { record?: undefined; issues: CsvCellIssue[] };

/** The spreadsheet's row number of the record at `index`. */
export function spreadsheetRow(index: number): number {
  return index + 2;
}

export function checkCsvRow(campaign: CsvCampaign, columns: CsvColumns, cells: readonly string[], index: number): CsvRowCheck {
  const row = spreadsheetRow(index);
  if (cells.length > columns.length && cells.slice(columns.length).some((cell) => cell.trim() !== '')) {
    return { issues: [{ row, index, message: `Row ${row} has ${cells.length} cells, but the header names ${columns.length} columns. Check for a separator inside a value.` }] };
  }
  const raw: Record<string, string> = {};
  columns.forEach((field, position) => {
    raw[field.name] = cells[position] ?? '';
  });
  // reportInput: a wrong answer and a missing one get different messages.
  const parsed = campaign.recordSchema.safeParse(campaign.coerceRecord(raw), { reportInput: true });
  if (parsed.success) return { record: parsed.data };
  return {
    issues: parsed.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
      return { row, index, field, code: issue.code, input: issue.input, message: `Row ${row}, column "${field ?? '?'}": ${issue.message}` };
    }),
  };
}
