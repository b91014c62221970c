import { chiSquareUpperTail, normalQuantileAt } from './distributions';

/** One stratum's 2×2 table: the group's and the reference's positives and negatives. */
export interface StratumTable {
  groupPositives: number;
  groupNegatives: number;
  referencePositives: number;
  referenceNegatives: number;
}

export interface CochranMantelHaenszelResult {
  statistic: number;
  df: 1;
  pValue: number;
  commonOddsRatio: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  strataUsed: number;
}

/**
 * The Cochran–Mantel–Haenszel test that a group and the reference have the same odds of the
 * outcome within every stratum of a third factor, and the Mantel–Haenszel common odds ratio,
 * exactly as R's `mantelhaen.test(x, correct = TRUE)` for a 2×2×K table x with x[1, 1, k] = the
 * group's positives (Mantel & Haenszel 1959, JNCI 22:719–748; Agresti, Categorical Data
 * Analysis, 3rd ed., 2013, §6.4).
 *
 * Per stratum k with cells a (group positives), b (group negatives), c, d (reference) and nₖ:
 * Δ = Σ (aₖ − (aₖ+bₖ)(aₖ+cₖ)/nₖ), V = Σ (aₖ+bₖ)(cₖ+dₖ)(aₖ+cₖ)(bₖ+dₖ) / (nₖ²(nₖ − 1)),
 * X² = (|Δ| − ½)²/V on 1 df (the ½ only when |Δ| ≥ ½, as R).
 * Common odds ratio (what R reports as `estimate`): OR_MH = Σ aₖdₖ/nₖ / Σ bₖcₖ/nₖ, with R's
 * interval OR_MH·exp(±z·se), se² from Robins, Breslow & Greenland (1986, Biometrics 42:311–323).
 * Strata with fewer than two rows carry no information and are skipped (R refuses them);
 * `strataUsed` says how many counted.
 *
 * @returns null when no stratum has variance (nothing to test). The odds ratio and its interval
 *   are null when undefined (no discordant pairs on one side), never Infinity or NaN.
 * @throws RangeError when a cell is not a non-negative integer.
 * @example cochranMantelHaenszel([{ groupPositives: 10, groupNegatives: 20, referencePositives: 20, referenceNegatives: 15 }])
 *   // { statistic: 2.7461, df: 1, pValue: 0.09749, commonOddsRatio: 0.375, ciLow: 0.1363, ciHigh: 1.0318, strataUsed: 1 }
 */
export function cochranMantelHaenszel(strata: readonly StratumTable[], level = 0.95): CochranMantelHaenszelResult | null {
  let delta = 0;
  let variance = 0;
  let sumR = 0;
  let sumS = 0;
  let sumPR = 0;
  let sumPSQR = 0;
  let sumQS = 0;
  let used = 0;
  for (const table of strata) {
    const a = table.groupPositives;
    const b = table.groupNegatives;
    const c = table.referencePositives;
    const d = table.referenceNegatives;
    for (const cell of [a, b, c, d]) if (!Number.isInteger(cell) || cell < 0) throw new RangeError(`A stratum's cells must be counts (got ${cell}).`);
    const n = a + b + c + d;
    if (n < 2) continue;
    used += 1;
    const rowOne = a + b;
    const rowTwo = c + d;
    const columnOne = a + c;
    const columnTwo = b + d;
    delta += a - (rowOne * columnOne) / n;
    variance += (rowOne * rowTwo * columnOne * columnTwo) / (n * n * (n - 1));
    const r = (a * d) / n;
    const s = (b * c) / n;
    const pr = (a + d) / n;
    const qr = (b + c) / n;
    sumR += r;
    sumS += s;
    sumPR += pr * r;
    sumPSQR += pr * s + qr * r;
    sumQS += qr * s;
  }
  if (variance <= 0) return null;
  const correction = Math.abs(delta) >= 0.5 ? 0.5 : 0;
  const statistic = (Math.abs(delta) - correction) ** 2 / variance;
  const commonOddsRatio = sumS > 0 ? sumR / sumS : null;
  let ciLow: number | null = null;
  let ciHigh: number | null = null;
  if (commonOddsRatio !== null && sumR > 0) {
    const standardError = Math.sqrt(sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS));
    const z = normalQuantileAt(1 - (1 - level) / 2);
    ciLow = commonOddsRatio * Math.exp(-z * standardError);
    ciHigh = commonOddsRatio * Math.exp(z * standardError);
  }
  return { statistic, df: 1, pValue: chiSquareUpperTail(statistic, 1), commonOddsRatio, ciLow, ciHigh, strataUsed: used };
}
