import fs from 'node:fs';
import { disparity } from '../../../analysis/disparity';
import { csvRowSource } from '../../../analysis/load-csv';
import { arrayRowSource } from '../../../analysis/row-source';
import type { Row } from '../../../analysis/types';
import { expectMatchesR, GERMAN_CSV, germanReference, SHARED_FIXTURES } from '../../helpers/fixtures';
import { groupMethodsReference, UNICODE_CSV } from '../../helpers/group-methods-reference';

const jobs = JSON.parse(fs.readFileSync(`${SHARED_FIXTURES}/german_spec.json`, 'utf8')).jobs as Array<Record<string, any>>;
const german = csvRowSource(GERMAN_CSV);
const reference = groupMethodsReference().results;
const rowsOf = (spec: Array<[group: string, n: number, positives: number]>): Row[] =>
  spec.flatMap(([group, n, positives]) => [...Array(n)].map((_, index) => ({ y: index < positives ? 1 : 0, g: group })));

describe('disparity against R', () => {
  test.each(['disparity_sex', 'disparity_housing'])('when %s runs on the German credit data, then every number matches R', async (name) => {
    const job = jobs.find((candidate) => candidate.name === name)!;
    const result = await disparity(german, { outcome: job.outcome, groups: [job.group], reference: job.reference[job.group] });
    expectMatchesR(result, germanReference()[name]);
    const referenceGroup = result.groups.find((group) => group.group === result.reference)!;
    expect(Object.keys(referenceGroup)).toEqual(['group', 'n', 'positives', 'rate', 'ciLow', 'ciHigh', 'ratio', 'difference']);
  });

  test('when Benjamini–Hochberg is asked, then the adjusted p-values are p.adjust(method = "BH")\'s and the rest is unchanged', async () => {
    const result = await disparity(german, { outcome: 'decision', groups: ['housing'], reference: 'own', adjust: 'bh' });
    expect(result.adjust).toBe('bh');
    expectMatchesR(result, reference.disparity_housing_bh);
  });

  test.each([['holm', 'disparity_sex_foreign_worker'], ['bh', 'disparity_sex_foreign_worker_bh']] as const)(
    'when sex and foreign_worker are crossed (%s), then every number matches R on the pasted factor',
    async (adjust, name) => {
      const result = await disparity(german, { outcome: 'decision', groups: ['sex', 'foreign_worker'], reference: 'sex=male & foreign_worker=no', adjust });
      expect(result.group).toBe('sex × foreign_worker');
      expectMatchesR(result, reference[name]);
      // 3 + 12 foreign women and men at most: expected refusals under 5.
      expect(result.warnings.join(' ')).toContain('under 5');
    },
  );

  test('when strata are given, then each group\'s Cochran–Mantel–Haenszel test, common odds ratio and Holm-adjusted p match mantelhaen.test', async () => {
    const result = await disparity(german, { outcome: 'decision', groups: ['housing'], reference: 'own', strata: 'telephone' });
    expect(result.stratified!.strata).toBe('telephone');
    expectMatchesR(result.stratified!.groups, reference.stratified_housing_by_telephone, 'stratified');
    expect(result.stratified!.groups.map((group) => group.strataUsed)).toEqual([2, 2]);
  });

  test('when the strata are a numeric factor and BH is asked, then the stratified results match R', async () => {
    const result = await disparity(german, { outcome: 'decision', groups: ['housing'], reference: 'own', strata: 'installment_rate', adjust: 'bh' });
    expectMatchesR(result.stratified!.groups, reference.stratified_housing_by_installment_rate_bh, 'stratified');
  });

  test('when group levels are unicode, then they sort by code point and every number matches R', async () => {
    const result = await disparity(csvRowSource(UNICODE_CSV), { outcome: 'approved', groups: ['country'], reference: 'Deutschland' });
    expect(result.groups.map((group) => group.group)).toEqual(['Deutschland', 'Türkiye', 'Österreich', 'Ελλάδα', '日本']);
    expectMatchesR(result, reference.disparity_unicode);
  });
});

