import { expectedCellWarnings, smallGroupWarnings } from '../../../analysis/small-group-warnings';

describe('smallGroupWarnings', () => {
  test('when groups are under k, then each is named with its size; groups of k or more are not', () => {
    const warnings = smallGroupWarnings([{ group: 'rent', n: 3 }, { group: 'own', n: 5 }, { group: 'free', n: 4 }], 5);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^Group "rent" has 3 rows, fewer than k = 5: .*must not be published/);
    expect(warnings[1]).toContain('Group "free" has 4 rows');
  });

  test('when k is not a positive whole number, then a RangeError says so', () => {
    expect(() => smallGroupWarnings([], 0)).toThrow(/at least 1/);
    expect(() => smallGroupWarnings([], 2.5)).toThrow(RangeError);
  });
});

describe('expectedCellWarnings', () => {
  test('when the smallest expected count is under 5, then one warning gives it', () => {
    expect(expectedCellWarnings(2.4)).toEqual([expect.stringContaining('An expected cell count is 2.40 (under 5)')]);
  });

  test('when it is 5 or more, or there was no test, then there is no warning', () => {
    expect(expectedCellWarnings(5)).toEqual([]);
    expect(expectedCellWarnings(undefined)).toEqual([]);
  });
});
