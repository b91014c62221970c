/**
 * CSV for people who open it in a spreadsheet: text cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) get a leading apostrophe. Numbers stay numbers.
 */
import Papa from 'papaparse';
import { RFC_4180, type CsvStyle } from './csv-style';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCsvCell(value: unknown): string | number | boolean {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number with the style's decimal mark; a negative number is a number, not a formula. */
function styledCell(value: string | number | boolean, style: CsvStyle): string | number | boolean {
  return typeof value === 'number' && style.decimalMark === ',' ? String(value).replace('.', ',') : value;
}

/** Rows as CSV with the given columns in order; absent values are empty cells. RFC 4180 unless a style is given. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, style: CsvStyle = RFC_4180): string {
  const data = rows.map((row) => columns.map((column) => styledCell(neutraliseCsvCell(row[column]), style)));
  const body = `${Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', delimiter: style.delimiter })}\r\n`;
  return style.byteOrderMark ? `\ufeff${body}` : body;
}