describe('disparity edge cases', () => {
  test('when a group has no positives, then its ratio is 0, the Katz interval null with a note, and no NaN reaches JSON', async () => {
    const result = await disparity(arrayRowSource(rowsOf([['a', 10, 5], ['b', 6, 0]])), { outcome: 'y', groups: ['g'] });
    const b = result.groups.find((group) => group.group === 'b')!;
    expect(b).toMatchObject({ rate: 0, ratio: 0, ratioCiLow: null, ratioCiHigh: null, ciLow: 0, ratioNote: expect.stringContaining('no positives') });
    expect(b.fisherP).toBeCloseTo(0.09340659, 8); // R: fisher.test(matrix(c(0, 6, 5, 5), 2))$p.value
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  test('when the reference group has no positives, then ratios are null and a warning says why', async () => {
    const result = await disparity(arrayRowSource(rowsOf([['a', 10, 0], ['b', 6, 3]])), { outcome: 'y', groups: ['g'] });
    expect(result.groups.map((group) => group.ratio)).toEqual([null, null]);
    expect(result.groups[1].ratioNote).toContain('reference group has no positives');
    expect(result.warnings.join(' ')).toContain('reference group "a" has no positives');
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  test('when the outcome is 0 in every row, then rates are 0, Fisher gives 1, there is no chi-square, and a warning says why', async () => {
    const result = await disparity(arrayRowSource(rowsOf([['a', 6, 0], ['b', 6, 0]])), { outcome: 'y', groups: ['g'] });
    expect(result.chiSquare).toBeNull();
    expect(result.groups.map((group) => group.rate)).toEqual([0, 0]);
    expect(result.groups[1].fisherP).toBe(1);
    expect(result.warnings.join(' ')).toContain('only one value');
  });

  test('when a group is under k, then a warning names it; --min-group-size moves the bar', async () => {
    const rows = rowsOf([['small', 3, 1], ['large', 17, 9]]);
    expect((await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'] })).warnings.join(' ')).toContain('Group "small" has 3 rows, fewer than k = 5');
    expect((await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'], minGroupSize: 3 })).warnings.join(' ')).not.toContain('fewer than k');
    await expect(disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'], minGroupSize: 0 })).rejects.toThrow(/minimum group size k/);
  });

  test('when a group falls under four fifths of the reference rate, then only the labelled heuristic lists it', async () => {
    const result = await disparity(arrayRowSource(rowsOf([['a', 20, 10], ['b', 20, 4], ['c', 20, 9]])), { outcome: 'y', groups: ['g'] });
    expect(result.heuristics.fourFifthsRule).toEqual({ note: expect.stringContaining('not a statistical test'), threshold: 0.8, harmfulOutcome: 0, favourableRatios: { b: 0.4, c: 0.9 }, lowestRatio: 0.4, belowFourFifths: ['b'] });
  });

  test('when outcome 1 is the harmful one, then the four-fifths rule flags the group harmed more often, not the one harmed less', async () => {
    // Refusals: a 50%, b 80% (favourable 20%: 0.4 of a's 50%), c 10% (favourable 90%: 1.8).
    const rows = rowsOf([['a', 20, 10], ['b', 20, 16], ['c', 20, 2]]);
    const asIfFavourable = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'] });
    expect(asIfFavourable.heuristics.fourFifthsRule.belowFourFifths).toEqual(['c']);
    const harmful = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'], harmful: 1 });
    expect(harmful.heuristics.fourFifthsRule).toMatchObject({ harmfulOutcome: 1, belowFourFifths: ['b'] });
    expect(harmful.heuristics.fourFifthsRule.lowestRatio).toBeCloseTo(0.4, 12);
    expect(harmful.heuristics.fourFifthsRule.favourableRatios.c).toBeCloseTo(1.8, 12);
    expect(harmful.heuristics.fourFifthsRule.note).toContain('favourable outcome (y = 0)');
  });

  test('when missing values occur, then those rows are dropped and counted', async () => {
    const rows = [{ y: 1, g: 'a' }, { y: null, g: 'a' }, { y: 0, g: '' }, { y: 'NA', g: 'b' }, { y: 1, g: 'b' }, { y: 0, g: 'b' }];
    const result = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'] });
    expect(result).toMatchObject({ n: 3, dropped: 3 });
    expect(result.groups.map((group) => [group.group, group.n])).toEqual([['a', 1], ['b', 2]]);
  });

  test('when a level only occurs with a missing outcome, then it is no group at all (no empty group)', async () => {
    const rows = [...rowsOf([['a', 5, 2], ['b', 5, 3]]), { y: null, g: 'ghost' }];
    const result = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'] });
    expect(result.groups.map((group) => group.group)).toEqual(['a', 'b']);
    expect(result.dropped).toBe(1);
  });

  test('when a stratum has no variation for a group, then that group gets no stratified test and a warning says so', async () => {
    const rows = [...rowsOf([['a', 10, 5], ['b', 10, 4]]).map((row) => ({ ...row, s: 'x' })), ...rowsOf([['c', 4, 2]]).map((row) => ({ ...row, s: 'y' }))];
    // "c" only occurs in stratum y, where the reference "a" does not: no table compares them.
    const result = await disparity(arrayRowSource(rows), { outcome: 'y', groups: ['g'], strata: 's' });
    expect(result.stratified!.groups.map((group) => group.group)).toEqual(['b']);
    expect(result.warnings.join(' ')).toContain('no stratified test for it');
  });

  test('when the outcome is not 0/1, then the error names it and the row', async () => {
    await expect(disparity(german, { outcome: 'age', groups: ['sex'] })).rejects.toThrow(/"age" must be 0 or 1 .*data row 1/);
  });

  test('when a column is unknown, then the error names it', async () => {
    await expect(disparity(german, { outcome: 'decision', groups: ['colour'] })).rejects.toThrow(/Unknown column "colour"/);
    await expect(disparity(german, { outcome: 'decision', groups: ['sex'], strata: 'planet' })).rejects.toThrow(/Unknown column "planet"/);
  });

  test('when the reference is unknown, then the error lists the groups; column=level names a level', async () => {
    await expect(disparity(german, { outcome: 'decision', groups: ['sex'], reference: 'robot' })).rejects.toThrow(/Unknown reference level "robot".*female, male/);
    expect((await disparity(german, { outcome: 'decision', groups: ['sex'], reference: 'sex=male' })).reference).toBe('male');
  });

  test('when the group column has one level or the selection is empty, then the error says so', async () => {
    await expect(disparity(arrayRowSource(rowsOf([['only', 6, 2]])), { outcome: 'y', groups: ['g'] })).rejects.toThrow(/"g" has only one group \(only\)/);
    await expect(disparity(arrayRowSource([], ['y', 'g']), { outcome: 'y', groups: ['g'] })).rejects.toThrow(/selection is empty/);
    await expect(disparity(arrayRowSource([{ y: null, g: 'a' }]), { outcome: 'y', groups: ['g'] })).rejects.toThrow(/No row has both "y" and g/);
  });
});
