/**
 * Tail probabilities and quantiles from @stdlib. Upper tails come from the regularised incomplete
 * beta and gamma functions directly, not as 1 − cdf, so p-values as small as 1e-150 keep their
 * digits (R reports them that way too).
 */
import betainc from '@stdlib/math-base-special-betainc';
import gammainc from '@stdlib/math-base-special-gammainc';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Two-sided p-value of a t statistic: 2·P(T_df > |t|) = I_{df/(df+t²)}(df/2, 1/2). */
export function tTwoSidedP(statistic: number, degreesOfFreedom: number): number {
  return betainc(degreesOfFreedom / (degreesOfFreedom + statistic * statistic), degreesOfFreedom / 2, 0.5);
}

/** Two-sided p-value of a standard normal statistic: 2·Φ(−|z|). */
export function normalTwoSidedP(statistic: number): number {
  return 2 * normalCdf(-Math.abs(statistic), 0, 1);
}

/** P(F_{d1,d2} > f) = I_{d2/(d2+d1 f)}(d2/2, d1/2). */
export function fUpperTail(statistic: number, numeratorDf: number, denominatorDf: number): number {
  return betainc(denominatorDf / (denominatorDf + numeratorDf * statistic), denominatorDf / 2, numeratorDf / 2);
}

/** P(χ²_df > x) = Q(df/2, x/2), the regularised upper incomplete gamma. */
export function chiSquareUpperTail(statistic: number, degreesOfFreedom: number): number {
  return gammainc(statistic / 2, degreesOfFreedom / 2, true, true);
}

/** The quantile of Student's t with `degreesOfFreedom` at `probability`. */
export function tQuantileAt(probability: number, degreesOfFreedom: number): number {
  return tQuantile(probability, degreesOfFreedom);
}

/** The standard normal quantile at `probability`. */
export function normalQuantileAt(probability: number): number {
  return normalQuantile(probability, 0, 1);
}

export function normalLowerTail(statistic: number): number {
  return normalCdf(statistic, 0, 1);
}
