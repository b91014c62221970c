/**
 * How a CSV file is written. Machine-readable files (the NGO pack) follow RFC 4180 with "." as
 * decimal mark. Files for people open in a spreadsheet: Excel in Germany and France splits lines
 * at ";" and reads "," as the decimal mark (a comma-separated file lands in one column and 97.5
 * becomes a date or text there), so for a German or French reader they use those; the upload reads
 * both (detect-delimiter.ts, coerce-record.ts).
 */
import type { Locale } from '../campaigns/types';

export interface CsvStyle {
  delimiter: ',' | ';';
  decimalMark: '.' | ',';
  /** UTF-8 byte-order mark, so Excel does not read the file in the machine's legacy code page. */
  byteOrderMark: boolean;
}

/** RFC 4180, "." decimals, no byte-order mark: for programs. */
export const RFC_4180: CsvStyle = { delimiter: ',', decimalMark: '.', byteOrderMark: false };

const SEMICOLON_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['de', 'fr']);

/** The style of a CSV a person downloads, in their language. */
export function spreadsheetCsvStyle(locale: Locale): CsvStyle {
  return SEMICOLON_LOCALES.has(locale) ? { delimiter: ';', decimalMark: ',', byteOrderMark: true } : { delimiter: ',', decimalMark: '.', byteOrderMark: true };
}
