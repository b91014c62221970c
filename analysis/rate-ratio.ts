import { normalQuantileAt } from './distributions';

export interface RateRatio {
  /** (x₁/n₁)/(x₀/n₀); null when the reference has no positives (division by zero). */
  ratio: number | null;
  /** Katz's interval; null when either group has no positives (ln 0 and 1/0 are undefined). */
  low: number | null;
  high: number | null;
  /** Why the ratio or its interval is null, in plain words; absent when all are numbers. */
  note?: string;
}

/**
 * The ratio of two proportions RR = (x₁/n₁)/(x₀/n₀) with Katz's log interval (Katz, Baptista,
 * Azen & Pike 1978, Biometrics 34:469–474):
 * exp(ln RR ± z·√(1/x₁ − 1/n₁ + 1/x₀ − 1/n₀)), z = Φ⁻¹(1 − (1 − level)/2).
 *
 * The interval is undefined when either group has no positives; it is then null with a note,
 * never NaN or Infinity (which JSON cannot carry).
 *
 * @throws RangeError when a count is negative, positives exceed n, or n is 0.
 * @example rateRatio(30, 100, 40, 100) // { ratio: 0.75, low: 0.5110, high: 1.1008 }
 */
export function rateRatio(positives: number, n: number, referencePositives: number, referenceN: number, level = 0.95): RateRatio {
  for (const [name, x, size] of [['group', positives, n], ['reference', referencePositives, referenceN]] as const) {
    if (!(size > 0) || x < 0 || x > size) throw new RangeError(`A rate ratio needs 0 ≤ positives ≤ n and n > 0 (the ${name} has ${x}/${size}).`);
  }
  if (referencePositives === 0) return { ratio: null, low: null, high: null, note: 'The reference group has no positives: the rate ratio is undefined.' };
  const ratio = positives / n / (referencePositives / referenceN);
  if (positives === 0) return { ratio, low: null, high: null, note: 'The group has no positives: Katz\'s interval for the rate ratio is undefined.' };
  const z = normalQuantileAt(1 - (1 - level) / 2);
  const standardError = Math.sqrt(1 / positives - 1 / n + 1 / referencePositives - 1 / referenceN);
  return { ratio, low: Math.exp(Math.log(ratio) - z * standardError), high: Math.exp(Math.log(ratio) + z * standardError) };
}
