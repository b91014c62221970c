import { normalQuantileAt } from './distributions';

/**
 * Wilson's score interval for a proportion x/n (Wilson 1927, JASA 22:209–212), exactly as R's
 * `prop.test(x, n, correct = FALSE)$conf.int`:
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − (1 − level)/2).
 * Unlike the Wald interval p̂ ± z·√(p̂(1 − p̂)/n), it stays inside [0, 1] and keeps its coverage
 * for small groups and rates near 0 or 1 (Agresti & Coull 1998).
 *
 * @throws RangeError when n is not positive or x is outside 0..n.
 * @example wilsonInterval(7, 10) // { low: 0.3967781, high: 0.8922087 }
 */
export function wilsonInterval(positives: number, n: number, level = 0.95): { low: number; high: number } {
  if (!(n > 0) || positives < 0 || positives > n) throw new RangeError(`A proportion needs 0 ≤ x ≤ n and n > 0 (got ${positives}/${n}).`);
  const z = normalQuantileAt(1 - (1 - level) / 2);
  const share = positives / n;
  const halfZSquaredOverN = (z * z) / (2 * n);
  const spread = z * Math.sqrt((share * (1 - share)) / n + halfZSquaredOverN / (2 * n));
  const denominator = 1 + 2 * halfZSquaredOverN;
  return {
    low: share <= 0 ? 0 : Math.max(0, (share + halfZSquaredOverN - spread) / denominator),
    high: share >= 1 ? 1 : Math.min(1, (share + halfZSquaredOverN + spread) / denominator),
  };
}
