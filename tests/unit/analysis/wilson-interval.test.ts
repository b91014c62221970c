import { wilsonInterval } from '../../../analysis/wilson-interval';
import { expectMatchesR } from '../../helpers/fixtures';
import { groupMethodsReference } from '../../helpers/group-methods-reference';

const cases = groupMethodsReference().methods.wilson as Array<{ positives: number; n: number; low: number; high: number }>;

describe('wilsonInterval', () => {
  test.each(cases.map((entry) => [`${entry.positives}/${entry.n}`, entry] as const))('when the proportion is %s, then the interval is prop.test(correct = FALSE)\'s', (_, entry) => {
    expectMatchesR(wilsonInterval(entry.positives, entry.n), { low: entry.low, high: entry.high }, 'wilson');
  });

  test('when no or every row is positive, then the interval touches 0 or 1 exactly', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBe(1);
  });

  test('when the counts are impossible, then a RangeError says so', () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(/0 ≤ x ≤ n/);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });
});
