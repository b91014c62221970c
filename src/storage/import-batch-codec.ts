/**
 * The stored form of an import batch's records (migration 005), about half the size of one JSON
 * object per record: a layout names the fields once, in the order of each record's values, and
 * lists each enum field's levels, so that an enum value is stored as its level's position. Then
 * one JSON array of values per record, `null` where the record has no answer (a stored record
 * never holds null otherwise: the record schema has no nullable field).
 *
 *   layout_json  {"fields":["platform","month","adverse"],"levels":{"platform":["uber","bolt"]}}
 *   records_json [[0,"2025-01",false],[1,null,true]]
 *
 * The layout travels with the batch, so a later version of the campaign that adds, removes or
 * reorders levels cannot change what a stored batch means. The import's fast path writes the same
 * text cell by cell (`fast-record-reader.ts`); a property test holds it to `encodeRecordValues`.
 */
import type { Campaign } from '../campaigns/types';

export type StoredValues = Record<string, string | number | boolean>;

export interface BatchLayout {
  /** The field names, in the order of each record's values. */
  fields: string[];
  /** Each enum field's levels; its values are stored as positions in this list. */
  levels: Record<string, string[]>;
}

/** The layout of a batch of the campaign's records with these fields (the file's columns). */
export function batchLayout(campaign: Campaign, fieldNames: readonly string[]): BatchLayout {
  const levels: Record<string, string[]> = {};
  for (const field of campaign.schema.fields) {
    if (fieldNames.includes(field.name) && field.constraints.enum) levels[field.name] = [...field.constraints.enum];
  }
  return { fields: [...fieldNames], levels };
}

/** One record as its value array's JSON text, e.g. `[0,null,false]`. */
export function encodeRecordValues(layout: BatchLayout, record: Readonly<StoredValues>): string {
  const values = layout.fields.map((name) => {
    const value = record[name];
    if (value === undefined) return 'null';
    const levels = layout.levels[name];
    if (levels === undefined) return JSON.stringify(value);
    const position = levels.indexOf(String(value));
    if (position < 0) throw new Error(`"${String(value)}" is not a level of ${name}`);
    return String(position);
  });
  return `[${values.join(',')}]`;
}

/** A batch's records as objects, absent answers left out as they are in a donated record. */
export function decodeImportBatch(layoutJson: string, recordsJson: string): StoredValues[] {
  const { fields, levels } = JSON.parse(layoutJson) as BatchLayout;
  const levelsByPosition = fields.map((name) => levels[name]);
  const rows = JSON.parse(recordsJson) as Array<Array<string | number | boolean | null>>;
  return rows.map((values) => {
    const record: StoredValues = {};
    for (let index = 0; index < fields.length; index += 1) {
      const value = values[index];
      if (value === null || value === undefined) continue;
      const fieldLevels = levelsByPosition[index];
      record[fields[index]] = fieldLevels === undefined ? value : fieldLevels[value as number];
    }
    return record;
  });
}
