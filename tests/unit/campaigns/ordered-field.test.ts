import fs from 'node:fs';
import path from 'node:path';
import { renderCampaignMarkdown } from '../../../src/campaigns/campaign-markdown';
import { buildCampaign, DEFAULT_DICTIONARY_DIRECTORY, loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { orderedLevelsOf } from '../../../src/campaigns/ordered-levels';

const definition = () => JSON.parse(fs.readFileSync(path.join(DEFAULT_DICTIONARY_DIRECTORY, 'credit-scores.json'), 'utf8'));
const indexOf = (copy: { schema: { fields: Array<{ name: string }> } }, name: string) => copy.schema.fields.findIndex((field) => field.name === name);

describe('ordered categorical fields in the data dictionary', () => {
  test('when the credit-scores dictionary is loaded, then rating_class is ordered A (best) to P (worst) and "unknown" is outside the order', () => {
    const field = loadCampaigns().get('credit-scores')!.schema.fields.find((candidate) => candidate.name === 'rating_class')!;
    expect(orderedLevelsOf(field)).toEqual({ levels: 'ABCDEFGHIJKLMNOP'.split(''), missingLevels: ['unknown'], direction: 'best-first' });
  });

  test('when a field is not ordered, then it has no order', () => {
    const field = loadCampaigns().get('credit-scores')!.schema.fields.find((candidate) => candidate.name === 'sex')!;
    expect(orderedLevelsOf(field)).toBeUndefined();
  });

  test('when an ordered field has no direction, then loading fails naming the field\'s direction', () => {
    const copy = definition();
    const index = indexOf(copy, 'rating_class');
    delete copy.schema.fields[index].direction;
    expect(() => buildCampaign(copy, 'credit-scores.json')).toThrow(`schema.fields[${index}].direction: an ordered field must say whether its enum lists the levels "best-first" or "worst-first"`);
  });

  test('when a number field is marked ordered, then loading fails naming "ordered"', () => {
    const copy = definition();
    const index = indexOf(copy, 'score_value');
    Object.assign(copy.schema.fields[index], { ordered: true, direction: 'best-first' });
    expect(() => buildCampaign(copy, 'credit-scores.json')).toThrow(`schema.fields[${index}].ordered: only a string field with an enum`);
  });

  test('when outsideOrder names a value that is not in the enum, then loading fails naming the value', () => {
    const copy = definition();
    const index = indexOf(copy, 'rating_class');
    copy.schema.fields[index].outsideOrder = ['n/a'];
    expect(() => buildCampaign(copy, 'credit-scores.json')).toThrow(`schema.fields[${index}].outsideOrder: "n/a" is not one of the field's enum values`);
  });

  test('when a field that is not ordered has a direction, then loading fails naming "direction"', () => {
    const copy = definition();
    const index = indexOf(copy, 'sex');
    copy.schema.fields[index].direction = 'best-first';
    expect(() => buildCampaign(copy, 'credit-scores.json')).toThrow(`schema.fields[${index}].direction: only an ordered field`);
  });

  test('when the campaign page is generated, then it shows the order, its best and worst ends and what "unknown" means', () => {
    const markdown = renderCampaignMarkdown(loadCampaigns().get('credit-scores')!);
    expect(markdown).toContain('Ordered: `A` → `B` → `C`');
    expect(markdown).toContain('(`A` best, `P` worst)');
    expect(markdown).toContain('`unknown` is not a level of the order and counts as missing there');
    expect(markdown).toMatch(/`rating_class` .*ordered, best first/);
  });
});
