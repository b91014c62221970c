import factorialln from '@stdlib/math-base-special-factorialln';

/** R's relative tolerance: tables this close to the observed probability count as "as extreme". */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Fisher's exact test of a 2×2 table [[a, b], [c, d]], two-sided as R's `fisher.test`.
 *
 * With the margins fixed, the top-left cell x follows the hypergeometric distribution
 * P(x) = C(a+b, x)·C(c+d, a+c−x) / C(n, a+c). The p-value is the sum of P(x) over every x with
 * P(x) ≤ P(a)·(1 + 1e-7) — R's convention, so that tables whose probability equals the observed
 * one up to rounding are counted. Probabilities are computed from log factorials and rescaled by
 * the largest, so tables with millions of rows neither overflow nor underflow (Agresti,
 * Categorical Data Analysis, 3rd ed., 2013, §3.5; Fisher 1935).
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
  const logProbability = (x: number) =>
    factorialln(rowOne) - factorialln(x) - factorialln(rowOne - x) + factorialln(rowTwo) - factorialln(columnOne - x) - factorialln(rowTwo - columnOne + x);
  // A loop, not Math.max(...logs): a spread of 100,000+ arguments overflows the call stack.
  const logs = new Float64Array(highest - lowest + 1);
  let largest = -Infinity;
  for (let x = lowest; x <= highest; x += 1) {
    const value = logProbability(x);
    logs[x - lowest] = value;
    if (value > largest) largest = value;
  }
  const threshold = Math.exp(logs[a - lowest] - largest) * RELATIVE_TOLERANCE;
  let total = 0;
  let asExtreme = 0;
  for (const value of logs) {
    const weight = Math.exp(value - largest);
    total += weight;
    if (weight <= threshold) asExtreme += weight;
  }
  return Math.min(1, asExtreme / total);
}
