import { tTwoSidedP } from './distributions';

/** Summary of one sample: size, mean and sample variance (n − 1). */
export interface SampleSummary {
  n: number;
  mean: number;
  variance: number;
}

/**
 * Welch's two-sample t test of equal means without assuming equal variances (Welch 1947,
 * Biometrika 34:28–35), as R's `t.test(x, y, var.equal = FALSE)`:
 * t = (x̄ − ȳ)/√(s²ₓ/nₓ + s²ᵧ/nᵧ), with the Welch–Satterthwaite degrees of freedom
 * ν = (s²ₓ/nₓ + s²ᵧ/nᵧ)² / ((s²ₓ/nₓ)²/(nₓ − 1) + (s²ᵧ/nᵧ)²/(nᵧ − 1)); p = 2·P(T_ν > |t|).
 * Works from summaries, so a stream of any length needs only n, mean and variance per group.
 *
 * @returns null when either sample has fewer than 2 values or both variances are 0 (t undefined).
 * @throws RangeError when a summary has a negative n or variance.
 * @example welchTTest({ n: 10, mean: 5, variance: 4 }, { n: 12, mean: 4, variance: 1 }) // { statistic: 1.4384, df: 12.690, pValue: 0.1745 }
 */
export function welchTTest(sample: SampleSummary, reference: SampleSummary): { statistic: number; df: number; pValue: number } | null {
  for (const summary of [sample, reference]) {
    if (summary.n < 0 || summary.variance < 0) throw new RangeError(`A sample summary needs n ≥ 0 and a variance ≥ 0 (got n = ${summary.n}, variance = ${summary.variance}).`);
  }
  if (sample.n < 2 || reference.n < 2) return null;
  const sampleTerm = sample.variance / sample.n;
  const referenceTerm = reference.variance / reference.n;
  const standardError = Math.sqrt(sampleTerm + referenceTerm);
  if (standardError === 0) return null;
  const statistic = (sample.mean - reference.mean) / standardError;
  const df = (sampleTerm + referenceTerm) ** 2 / (sampleTerm ** 2 / (sample.n - 1) + referenceTerm ** 2 / (reference.n - 1));
  return { statistic, df, pValue: tTwoSidedP(statistic, df) };
}
