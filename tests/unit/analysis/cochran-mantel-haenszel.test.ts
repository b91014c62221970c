import { cochranMantelHaenszel } from '../../../analysis/cochran-mantel-haenszel';
import { expectMatchesR } from '../../helpers/fixtures';
import { groupMethodsReference } from '../../helpers/group-methods-reference';

const cases = groupMethodsReference().methods.cmh as Array<{ strata: number[][] } & Record<string, number>>;
const tablesOf = (strata: number[][]) => strata.map(([groupPositives, groupNegatives, referencePositives, referenceNegatives]) => ({ groupPositives, groupNegatives, referencePositives, referenceNegatives }));

describe('cochranMantelHaenszel', () => {
  test.each(cases.map((entry) => [JSON.stringify(entry.strata), entry] as const))('when the strata are %s, then X², p, the common odds ratio and its interval are mantelhaen.test\'s', (_, entry) => {
    const { strata, ...expected } = entry;
    expectMatchesR(cochranMantelHaenszel(tablesOf(strata)), expected, 'cmh');
  });

  test('when |Δ| is under ½, then no continuity correction is applied (as R)', () => {
    const [, small] = cases;
    const result = cochranMantelHaenszel(tablesOf(small.strata))!;
    // Δ = 0 here: the statistic is exactly 0, not (0 − ½)²/V.
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
  });

  test('when a stratum has fewer than two rows, then it is skipped and counted out', () => {
    const [first] = cases;
    const result = cochranMantelHaenszel([...tablesOf(first.strata), { groupPositives: 1, groupNegatives: 0, referencePositives: 0, referenceNegatives: 0 }])!;
    expect(result.strataUsed).toBe(first.strata.length);
    expectMatchesR(result.statistic, first.statistic, 'statistic');
  });

  test('when no discordant pair favours the reference, then the odds ratio is null, not Infinity', () => {
    const result = cochranMantelHaenszel([{ groupPositives: 5, groupNegatives: 0, referencePositives: 0, referenceNegatives: 5 }])!;
    expect(result.commonOddsRatio).toBeNull();
    expect(result.ciLow).toBeNull();
    expect(result.statistic).toBeGreaterThan(0);
  });

  test('when no stratum has both groups and both outcomes, then there is nothing to test (null)', () => {
    expect(cochranMantelHaenszel([{ groupPositives: 5, groupNegatives: 5, referencePositives: 0, referenceNegatives: 0 }])).toBeNull();
  });

  test('when a cell is not a count, then a RangeError says so', () => {
    expect(() => cochranMantelHaenszel([{ groupPositives: 1.5, groupNegatives: 5, referencePositives: 2, referenceNegatives: 3 }])).toThrow(/counts/);
  });
});
