import factorialln from '@stdlib/math-base-special-factorialln';

/**
 * Fisher's exact test of a 2×2 table [[a, b], [c, d]], two-sided as R's `fisher.test`: the sum
 * of the hypergeometric probabilities of all tables with the same margins that are no more likely
 * than the observed one (with R's relative tolerance 1 + 1e-7). Probabilities come from log
 * factorials, so large tables do not overflow (Agresti, Categorical Data Analysis, 3rd ed., §3.5).
 *
 * @throws RangeError for a negative or non-integer cell.
 * @example fisherExact(3, 1, 1, 3) // 0.4857…
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  for (const cell of [a, b, c, d]) if (!Number.isInteger(cell) || cell < 0) throw new RangeError(`Table cells must be counts (got ${cell}).`);
  const rowOne = a + b;
  const rowTwo = c + d;
  const columnOne = a + c;
  const lowest = Math.max(0, columnOne - rowTwo);
  const highest = Math.min(columnOne, rowOne);
  const logProbability = (x: number) =>
    factorialln(rowOne) - factorialln(x) - factorialln(rowOne - x) + factorialln(rowTwo) - factorialln(columnOne - x) - factorialln(rowTwo - columnOne + x);
  const logs: number[] = [];
  for (let x = lowest; x <= highest; x += 1) logs.push(logProbability(x));
  const largest = Math.max(...logs);
  const weights = logs.map((value) => Math.exp(value - largest));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const observed = weights[a - lowest];
  let pValue = 0;
  for (const weight of weights) if (weight <= observed * (1 + 1e-7)) pValue += weight;
  return Math.min(1, pValue / total);
}
