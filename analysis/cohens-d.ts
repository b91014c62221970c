import type { SampleSummary } from './welch-t-test';

/**
 * Cohen's d, the standardised difference of means with the pooled standard deviation
 * (Cohen, Statistical Power Analysis for the Behavioral Sciences, 2nd ed., 1988, §2.2):
 * d = (x̄ − ȳ)/sₚ, sₚ = √(((nₓ − 1)s²ₓ + (nᵧ − 1)s²ᵧ)/(nₓ + nᵧ − 2)).
 * By convention 0.2 is small, 0.5 medium, 0.8 large — a description, not a test.
 *
 * @returns null when the pooled standard deviation is 0 or undefined (fewer than 3 values).
 * @throws RangeError when a summary has a negative n or variance.
 * @example cohensD({ n: 10, mean: 5, variance: 4 }, { n: 12, mean: 4, variance: 1 }) // 0.6523
 */
export function cohensD(sample: SampleSummary, reference: SampleSummary): number | null {
  for (const summary of [sample, reference]) {
    if (summary.n < 0 || summary.variance < 0) throw new RangeError(`A sample summary needs n ≥ 0 and a variance ≥ 0 (got n = ${summary.n}, variance = ${summary.variance}).`);
  }
  const degrees = sample.n + reference.n - 2;
  if (degrees <= 0) return null;
  // A sample of one has no variance (NaN); it contributes (1 − 1)·s² = 0 to the pooled sum.
  const sampleSquares = sample.n > 1 ? (sample.n - 1) * sample.variance : 0;
  const referenceSquares = reference.n > 1 ? (reference.n - 1) * reference.variance : 0;
  const pooled = Math.sqrt((sampleSquares + referenceSquares) / degrees);
  return pooled > 0 ? (sample.mean - reference.mean) / pooled : null;
}
