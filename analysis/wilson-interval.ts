import { normalQuantileAt } from './distributions';

/**
 * Wilson score interval for a proportion x/n, as R's `prop.test(x, n, correct = FALSE)$conf.int`
 * (Wilson 1927): (p̂ + z²/2n ± z√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 *
 * @throws RangeError when n is not positive or x is outside 0..n.
 * @example wilsonInterval(7, 10) // { low: 0.3967…, high: 0.8922… }
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
