/**
 * The official Frictionless v1 JSON Schemas in tests/fixtures/frictionless (draft-04), compiled
 * once with Ajv, and a reader that checks a CSV table's cells against its Table Schema (types,
 * required, enum, minimum, maximum, pattern): the JSON Schemas check descriptors, not data.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';

const directory = path.join(__dirname, '../fixtures/frictionless');
// strict: false because the official schemas carry documentation keywords (propertyOrder, context, options).
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// A hint for form editors in the official schemas (descriptions), not a check.
ajv.addFormat('textarea', true);

const compile = (file: string) => ajv.compile(JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')));
const validators = { dataPackage: compile('data-package.json'), tabularDataResource: compile('tabular-data-resource.json'), tableSchema: compile('table-schema.json') };

/** The profile's errors as "path: message" lines; empty when the descriptor is valid. */
export function profileErrors(profile: keyof typeof validators, descriptor: unknown): string[] {
  const validate = validators[profile];
  return validate(descriptor) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message}`);
}

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number; pattern?: string };
  trueValues?: string[];
  falseValues?: string[];
}

const LEXICAL: Record<string, RegExp> = {
  integer: /^[+-]?\d+$/,
  number: /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|NaN|INF|-INF)$/,
  yearmonth: /^\d{4}-(0[1-9]|1[0-2])$/,
};

/** Every cell of `csv` that breaks its field's declared type or constraints, as "row N, column: problem". */
export function tableProblems(csv: string, schema: { fields: Field[]; missingValues?: string[] }): string[] {
  const parsed = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const problems: string[] = [];
  const names = schema.fields.map((field) => field.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) problems.push(`header ${JSON.stringify(header)} is not the schema's fields ${JSON.stringify(names)}`);
  const missing = new Set(schema.missingValues ?? ['']);
  rows.forEach((row, index) => {
    schema.fields.forEach((field, column) => {
      const cell = row[column] ?? '';
      const where = `row ${index + 2}, ${field.name}`;
      if (missing.has(cell)) {
        if (field.constraints?.required) problems.push(`${where}: required but empty`);
        return;
      }
      if (field.type === 'boolean') {
        const values = [...(field.trueValues ?? ['true', 'True', 'TRUE', '1']), ...(field.falseValues ?? ['false', 'False', 'FALSE', '0'])];
        if (!values.includes(cell)) problems.push(`${where}: "${cell}" is not a boolean`);
        return;
      }
      const lexical = LEXICAL[field.type];
      if (lexical && !lexical.test(cell)) problems.push(`${where}: "${cell}" is not a ${field.type}`);
      const constraints = field.constraints ?? {};
      if (constraints.enum && !constraints.enum.includes(cell)) problems.push(`${where}: "${cell}" is not in the enum`);
      if (constraints.pattern && !new RegExp(`^(?:${constraints.pattern})$`).test(cell)) problems.push(`${where}: "${cell}" does not match the pattern`);
      if (constraints.minimum !== undefined && Number(cell) < constraints.minimum) problems.push(`${where}: ${cell} is below the minimum`);
      if (constraints.maximum !== undefined && Number(cell) > constraints.maximum) problems.push(`${where}: ${cell} is above the maximum`);
    });
  });
  return problems;
}
