import { tTwoSidedP } from './distributions';

/** Summary of one sample: size, mean and sample variance (n − 1). */
export interface SampleSummary {
  n: number;
  mean: number;
  variance: number;
}

/**
 * Welch's two-sample t test (Welch 1947), as R's `t.test(x, y, var.equal = FALSE)`:
 * t = (x̄ − ȳ)/√(s²ₓ/nₓ + s²ᵧ/nᵧ), df by Welch–Satterthwaite.
 *
 * @returns null when either sample has fewer than 2 values or both variances are 0.
 * @example welchTTest({ n: 10, mean: 5, variance: 4 }, { n: 12, mean: 4, variance: 1 })
 */
export function welchTTest(sample: SampleSummary, reference: SampleSummary): { statistic: number; df: number; pValue: number } | null {
  if (sample.n < 2 || reference.n < 2) return null;
  const sampleTerm = sample.variance / sample.n;
  const referenceTerm = reference.variance / reference.n;
  const standardError = Math.sqrt(sampleTerm + referenceTerm);
  if (standardError === 0) return null;
  const statistic = (sample.mean - reference.mean) / standardError;
  const df = (sampleTerm + referenceTerm) ** 2 / (sampleTerm ** 2 / (sample.n - 1) + referenceTerm ** 2 / (reference.n - 1));
  return { statistic, df, pValue: tTwoSidedP(statistic, df) };
}
