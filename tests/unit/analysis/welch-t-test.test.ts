import { welchTTest } from '../../../analysis/welch-t-test';
import { expectMatchesR } from '../../helpers/fixtures';
import { twoSampleCases } from './two-sample-cases';

describe('welchTTest', () => {
  test.each(twoSampleCases().map((entry) => [entry.name, entry] as const))('when the samples are %s, then t, df and p are t.test(var.equal = FALSE)\'s', (_, entry) => {
    expectMatchesR(welchTTest(entry.sample, entry.reference), entry.expected.welch, 'welch');
  });

  test('when the samples are summarised by value counts, then the sd is R\'s sd', () => {
    for (const entry of twoSampleCases()) expectMatchesR(Math.sqrt(entry.sample.variance), entry.expected.sd, 'sd');
  });

  test('when a sample has one value or both are constant, then there is no test (null)', () => {
    expect(welchTTest({ n: 1, mean: 3, variance: Number.NaN }, { n: 10, mean: 2, variance: 1 })).toBeNull();
    expect(welchTTest({ n: 5, mean: 3, variance: 0 }, { n: 10, mean: 2, variance: 0 })).toBeNull();
  });

  test('when a summary is impossible, then a RangeError says so', () => {
    expect(() => welchTTest({ n: 5, mean: 3, variance: -1 }, { n: 10, mean: 2, variance: 1 })).toThrow(/variance ≥ 0/);
  });
});
