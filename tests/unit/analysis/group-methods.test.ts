import fs from 'node:fs';
import { compare } from '../../../analysis/compare';
import { disparity } from '../../../analysis/disparity';
import { csvRowSource } from '../../../analysis/load-csv';
import { arrayRowSource } from '../../../analysis/row-source';
import { expectMatchesR, GERMAN_CSV, germanReference, SHARED_FIXTURES } from '../../helpers/fixtures';

const jobs = JSON.parse(fs.readFileSync(`${SHARED_FIXTURES}/german_spec.json`, 'utf8')).jobs as Array<Record<string, any>>;

describe('disparity and compare against R', () => {
  test.each(['disparity_sex', 'disparity_housing'])('when %s runs on the German credit data, then every number matches R', async (name) => {
    const job = jobs.find((candidate) => candidate.name === name)!;
    const result = await disparity(csvRowSource(GERMAN_CSV), { outcome: job.outcome, groups: [job.group], reference: job.reference[job.group] });
    expectMatchesR(result, germanReference()[name]);
  });

  test('when compare_amount_sex runs on the German credit data, then every number matches R', async () => {
    const job = jobs.find((candidate) => candidate.name === 'compare_amount_sex')!;
    const result = await compare(csvRowSource(GERMAN_CSV), { outcome: job.outcome, groups: [job.group], reference: job.reference[job.group] });
    expectMatchesR(result, germanReference().compare_amount_sex);
  });
});

describe('disparity edge cases', () => {
  test('when a group has no positives, then its ratio interval is null, not NaN', async () => {
    const rows = [...Array(10)].map((_, index) => ({ y: index < 5 ? 1 : 0, g: 'a' })).concat([...Array(6)].map(() => ({ y: 0, g: 'b' })));
    const result = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'] });
    const b = result.groups.find((group) => group.group === 'b')!;
    expect(b).toMatchObject({ rate: 0, ratio: 0, ratioCiLow: null, ratioCiHigh: null });
    expect(JSON.stringify(result)).not.toContain('NaN');
  });

  test('when the outcome is 0 in every row, then rates are 0, there is no chi-square, and a warning says why', async () => {
    const rows = [...Array(12)].map((_, index) => ({ y: 0, g: index % 2 ? 'a' : 'b' }));
    const result = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'] });
    expect(result.chiSquare).toBeNull();
    expect(result.groups.map((group) => group.rate)).toEqual([0, 0]);
    expect(result.warnings.join(' ')).toContain('only one value');
  });

  test('when a group is under k, then a warning names it', async () => {
    const rows = [...Array(20)].map((_, index) => ({ y: index % 2, g: index < 3 ? 'small' : 'large' }));
    const result = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'], minGroupSize: 5 });
    expect(result.warnings.join(' ')).toContain('Group "small" has 3 rows, fewer than k = 5');
  });

  test('when the outcome is not 0/1, then the error names it and the row', async () => {
    await expect(disparity(csvRowSource(GERMAN_CSV), { outcome: 'age', groups: ['sex'] })).rejects.toThrow(/"age" must be 0 or 1 .*data row 1/);
  });

  test('when the group column or reference is unknown, then the error names it', async () => {
    await expect(disparity(csvRowSource(GERMAN_CSV), { outcome: 'decision', groups: ['colour'] })).rejects.toThrow(/Unknown column "colour"/);
    await expect(disparity(csvRowSource(GERMAN_CSV), { outcome: 'decision', groups: ['sex'], reference: 'robot' })).rejects.toThrow(/Unknown reference level "robot".*female, male/);
  });

  test('when two group columns are given, then groups are crossed and named column=level', async () => {
    const result = await disparity(csvRowSource(GERMAN_CSV), { outcome: 'decision', groups: ['sex', 'foreign_worker'] });
    expect(result.groups.map((group) => group.group)).toEqual(['sex=female & foreign_worker=no', 'sex=female & foreign_worker=yes', 'sex=male & foreign_worker=no', 'sex=male & foreign_worker=yes']);
    expect(result.groups.reduce((sum, group) => sum + group.n, 0)).toBe(1000);
  });

  test('when missing values occur, then those rows are dropped and counted', async () => {
    const rows = [{ y: 1, g: 'a' }, { y: null, g: 'a' }, { y: 0, g: '' }, { y: 1, g: 'b' }, { y: 0, g: 'b' }];
    const result = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'] });
    expect(result).toMatchObject({ n: 3, dropped: 2 });
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

  test('when the outcome is text, then the error names it', async () => {
    await expect(compare(csvRowSource(GERMAN_CSV), { outcome: 'housing', groups: ['sex'] })).rejects.toThrow(/"housing" must be a number .*"own"/);
  });
});
