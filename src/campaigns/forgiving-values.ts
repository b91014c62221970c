/**
 * Reading what people actually type in a form or a spreadsheet: an answer may be the code
 * (`uber`) or the label the site shows ("Uber", "Männlich", "35–44") in English, German or
 * French, in any case, with or without accents; a month may be `2025-06`, `06/2025`, `06.2025`,
 * `Jun 2025` or `Juni 2025`; a full postcode keeps its first digits. Only the spelling changes:
 * what cannot be read is returned as undefined and the schema reports it against its field.
 * Runs on the server and in the browser preview (no Node APIs).
 */
import type { CampaignField } from './types';
import { dateTimeFormat } from '../i18n/intl-formats';

/** Lower case, accents removed, dashes unified (no spaces around them), spaces collapsed, quotes and a final dot dropped. */
export function plainWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/ ?- ?/g, '-')
    .replace(/^["'«»„“”\s]+|["'«»„“”\s]+$/g, '')
    .replace(/\.$/, '');
}

/** Spellings that name two different things are dropped: better refused than read wrongly. */
function unambiguous(pairs: Array<[string, string]>): Map<string, string> {
  const map = new Map<string, string>();
  const clashes = new Set<string>();
  for (const [spelling, value] of pairs) {
    if (spelling === '') continue;
    const known = map.get(spelling);
    if (known !== undefined && known !== value) clashes.add(spelling);
    else map.set(spelling, value);
  }
  for (const spelling of clashes) map.delete(spelling);
  return map;
}

/** Every way an enum answer may be written (code, or its label in any language), mapped to its code. */
export function enumSpellings(field: CampaignField): Map<string, string> {
  const codes = field.constraints.enum ?? [];
  const labelSets = [field.enumLabels, field.translations.de.enumLabels, field.translations.fr.enumLabels];
  const pairs: Array<[string, string]> = [];
  for (const code of codes) {
    pairs.push([plainWord(code), code]);
    for (const labels of labelSets) if (labels?.[code]) pairs.push([plainWord(labels[code]), code]);
  }
  return unambiguous(pairs);
}

const MONTH_LOCALES = ['en', 'de', 'fr'] as const;

/** Month names and abbreviations in English, German and French (from Intl, plus three-letter prefixes). */
function monthSpellings(): Map<string, number> {
  const pairs: Array<[string, string]> = [];
  for (let month = 0; month < 12; month += 1) {
    const date = new Date(Date.UTC(2000, month, 15));
    for (const locale of MONTH_LOCALES) {
      for (const style of ['long', 'short'] as const) {
        const name = plainWord(dateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(date));
        pairs.push([name, String(month + 1)]);
        if (name.length > 3) pairs.push([name.slice(0, 3), String(month + 1)]);
        if (name.length > 4) pairs.push([name.slice(0, 4), String(month + 1)]);
      }
    }
  }
  return new Map([...unambiguous(pairs)].map(([name, month]) => [name, Number(month)]));
}

let months: Map<string, number> | undefined;

function yearMonth(year: number, month: number): string | undefined {
  if (!Number.isInteger(month) || month < 1 || month > 12 || year < 1900 || year > 2999) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * A month as `YYYY-MM`, read from `2025-06`, `2025-6`, `06/2025`, `6.2025`, `06-2025`, `202506`,
 * `Jun 2025`, `juin 2025`, `2025 June`, or a full date (`2025-06-14`, `14.06.2025`, `14/06/2025`,
 * day first as in Germany and France: only its month is kept). Undefined when it is none of these.
 */
export function readMonth(text: string): string | undefined {
  const plain = plainWord(text);
  let match = /^(\d{4})[-/. ](\d{1,2})$/.exec(plain) ?? /^(\d{4})(\d{2})$/.exec(plain);
  if (match) return yearMonth(Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})[-/. ](\d{4})$/.exec(plain);
  if (match) return yearMonth(Number(match[2]), Number(match[1]));
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(plain);
  if (match) return yearMonth(Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(plain);
  if (match) return yearMonth(Number(match[3]), Number(match[2]));
  months ??= monthSpellings();
  match = /^([a-z]+)\.?[ -]*'?(\d{4})$/.exec(plain);
  if (match && months.has(match[1])) return yearMonth(Number(match[2]), months.get(match[1])!);
  match = /^(\d{4})[ -]+([a-z]+)\.?$/.exec(plain);
  if (match && months.has(match[2])) return yearMonth(Number(match[1]), months.get(match[2])!);
  return undefined;
}

/** `[0-9]{2}` or `\d{2}` (the dictionary's postcode region): the number of leading digits it keeps. */
export function digitPrefixLength(field: CampaignField): number | undefined {
  const pattern = field.constraints.pattern;
  const match = pattern === undefined ? null : /^\^?(?:\[0-9\]|\\d)\{(\d+)\}\$?$/.exec(pattern);
  return match ? Number(match[1]) : undefined;
}
