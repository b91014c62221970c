import { mannWhitney } from '../../../analysis/mann-whitney';
import { expectMatchesR } from '../../helpers/fixtures';
import { twoSampleCases, valueCountsOf } from './two-sample-cases';

describe('mannWhitney', () => {
  test.each(twoSampleCases().map((entry) => [entry.name, entry] as const))('when the samples are %s, then W and p are wilcox.test(exact = FALSE, correct = TRUE)\'s', (_, entry) => {
    expectMatchesR(mannWhitney(entry.sample, entry.reference), entry.expected.mannWhitney, 'mannWhitney');
  });

  test('when values tie across samples, then they share mid-ranks: W counts a tied pair as ½', () => {
    // Pairs (x > y): 2>1 → 1; the tie 2 = 2 → ½; 3 > 1 and 3 > 2 → 2: W = 3.5.
    expect(mannWhitney(valueCountsOf([2, 3]), valueCountsOf([1, 2]))!.statistic).toBe(3.5);
  });

  test('when the samples are swapped, then W becomes n₁n₂ − W and the p-value stays', () => {
    const [entry] = twoSampleCases();
    const forward = mannWhitney(entry.sample, entry.reference)!;
    const backward = mannWhitney(entry.reference, entry.sample)!;
    expect(backward.statistic).toBe(entry.sample.n * entry.reference.n - forward.statistic);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
  });

  test('when a sample is empty or every value ties, then there is no test (null)', () => {
    expect(mannWhitney(valueCountsOf([]), valueCountsOf([1, 2]))).toBeNull();
    expect(mannWhitney(valueCountsOf([4, 4]), valueCountsOf([4, 4, 4]))).toBeNull();
  });
});
