import fs from 'node:fs';
import path from 'node:path';
import { buildCampaign, DEFAULT_DICTIONARY_DIRECTORY, loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { publicCampaign } from '../../../src/campaigns/public-campaign';
import { profileErrors } from '../../helpers/frictionless-profiles';

const files = fs.readdirSync(DEFAULT_DICTIONARY_DIRECTORY).filter((name) => name.endsWith('.json')).sort();
const definitionOf = (name: string) => JSON.parse(fs.readFileSync(path.join(DEFAULT_DICTIONARY_DIRECTORY, name), 'utf8'));

describe('the data dictionaries as Table Schemas', () => {
  test.each(files)("when %s's schema is checked against the official Table Schema profile, then it has no error", (name) => {
    expect(profileErrors('tableSchema', definitionOf(name).schema)).toEqual([]);
  });

  test('when a field has a typed example, then the official profile refuses it, and so does the loader, naming the field', () => {
    const definition = definitionOf('credit-scores.json');
    const index = definition.schema.fields.findIndex((field: { name: string }) => field.name === 'score_value');
    definition.schema.fields[index].example = 97.5;
    expect(profileErrors('tableSchema', definition.schema).join('\n')).toMatch(new RegExp(`/fields/${index}/example: must be string`));
    expect(() => buildCampaign(definition, 'credit-scores.json')).toThrow(`credit-scores.json: schema.fields[${index}].example: must be a string, as written in a CSV cell (Table Schema)`);
  });

  test('when a campaign is loaded, then each example has its field\'s type, as the API serves it and donors send it', () => {
    const campaign = loadCampaigns().get('credit-scores')!;
    const exampleOf = (name: string) => publicCampaign(campaign).schema.fields.find((field) => field.name === name)!.example;
    expect(exampleOf('score_value')).toBe(97.5);
    expect(exampleOf('loans')).toBe(1);
    expect(exampleOf('application_refused')).toBe(false);
    expect(exampleOf('children')).toBe('0');
    expect(exampleOf('report_month')).toBe('2024-03');
  });
});
