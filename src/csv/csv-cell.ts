/**
 * CSV for people who open it in a spreadsheet: text cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) get a leading apostrophe. Numbers stay numbers.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCsvCell(value: unknown): string | number | boolean {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows as CSV with the given columns in order; absent values are empty cells. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const data = rows.map((row) => columns.map((column) => neutraliseCsvCell(row[column])));
  return `${Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' })}\r\n`;
}
