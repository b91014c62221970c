/**
 * Multiple-testing adjustment, as R's `p.adjust`: Holm's step-down (Holm 1979), which controls
 * the family-wise error, and Benjamini–Hochberg's step-up (1995), which controls the false
 * discovery rate. Nulls (no test) stay null and do not count in the family.
 *
 * @example adjustPValues([0.01, 0.04, 0.03], 'holm') // [0.03, 0.06, 0.06]
 */
export type AdjustMethod = 'holm' | 'bh';

export function adjustPValues(pValues: ReadonlyArray<number | null>, method: AdjustMethod): Array<number | null> {
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
  } else {
    const descending = [...tested].sort((first, second) => second.value - first.value);
    let running = 1;
    descending.forEach((entry, position) => {
      const rank = m - position;
      running = Math.min(running, Math.min(1, (m / rank) * entry.value));
      adjusted[entry.index] = running;
    });
  }
  return adjusted;
}
