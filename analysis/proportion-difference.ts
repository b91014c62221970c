import { normalQuantileAt } from './distributions';

/**
 * The difference of two proportions x₁/n₁ − x₀/n₀ with the Wald interval
 * d ± z·√(p₁(1 − p₁)/n₁ + p₀(1 − p₀)/n₀), as R's
 * `prop.test(c(x1, x0), c(n1, n0), correct = FALSE)$conf.int` (Agresti, Categorical Data
 * Analysis, 3rd ed., 2013, §1.4.2). Clipped to [−1, 1] as R does.
 * @throws RangeError unless 0 ≤ x ≤ n and n > 0 for both.
 * @example proportionDifference(30, 100, 20, 100) // { difference: 0.1, low: -0.0200, high: 0.2200 }
 */
export function proportionDifference(positives: number, n: number, referencePositives: number, referenceN: number, level = 0.95): { difference: number; low: number; high: number } {
  for (const [name, x, size] of [['group', positives, n], ['reference', referencePositives, referenceN]] as const) {
    if (!(size > 0) || x < 0 || x > size) throw new RangeError(`A difference of proportions needs 0 ≤ x ≤ n and n > 0 (the ${name} has ${x}/${size}).`);
  }
  const share = positives / n;
  const referenceShare = referencePositives / referenceN;
  const difference = share - referenceShare;
  const z = normalQuantileAt(1 - (1 - level) / 2);
  const spread = z * Math.sqrt((share * (1 - share)) / n + (referenceShare * (1 - referenceShare)) / referenceN);
  return { difference, low: Math.max(-1, difference - spread), high: Math.min(1, difference + spread) };
}
