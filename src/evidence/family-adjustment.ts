/**
 * The correction for testing many effects at once, and the interval that goes with it.
 *
 * Why Bonferroni and not Holm: every sentence about an effect is made from the interval and the
 * p-value the table beside it shows, and the two must never disagree. Holm's step-down p-values
 * have no matching interval, so a Holm p above 0.05 could stand beside an interval that excludes
 * no difference (issue 13 found "could be chance (adjusted p = 0.41)" beside 0.1 to 2.33).
 * Bonferroni's p-value min(1, m·p) is below α exactly when the simultaneous interval at level
 * 1 − α/m excludes no difference: the same test, said twice. It is more conservative than Holm,
 * a price paid for words and numbers that agree.
 */
import { normalQuantileAt, tQuantileAt } from '../../analysis/distributions';
import type { Effect } from './campaign-analyses-types';
import type { UnadjustedEffect } from './group-comparison';

/** The family-wide error rate: 5%, the level of every interval shown with an adjusted p-value. */
export const FAMILY_ALPHA = 0.05;

/** The critical value of a two-sided simultaneous interval for m tests: t with `df` degrees of freedom, or z when df is null. */
export function familyQuantile(familySize: number, df: number | null): number {
  const probability = 1 - FAMILY_ALPHA / (2 * Math.max(familySize, 1));
  return df === null ? normalQuantileAt(probability) : tQuantileAt(probability, df);
}

/** Whether an interval on the scale of the estimate (a difference or a log odds ratio) leaves out no difference (0). */
export function excludesNoDifference(interval: { low: number; high: number }): boolean {
  return interval.low > 0 || interval.high < 0;
}

/**
 * Bonferroni across every adjusted effect of the campaign (the family: all outcomes × strata ×
 * attributes × groups), with each effect's simultaneous interval estimate ± q·SE, where q is the
 * 1 − α/(2m) quantile of the distribution its p-value came from.
 */
export function adjustFamily(effects: readonly UnadjustedEffect[]): Effect[] {
  const familySize = effects.filter((effect) => !effect.suppressed && effect.adjusted).length;
  return effects.map((effect) => {
    if (effect.suppressed || !effect.adjusted) return effect as Effect;
    const { stdError, df, ...adjusted } = effect.adjusted;
    const half = familyQuantile(familySize, df) * stdError;
    return {
      ...effect,
      adjusted: { ...adjusted, pValueAdjusted: Math.min(1, adjusted.pValue * familySize), familyCiLow: adjusted.estimate - half, familyCiHigh: adjusted.estimate + half, familySize },
    } as Effect;
  });
}
