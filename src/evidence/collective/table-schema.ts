/**
 * The Frictionless Table Schema of `data/records.csv`: the dictionary's fields as exported. A
 * generalised quasi-identifier becomes a string without its enum (its values are now bands or
 * merged groups); booleans are written 1/0 and say so; every field may be empty (suppressed).
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
  if (field.constraints.enum) constraints.enum = field.constraints.enum;
  if (field.constraints.minimum !== undefined) constraints.minimum = field.constraints.minimum;
  if (field.constraints.maximum !== undefined) constraints.maximum = field.constraints.maximum;
  const exported: TableSchemaField = { name: field.name, type: field.type, title: field.title, description: field.description };
  if (Object.keys(constraints).length > 0) exported.constraints = constraints;
  if (field.type === 'boolean') {
    exported.trueValues = ['1'];
    exported.falseValues = ['0'];
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
