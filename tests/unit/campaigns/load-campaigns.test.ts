import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DICTIONARY_DIRECTORY, loadCampaigns } from '../../../src/campaigns/load-campaigns';

type Definition = Record<string, any>;

describe('loading campaign files', () => {
  const original: Definition = JSON.parse(fs.readFileSync(path.join(DEFAULT_DICTIONARY_DIRECTORY, 'credit-scores.json'), 'utf8'));
  let directory: string;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-dictionary-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  function loadBroken(change: (definition: Definition) => void, fileName = 'credit-scores.json'): () => void {
    const definition = structuredClone(original);
    change(definition);
    fs.writeFileSync(path.join(directory, fileName), JSON.stringify(definition, null, 2));
    return () => loadCampaigns(directory);
  }

  const fieldIndex = (name: string) => original.schema.fields.findIndex((field: Definition) => field.name === name);

  test.each([
    ['an unknown field type', (d: Definition) => { d.schema.fields[0].type = 'colour'; }, /credit-scores\.json: schema\.fields\[0\]\.type/],
    ['an unknown role', (d: Definition) => { d.schema.fields[1].role = 'secret'; }, /schema\.fields\[1\]\.role/],
    ['an enum that is not a list', (d: Definition) => { d.schema.fields[1].constraints.enum = 'schufa'; }, /schema\.fields\[1\]\.constraints\.enum/],
    ['a missing German translation', (d: Definition) => { delete d.schema.fields[2].translations.de; }, /schema\.fields\[2\]\.translations\.de/],
    ['a missing French enum label', (d: Definition) => { delete d.schema.fields[1].translations.fr.enumLabels.crif; }, /schema\.fields\[1\]\.translations\.fr\.enumLabels\.crif: missing a label for "crif"/],
    ['an empty description', (d: Definition) => { d.schema.fields[3].description = ' '; }, /schema\.fields\[3\]\.description: must not be empty/],
    ['a duplicate field name', (d: Definition) => { d.schema.fields[4].name = d.schema.fields[0].name; }, /schema\.fields\[4\]\.name: duplicates field 0/],
    ['a quasi-identifier without generalisation', (d: Definition) => { delete d.schema.fields[fieldIndex('postcode_region')].generalisation; }, new RegExp(`schema\\.fields\\[${fieldIndex('postcode_region')}\\]\\.generalisation`)],
    ['research not required', (d: Definition) => { d.consent.purposes[0].required = false; }, /consent\.purposes: must include the purpose "research"/],
    ['a missing French consent text', (d: Definition) => { delete d.consent.text.fr; }, /consent\.text\.fr/],
    ['an example outside the constraints', (d: Definition) => { d.schema.fields[fieldIndex('score_value')].example = '-3'; }, new RegExp(`schema\\.fields\\[${fieldIndex('score_value')}\\]\\.example`)],
    ['an unknown property', (d: Definition) => { d.schema.fields[0].colour = 'red'; }, /schema\.fields\[0\]/],
    ['a special category that is not true or false', (d: Definition) => { d.schema.fields[0].specialCategory = 'yes'; }, /schema\.fields\[0\]\.specialCategory/],
    ['strata by a field that is not context', (d: Definition) => { d.schema.fields[fieldIndex('score_value')].comparable.within = ['bureau', 'sex']; }, new RegExp(`schema\\.fields\\[${fieldIndex('score_value')}\\]\\.comparable\\.within\\[1\\]: "sex" must be a context field with an enum`)],
    ['strata by a context field without an enum', (d: Definition) => { d.schema.fields[fieldIndex('score_value')].comparable.within = ['score_version']; }, /comparable\.within\[0\]: "score_version" must be a context field with an enum/],
    ['records matched by an answer the field does not have', (d: Definition) => { d.schema.fields[fieldIndex('score_value')].comparable.appliesWhere = { bureau: ['acme'] }; }, /comparable\.appliesWhere\.bureau: "acme" is not one of the answers of "bureau"/],
    ['an outcome factor that is not legitimate', (d: Definition) => { d.schema.fields[fieldIndex('score_value')].comparable.adjustFor = ['sex']; }, /comparable\.adjustFor\[0\]: "sex" is not a legitimate field/],
    ['a reversed scale outside the strata', (d: Definition) => { d.schema.fields[fieldIndex('score_value')].comparable.favourableWhere = [{ where: { report_month: ['x'] }, favourable: 'lower' }]; }, /comparable\.favourableWhere\[0\]\.where\.report_month/],
    ['comparability on a field that is not an outcome', (d: Definition) => { d.schema.fields[fieldIndex('sex')].comparable = { within: ['bureau'] }; }, new RegExp(`schema\\.fields\\[${fieldIndex('sex')}\\]\\.comparable: only an outcome`)],
  ])('when a file has %s, then loading fails naming the file and the field', (_case, change, message) => {
    expect(loadBroken(change)).toThrow(message);
  });

  test('when a file is not valid JSON, then loading fails naming the file and the line', () => {
    fs.writeFileSync(path.join(directory, 'credit-scores.json'), '{\n  "slug": "credit-scores",\n  oops\n}');
    expect(() => loadCampaigns(directory)).toThrow(/credit-scores\.json: line 3: not valid JSON/);
  });

  test('when the slug does not match the file name, then loading fails naming slug', () => {
    expect(loadBroken(() => undefined, 'other-name.json')).toThrow(/other-name\.json: slug: must match the file name/);
  });

  test('when the folder holds no campaign, then loading fails naming the folder', () => {
    expect(() => loadCampaigns(directory)).toThrow(/holds no campaign/);
  });
});
