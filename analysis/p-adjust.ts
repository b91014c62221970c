/** `holm` controls the family-wise error rate; `bh` (Benjamini–Hochberg) the false discovery rate. */
export type AdjustMethod = 'holm' | 'bh';

/**
 * Adjusts a family of p-values for multiple testing, exactly as R's `p.adjust`.
 *
 * - Holm's step-down (Holm 1979): with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1)·p₍ⱼ₎).
 *   Controls the chance of any false finding; never less powerful than Bonferroni.
 * - Benjamini–Hochberg's step-up (Benjamini & Hochberg 1995): p̃₍ᵢ₎ = minⱼ≥ᵢ min(1, m/j·p₍ⱼ₎).
 *   Controls the expected share of false findings among the findings.
 *
 * Nulls (no test was possible) stay null and do not count in the family m, as R's NA.
 *
 * @returns adjusted p-values in the input order.
 * @throws RangeError when a p-value is not a number in [0, 1].
 * @example adjustPValues([0.01, 0.04, 0.03], 'holm') // [0.03, 0.06, 0.06]
 * @example adjustPValues([0.01, 0.04, 0.03], 'bh')   // [0.03, 0.04, 0.04]
 */
export function adjustPValues(pValues: ReadonlyArray<number | null>, method: AdjustMethod): Array<number | null> {
  pValues.forEach((value, index) => {
    if (value !== null && !(value >= 0 && value <= 1)) throw new RangeError(`p-value ${index + 1} is ${value}, not a probability.`);
  });
  const tested = pValues.map((value, index) => ({ value, index })).filter((entry): entry is { value: number; index: number } => entry.value !== null);
  const m = tested.length;
  const adjusted: Array<number | null> = pValues.map(() => null);
  if (m === 0) return adjusted;
  if (method === 'holm') {
    const ascending = [...tested].sort((first, second) => first.value - second.value);
    let running = 0;
    ascending.forEach((entry, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * entry.value));
      adjusted[entry.index] = running;
    });
  } else if (method === 'bh') {
    const descending = [...tested].sort((first, second) => second.value - first.value);
    let running = 1;
    descending.forEach((entry, position) => {
      const rank = m - position;
      running = Math.min(running, Math.min(1, (m / rank) * entry.value));
      adjusted[entry.index] = running;
    });
  } else {
    throw new RangeError(`Unknown adjustment "${String(method)}": use holm or bh.`);
  }
  return adjusted;
}
