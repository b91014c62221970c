/**
 * Turns text input (HTML form values, CSV cells) into the typed values the record schema checks.
 * Only the spelling changes: what cannot be read is passed on unchanged, so the schema reports
 * it against the right field. Unknown keys are kept, so `.strict()` still refuses them.
 */
import type { CampaignField } from './types';

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'ja', 'j', 'oui', 'o', 'on', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'nein', 'non', 'off']);
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

function coerceValue(field: CampaignField, text: string): unknown {
  switch (field.type) {
    case 'integer':
    case 'number':
      // A decimal comma is how Germans and French write numbers.
      return NUMBER.test(text) ? Number(text.replace(',', '.')) : text;
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      return text;
    }
    default:
      return text;
  }
}

/** A coercer for one campaign's fields; the field lookup is built once, not per record (bulk imports). */
export function recordCoercer(fields: readonly CampaignField[], missingValues: readonly string[]): (raw: Record<string, unknown>) => Record<string, unknown> {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const missing = new Set(missingValues);
  return (raw) => coerceWith(byName, missing, raw);
}

function coerceWith(byName: ReadonlyMap<string, CampaignField>, missingValues: ReadonlySet<string>, raw: Record<string, unknown>): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = byName.get(key);
    if (typeof value !== 'string' || !field) {
      entries.push([key, value]);
      continue;
    }
    const text = value.trim();
    if (text === '' || missingValues.has(text)) continue;
    entries.push([key, coerceValue(field, text)]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays a key the schema refuses.
  return Object.fromEntries(entries);
}
