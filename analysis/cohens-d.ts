import type { SampleSummary } from './welch-t-test';

/**
 * Cohen's d with the pooled standard deviation (Cohen 1988):
 * (x̄ − ȳ)/√(((nₓ − 1)s²ₓ + (nᵧ − 1)s²ᵧ)/(nₓ + nᵧ − 2)).
 *
 * @returns null when the pooled standard deviation is 0 or undefined.
 */
export function cohensD(sample: SampleSummary, reference: SampleSummary): number | null {
  const degrees = sample.n + reference.n - 2;
  if (degrees <= 0) return null;
  const pooled = Math.sqrt(((sample.n - 1) * sample.variance + (reference.n - 1) * reference.variance) / degrees);
  return pooled > 0 ? (sample.mean - reference.mean) / pooled : null;
}
