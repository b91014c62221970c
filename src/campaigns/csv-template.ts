/**
 * The CSV template of a campaign, made from its dictionary: a header and one example row. Without
 * a language it speaks the dictionary's codes (field names, enum values), for scripts; in a
 * donor's language it speaks as the site does — column titles, answer labels, yes/no words, and
 * for German and French a `;` separator and decimal commas, as their spreadsheets expect. The
 * upload reads both back to the same record. UTF-8 with a byte-order mark, because Excel reads
 * a file without one in the machine's legacy code page and mangles ä and é.
 */
import Papa from 'papaparse';
import { toCsv } from '../csv/csv-cell';
import { localizedField } from './localize';
import type { Campaign, CampaignField, Locale } from './types';

const YES_NO: Record<Locale, [string, string]> = { en: ['Yes', 'No'], de: ['Ja', 'Nein'], fr: ['Oui', 'Non'] };

function localizedExample(field: CampaignField, locale: Locale): string {
  const { example } = field;
  if (typeof example === 'boolean') return YES_NO[locale][example ? 0 : 1];
  if (typeof example === 'number') return locale === 'en' ? String(example) : String(example).replace('.', ',');
  return field.constraints.enum ? localizedField(field, locale).label(example) : example;
}

export function csvTemplate(campaign: Campaign, locale?: Locale): string {
  if (!locale) {
    const columns = campaign.schema.fields.map((field) => field.name);
    const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
    return `\ufeff${toCsv(columns, [example])}`;
  }
  const header = campaign.schema.fields.map((field) => localizedField(field, locale).title);
  const row = campaign.schema.fields.map((field) => localizedExample(field, locale));
  return `\ufeff${Papa.unparse({ fields: header, data: [row] }, { newline: '\r\n', delimiter: locale === 'en' ? ',' : ';' })}\r\n`;
}
