/**
 * The CSV template of a campaign, made from its dictionary: a header and one example row, written
 * for a spreadsheet in the donor's language (csv-style.ts): UTF-8 with a byte-order mark, because
 * Excel reads a file without one in the machine's legacy code page and mangles ä and é, and ";"
 * with "," decimals in German and French. By default it speaks the dictionary's codes (field
 * names, enum values); with `labels` it speaks as the site does — column titles, answer labels,
 * yes/no words — which the upload reads back to the same record.
 */
import { toCsv } from '../csv/csv-cell';
import { spreadsheetCsvStyle } from '../csv/csv-style';
import { localizedField } from './localize';
import type { Campaign, CampaignField, Locale } from './types';

const YES_NO: Record<Locale, [string, string]> = { en: ['Yes', 'No'], de: ['Ja', 'Nein'], fr: ['Oui', 'Non'] };

function labelledExample(field: CampaignField, locale: Locale): string | number {
  const { example } = field;
  if (typeof example === 'boolean') return YES_NO[locale][example ? 0 : 1];
  if (typeof example === 'number') return example;
  return field.constraints.enum ? localizedField(field, locale).label(example) : example;
}

export function csvTemplate(campaign: Campaign, locale: Locale, options: { labels?: boolean } = {}): string {
  const style = spreadsheetCsvStyle(locale);
  if (!options.labels) {
    const columns = campaign.schema.fields.map((field) => field.name);
    const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
    return toCsv(columns, [example], style);
  }
  const titles = campaign.schema.fields.map((field) => localizedField(field, locale).title);
  const example = Object.fromEntries(campaign.schema.fields.map((field, position) => [titles[position], labelledExample(field, locale)]));
  return toCsv(titles, [example], style);
}
