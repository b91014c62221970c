import fs from 'node:fs';
import path from 'node:path';
import { campaignFileSchema } from '../../../src/campaigns/dictionary-file-schema';

const credit = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../data-dictionary/credit-scores.json'), 'utf8'));

function issuesWith(change: (fields: any[]) => void): string[] {
  const copy = structuredClone(credit);
  change(copy.schema.fields);
  const parsed = campaignFileSchema.safeParse(copy);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const at = (fields: any[], name: string) => fields.find((field) => field.name === name);
const index = (name: string) => credit.schema.fields.findIndex((field: any) => field.name === name);

describe('dictionary keys for letters', () => {
  test('when the shipped dictionary maps bureaus to recipients with a direction and a unit, then it is valid', () => {
    expect(issuesWith(() => undefined)).toEqual([]);
  });

  test('when a recipients map names an answer the field does not have, then the issue names the answer', () => {
    expect(issuesWith((fields) => { at(fields, 'bureau').recipients.boniversum = 'creditreform-boniversum'; })).toEqual([`schema.fields.${index('bureau')}.recipients.boniversum: "boniversum" is not one of the field's enum values`]);
  });

  test('when a yes/no outcome says favourable, or a text field has a unit, then each is refused naming the key', () => {
    expect(issuesWith((fields) => { at(fields, 'application_refused').favourable = 'lower'; })).toEqual([`schema.fields.${index('application_refused')}.favourable: only a number outcome says which direction is favourable (a yes/no outcome says harmful)`]);
    expect(issuesWith((fields) => { at(fields, 'bureau').unit = { label: { en: 'x', de: 'x', fr: 'x' } }; })).toEqual([`schema.fields.${index('bureau')}.unit: only a number field can have a unit`]);
  });
});
