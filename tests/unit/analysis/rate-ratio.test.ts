import { rateRatio } from '../../../analysis/rate-ratio';
import { expectMatchesR } from '../../helpers/fixtures';
import { groupMethodsReference } from '../../helpers/group-methods-reference';

const cases = groupMethodsReference().methods.rateRatio as Array<Record<string, number>>;

describe('rateRatio', () => {
  test.each(cases.map((entry) => [`${entry.positives}/${entry.n} vs ${entry.referencePositives}/${entry.referenceN}`, entry] as const))('when the rates are %s, then ratio and Katz interval match R', (_, entry) => {
    const result = rateRatio(entry.positives, entry.n, entry.referencePositives, entry.referenceN);
    expectMatchesR(result, { ratio: entry.ratio, low: entry.low, high: entry.high }, 'rateRatio');
    expect(result.note).toBeUndefined();
  });

  test('when the group has no positives, then the ratio is 0 and the interval null with a note', () => {
    const result = rateRatio(0, 20, 10, 40);
    expect(result).toEqual({ ratio: 0, low: null, high: null, note: expect.stringContaining('group has no positives') });
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  test('when the reference has no positives, then the ratio and its interval are null with a note', () => {
    expect(rateRatio(3, 20, 0, 40)).toEqual({ ratio: null, low: null, high: null, note: expect.stringContaining('reference group has no positives') });
  });

  test('when a group is empty or has more positives than rows, then a RangeError names it', () => {
    expect(() => rateRatio(0, 0, 3, 10)).toThrow(/the group has 0\/0/);
    expect(() => rateRatio(3, 10, 11, 10)).toThrow(/the reference has 11\/10/);
  });
});
