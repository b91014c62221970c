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
 * The Cochran–Mantel–Haenszel test of a 2×2×K table with continuity correction, and the
 * Mantel–Haenszel common odds ratio with the Robins–Breslow–Greenland interval, as R's
 * `mantelhaen.test(x, correct = TRUE)` (Mantel & Haenszel 1959; Robins, Breslow & Greenland 1986):
 * Δ = Σ (aₖ − E aₖ), V = Σ r₁r₂c₁c₂ / (nₖ²(nₖ − 1)), X² = (|Δ| − ½)²/V on 1 df.
 * Strata with fewer than two rows carry no information and are skipped (R refuses them).
 *
 * @returns null when no stratum has variance (nothing to test).
 * @example cochranMantelHaenszel([{ groupPositives: 10, groupNegatives: 20, referencePositives: 20, referenceNegatives: 15 }])
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
