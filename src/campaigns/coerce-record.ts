/**
 * Turns text input (HTML form values, CSV cells) into the typed values the record schema checks.
 * Only the spelling changes: what cannot be read is passed on unchanged, so the schema reports
 * it against the right field. Unknown keys are kept, so `.strict()` still refuses them.
 *
 * Forgiving, because donors type what the site shows them: enum answers as codes or as labels
 * in any of the three languages, any case, with or without accents; months in the usual forms;
 * decimal commas; yes/no words in three languages; a full postcode for a postcode region.
 */
import { digitPrefixLength, enumSpellings, plainWord, readMonth } from './forgiving-values';
import type { CampaignField } from './types';

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'ja', 'j', 'oui', 'o', 'on', 'x', 'wahr', 'vrai']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'nein', 'non', 'off', 'falsch', 'faux']);
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const YEAR_MONTH = /^\d{4}-\d{2}$/;

type Reader = (text: string) => unknown;

/** One reader per field, built once per campaign (bulk uploads read thousands of cells). */
function readerFor(field: CampaignField): Reader {
  switch (field.type) {
    case 'integer':
    case 'number':
      // A decimal comma is how Germans and French write numbers; "85 %" is a number too.
      return (text) => {
        // The common case first and cheaply: bulk imports read millions of these.
        if (NUMBER.test(text)) return Number(text.replace(',', '.'));
        const compact = text.replace(/[\s\u00a0]+/g, '').replace(/%$/, '');
        return NUMBER.test(compact) ? Number(compact.replace(',', '.')) : text;
      };
    case 'boolean':
      return (text) => {
        const lower = text.toLowerCase();
        if (TRUE_WORDS.has(lower)) return true;
        if (FALSE_WORDS.has(lower)) return false;
        const word = plainWord(text);
        if (TRUE_WORDS.has(word)) return true;
        if (FALSE_WORDS.has(word)) return false;
        return text;
      };
    case 'yearmonth':
      return (text) => (YEAR_MONTH.test(text) ? text : readMonth(text) ?? text);
    default: {
      if (field.constraints.enum) {
        const codes = new Set(field.constraints.enum);
        const spellings = enumSpellings(field);
        return (text) => (codes.has(text) ? text : spellings.get(plainWord(text)) ?? text);
      }
      const digits = digitPrefixLength(field);
      // A postcode region is its first digits: a full postcode is cut, not refused (principle 2, collect the minimum).
      if (digits !== undefined) return (text) => (/^\d+$/.test(text) && text.length > digits && text.length <= 5 ? text.slice(0, digits) : text);
      return (text) => text;
    }
  }
}

/** A coercer for one campaign's fields; the field lookup is built once, not per record (bulk imports). */
export function recordCoercer(fields: readonly CampaignField[], missingValues: readonly string[]): (raw: Record<string, unknown>) => Record<string, unknown> {
  const readers = new Map(fields.map((field) => [field.name, readerFor(field)]));
  const missing = new Set(missingValues);
  return (raw) => coerceWith(readers, missing, raw);
}

function coerceWith(readers: ReadonlyMap<string, Reader>, missingValues: ReadonlySet<string>, raw: Record<string, unknown>): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(raw)) {
    const read = readers.get(key);
    if (typeof value !== 'string' || !read) {
      entries.push([key, value]);
      continue;
    }
    const text = value.trim();
    if (text === '' || missingValues.has(text)) continue;
    entries.push([key, read(text)]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays a key the schema refuses.
  return Object.fromEntries(entries);
}
