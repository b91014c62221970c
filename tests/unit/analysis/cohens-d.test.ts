import { cohensD } from '../../../analysis/cohens-d';
import { expectMatchesR } from '../../helpers/fixtures';
import { twoSampleCases } from './two-sample-cases';

describe('cohensD', () => {
  test.each(twoSampleCases().map((entry) => [entry.name, entry] as const))('when the samples are %s, then d with the pooled sd matches R', (_, entry) => {
    expectMatchesR(cohensD(entry.sample, entry.reference), entry.expected.cohensD, 'cohensD');
  });

  test('when the documented example runs, then d = 1/√(47/20)', () => {
    expect(cohensD({ n: 10, mean: 5, variance: 4 }, { n: 12, mean: 4, variance: 1 })).toBeCloseTo(1 / Math.sqrt(47 / 20), 12);
  });

  test('when a group has one value, then it adds nothing to the pooled variance', () => {
    expect(cohensD({ n: 1, mean: 6, variance: Number.NaN }, { n: 5, mean: 4, variance: 2 })).toBeCloseTo(2 / Math.sqrt((4 * 2) / 4), 12);
  });

  test('when there is no spread or too few values, then d is null', () => {
    expect(cohensD({ n: 3, mean: 1, variance: 0 }, { n: 3, mean: 2, variance: 0 })).toBeNull();
    expect(cohensD({ n: 1, mean: 1, variance: Number.NaN }, { n: 1, mean: 2, variance: Number.NaN })).toBeNull();
  });
});
