import fs from 'node:fs';
import { compare } from '../../../analysis/compare';
import { csvRowSource } from '../../../analysis/load-csv';
import { arrayRowSource } from '../../../analysis/row-source';
import { expectMatchesR, GERMAN_CSV, germanReference, SHARED_FIXTURES } from '../../helpers/fixtures';
import { groupMethodsReference, UNICODE_CSV } from '../../helpers/group-methods-reference';

const jobs = JSON.parse(fs.readFileSync(`${SHARED_FIXTURES}/german_spec.json`, 'utf8')).jobs as Array<Record<string, any>>;
const german = csvRowSource(GERMAN_CSV);
const reference = groupMethodsReference().results;

describe('compare against R', () => {
  test('when compare_amount_sex runs on the German credit data, then every number matches R', async () => {
    const job = jobs.find((candidate) => candidate.name === 'compare_amount_sex')!;
    const result = await compare(german, { outcome: job.outcome, groups: [job.group], reference: job.reference[job.group] });
    expectMatchesR(result, germanReference().compare_amount_sex);
    expect(Object.keys(result.groups.find((group) => group.group === 'male')!)).toEqual(['group', 'n', 'mean', 'sd', 'median']);
  });

  test('when three groups are compared, then each against the reference matches R', async () => {
    expectMatchesR(await compare(german, { outcome: 'amount', groups: ['housing'], reference: 'own' }), reference.compare_amount_housing);
  });

  test('when groups are crossed, then every number matches R on the pasted factor', async () => {
    const result = await compare(german, { outcome: 'amount', groups: ['sex', 'foreign_worker'], reference: 'sex=male & foreign_worker=no' });
    expectMatchesR(result, reference.compare_amount_sex_foreign_worker);
  });

  test('when group levels are unicode, then every number matches R', async () => {
    expectMatchesR(await compare(csvRowSource(UNICODE_CSV), { outcome: 'amount', groups: ['country'], reference: 'Deutschland' }), reference.compare_unicode);
  });
});

describe('compare edge cases', () => {
  test('when values tie, then the median and Mann–Whitney use mid-ranks', async () => {
    const rows = [1, 2, 2, 3, 3, 3].map((y) => ({ y, g: 'a' })).concat([2, 3, 4, 4, 5].map((y) => ({ y, g: 'b' })));
    const result = await compare(arrayRowSource(rows), { outcome: 'y', groups: ['g'] });
    expect(result.groups[0].median).toBe(2.5);
    expect(result.groups[1].median).toBe(4);
    // R: wilcox.test(c(2,3,4,4,5), c(1,2,2,3,3,3), exact = FALSE, correct = TRUE) → W = 24.5, p = 0.08871369
    expectMatchesR(result.groups[1].mannWhitney, { statistic: 24.5, pValue: 0.08871369 }, 'mannWhitney');
  });

  test('when a group has one value, then its sd, Welch test and d are null (not NaN) and it is flagged under k', async () => {
    const rows = [{ y: 4, g: 'one' }, ...[1, 2, 3, 5, 8].map((y) => ({ y, g: 'many' }))];
    const result = await compare(arrayRowSource(rows), { outcome: 'y', groups: ['g'], reference: 'many' });
    const one = result.groups.find((group) => group.group === 'one')!;
    expect(one).toMatchObject({ n: 1, mean: 4, sd: null, median: 4, welch: null });
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
    expect(result.warnings.join(' ')).toContain('Group "one" has 1 rows');
  });

  test('when missing values occur, then those rows are dropped and counted', async () => {
    const rows = [{ y: 1, g: 'a' }, { y: '', g: 'a' }, { y: 3, g: null }, { y: 2, g: 'a' }, { y: 5, g: 'b' }, { y: 7, g: 'b' }];
    const result = await compare(arrayRowSource(rows), { outcome: 'y', groups: ['g'] });
    expect(result).toMatchObject({ n: 4, dropped: 2 });
  });

  test('when the outcome is text, then the error names it, the value and the row', async () => {
    await expect(compare(german, { outcome: 'housing', groups: ['sex'] })).rejects.toThrow(/"housing" must be a number .*"own" in data row 1/);
  });

  test('when a column or the reference is unknown, or one group remains, then the error names it', async () => {
    await expect(compare(german, { outcome: 'amount', groups: ['colour'] })).rejects.toThrow(/Unknown column "colour"/);
    await expect(compare(german, { outcome: 'amount', groups: ['sex'], reference: 'robot' })).rejects.toThrow(/Unknown reference level "robot"/);
    await expect(compare(arrayRowSource([{ y: 1, g: 'a' }, { y: 2, g: 'a' }]), { outcome: 'y', groups: ['g'] })).rejects.toThrow(/"g" has only one group/);
  });
});
