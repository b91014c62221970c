/**
 * The CSV template of a campaign: the dictionary's field names as the header and one example
 * row, so a donor starts from a file the upload accepts. UTF-8 with a byte-order mark, because
 * Excel reads a file without one in the machine's legacy code page and mangles ä and é.
 */
import { toCsv } from '../csv/csv-cell';
import type { Campaign } from './types';

export function csvTemplate(campaign: Campaign): string {
  const columns = campaign.schema.fields.map((field) => field.name);
  const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  return `\ufeff${toCsv(columns, [example])}`;
}
