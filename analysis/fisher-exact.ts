/** R's relative tolerance: tables this close to the observed probability count as "as extreme". */
const RELATIVE_TOLERANCE = 1 + 1e-7;
/** A tail whose remaining terms add up to less than this share of the p-value is cut off. */
const NEGLIGIBLE = 1e-17;

/**
 * Fisher's exact test of a 2×2 table [[a, b], [c, d]], two-sided as R's `fisher.test`.
 *
 * With the margins fixed, the top-left cell x follows the hypergeometric distribution
 * P(x) = C(a+b, x)·C(c+d, a+c−x) / C(n, a+c). The p-value is the sum of P(x) over every x with
 * P(x) ≤ P(a)·(1 + 1e-7) — R's convention, so that tables whose probability equals the observed
 * one up to rounding are counted. The probabilities are walked outwards from the mode
 * ⌊(a+b+1)(a+c+1)/(n+2)⌋ by the ratio P(x+1)/P(x) = (a+b−x)(a+c−x) / ((x+1)(c+d−a−c+x+1)),
 * relative to P(mode) = 1, so tables with millions of rows neither overflow nor underflow and no
 * factorial is computed (Agresti, Categorical Data Analysis, 3rd ed., 2013, §3.5; Fisher 1935).
 * The hypergeometric is log-concave, so that ratio falls as x moves away from the mode: a tail
 * stops when its remaining terms, bounded by a geometric series, are below 1e-17 of the p-value
 * (or underflow), so the cost grows with the table's standard deviation, not its size.
 *
 * R: `fisher.test(matrix(c(a, c, b, d), 2))$p.value`.
 *
 * @param a the group's positives; @param b the group's negatives;
 * @param c the reference's positives; @param d the reference's negatives.
 * @returns the two-sided p-value, in [0, 1].
 * @throws RangeError for a negative or non-integer cell.
 * @example fisherExact(3, 1, 1, 3) // 0.4857142857 (R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value)
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  for (const [name, cell] of [['a', a], ['b', b], ['c', c], ['d', d]] as const) {
    if (!Number.isInteger(cell) || cell < 0) throw new RangeError(`Fisher's exact test needs counts: cell ${name} is ${cell}.`);
  }
  const rowOne = a + b;
  const rowTwo = c + d;
  const columnOne = a + c;
  const lowest = Math.max(0, columnOne - rowTwo);
  const highest = Math.min(columnOne, rowOne);
  /** P(x+1)/P(x). */
  const up = (x: number) => ((rowOne - x) * (columnOne - x)) / ((x + 1) * (rowTwo - columnOne + x + 1));
  const mode = Math.min(highest, Math.max(lowest, Math.floor(((rowOne + 1) * (columnOne + 1)) / (rowOne + rowTwo + 2))));

  let observed = 1;
  for (let x = mode; x < a; x += 1) observed *= up(x);
  for (let x = mode; x > a; x -= 1) observed /= up(x - 1);
  const threshold = observed * RELATIVE_TOLERANCE;

  let total = 1;
  let asExtreme = 1 <= threshold ? 1 : 0;
  // Each tail from the mode outwards; `ratio` is the step just taken, an upper bound of the next.
  for (const direction of [1, -1]) {
    let weight = 1;
    for (let x = mode; direction > 0 ? x < highest : x > lowest; x += direction) {
      const ratio = direction > 0 ? up(x) : 1 / up(x - 1);
      weight *= ratio;
      if (weight === 0) break;
      total += weight;
      if (weight <= threshold) {
        asExtreme += weight;
        if (ratio < 1 && (weight * ratio) / (1 - ratio) <= NEGLIGIBLE * asExtreme) break;
      }
    }
  }
  return Math.min(1, asExtreme / total);
}
