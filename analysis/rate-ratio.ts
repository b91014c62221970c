import { normalQuantileAt } from './distributions';

/**
 * The ratio of two proportions (x₁/n₁)/(x₀/n₀) with Katz's log interval (Katz et al. 1978):
 * exp(ln RR ± z√(1/x₁ − 1/n₁ + 1/x₀ − 1/n₀)).
 *
 * The interval is undefined when either group has no positives; it is then null, not NaN.
 * @example rateRatio(30, 100, 40, 100) // { ratio: 0.75, low: 0.51…, high: 1.10… }
 */
export function rateRatio(positives: number, n: number, referencePositives: number, referenceN: number, level = 0.95): { ratio: number | null; low: number | null; high: number | null } {
  if (referencePositives === 0) return { ratio: null, low: null, high: null };
  const ratio = positives / n / (referencePositives / referenceN);
  if (positives === 0) return { ratio, low: null, high: null };
  const z = normalQuantileAt(1 - (1 - level) / 2);
  const standardError = Math.sqrt(1 / positives - 1 / n + 1 / referencePositives - 1 / referenceN);
  return { ratio, low: Math.exp(Math.log(ratio) - z * standardError), high: Math.exp(Math.log(ratio) + z * standardError) };
}
