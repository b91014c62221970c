import { twoSampleSizes } from '../../../analysis/power-two-sample';

describe('two-sample sizes for 80% power', () => {
  const zSum = 1.959963984540054 + 0.8416212335729143;

  test('when the reference is very large, then the group needs v/target² records', () => {
    expect(twoSampleSizes({ groupVariance: 0.24, referenceVariance: 0.25, referenceSize: Infinity, gap: 0.1 })).toEqual({ groupSize: Math.ceil(0.24 / (0.1 / zSum) ** 2), referenceSize: Infinity });
    expect(Math.ceil(0.24 / (0.1 / zSum) ** 2)).toBe(189);
  });

  test('when the reference has n₀ records, then the group size brings the standard error exactly to the target', () => {
    const sizes = twoSampleSizes({ groupVariance: 0.21, referenceVariance: 0.16, referenceSize: 2000, gap: 0.05 });
    const standardError = Math.sqrt(0.21 / sizes.groupSize + 0.16 / 2000);
    expect(standardError).toBeLessThanOrEqual(0.05 / zSum);
    expect(Math.sqrt(0.21 / (sizes.groupSize - 1) + 0.16 / 2000)).toBeGreaterThan(0.05 / zSum);
    expect(sizes.referenceSize).toBe(2000);
  });

  test('when equal groups are compared, then the size is within 1% of R power.prop.test(p1 = 0.5, p2 = 0.6) = 387.3', () => {
    // Equal allocation: each group n = (v₁ + v₀)/target²; R's pooled-variance formula gives 387.3.
    const perGroup = (0.25 + 0.24) / (0.1 / zSum) ** 2;
    expect(Math.abs(perGroup - 387.3) / 387.3).toBeLessThan(0.01);
    const sizes = twoSampleSizes({ groupVariance: 0.24, referenceVariance: 0.25, referenceSize: Math.ceil(perGroup), gap: 0.1 });
    expect(Math.abs(sizes.groupSize - perGroup)).toBeLessThanOrEqual(2);
  });

  test('when means differ by d = 0.5 sd, then equal groups need about R power.t.test(delta = 0.5) = 63.8 each', () => {
    const perGroup = 2 / (0.5 / zSum) ** 2;
    expect(Math.abs(perGroup - 63.77)).toBeLessThan(1.5);
  });

  test('when the reference alone is too small, then both groups must grow', () => {
    const sizes = twoSampleSizes({ groupVariance: 0.25, referenceVariance: 0.25, referenceSize: 10, gap: 0.05 });
    expect(sizes.referenceSize).toBeGreaterThan(10);
    expect(sizes.groupSize).toBe(sizes.referenceSize);
  });

  test('when the gap is zero or negative, then it says which input is wrong', () => {
    expect(() => twoSampleSizes({ groupVariance: 0.25, referenceVariance: 0.25, referenceSize: 10, gap: 0 })).toThrow('gap must be a positive number (got 0)');
  });
});
