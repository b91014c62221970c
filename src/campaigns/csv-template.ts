/**
 * The CSV template of a campaign: the dictionary's field names as the header and one example
 * row, so a donor starts from a file the upload accepts. Written for a spreadsheet in the donor's
 * language (csv-style.ts): UTF-8 with a byte-order mark, because Excel reads a file without one in
 * the machine's legacy code page and mangles ä and é, and ";" with "," decimals in German and French.
 */
import { toCsv } from '../csv/csv-cell';
import { spreadsheetCsvStyle } from '../csv/csv-style';
import type { Campaign, Locale } from './types';

export function csvTemplate(campaign: Campaign, locale: Locale): string {
  const columns = campaign.schema.fields.map((field) => field.name);
  const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  return toCsv(columns, [example], spreadsheetCsvStyle(locale));
}
