/**
 * The Frictionless Table Schema of `data/records.csv`: the dictionary's fields as exported, with
 * the dictionary's constraints (`required`, `enum`, `minimum`, `maximum`, `pattern`). A generalised
 * quasi-identifier becomes a string without its constraints (its values are now bands or merged
 * groups, empty at the last level); booleans are written 1/0 and say so.
 */
import type { CampaignField } from '../../campaigns/types';
import { ROW_ID_COLUMN } from './pack-records';

export interface TableSchemaField {
  name: string;
  type: string;
  title: string;
  description: string;
  constraints?: Record<string, unknown>;
  trueValues?: string[];
  falseValues?: string[];
  /** A special category of data (GDPR Art. 9): the NGO receiving it must treat it as such. */
  specialCategory?: true;
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues: string[];
}

function exportedField(field: CampaignField, level: number): TableSchemaField {
  const exported = exportedAtLevel(field, level);
  return field.specialCategory ? { ...exported, specialCategory: true } : exported;
}

function exportedAtLevel(field: CampaignField, level: number): TableSchemaField {
  if (level > 0) {
    return { name: field.name, type: 'string', title: field.title, description: `${field.description} Generalised for publication (level ${level}); empty where hidden.` };
  }
  const constraints: Record<string, unknown> = {};
  // Rows are dropped whole for k-anonymity, never emptied at level 0: a required field stays filled.
  if (field.constraints.required) constraints.required = true;
  if (field.constraints.enum) constraints.enum = field.constraints.enum;
  if (field.constraints.minimum !== undefined) constraints.minimum = field.constraints.minimum;
  if (field.constraints.maximum !== undefined) constraints.maximum = field.constraints.maximum;
  if (field.constraints.pattern !== undefined) constraints.pattern = field.constraints.pattern;
  const exported: TableSchemaField = { name: field.name, type: field.type, title: field.title, description: field.description };
  if (Object.keys(constraints).length > 0) exported.constraints = constraints;
  if (field.type === 'boolean') {
    exported.trueValues = ['1'];
    exported.falseValues = ['0'];
    exported.description = `${field.description} Written 1 (yes) or 0 (no).`;
  }
  return exported;
}

export function recordsTableSchema(fields: readonly CampaignField[], levels: Record<string, number>): TableSchema {
  return {
    fields: [
      { name: ROW_ID_COLUMN, type: 'string', title: 'Row id', description: 'A random id for this row, made for this pack; it links to nothing else.', constraints: { required: true, unique: true } },
      ...fields.map((field) => exportedField(field, levels[field.name] ?? 0)),
    ],
    missingValues: [''],
  };
}
