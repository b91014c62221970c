/**
 * Numbers and adjusted effects said in the reader's language: shared by the findings page and
 * the personal evidence pack, so both word the same result the same way.
 *
 * One quantity, one sentence: a sentence says the family-adjusted (Bonferroni) p-value with the
 * simultaneous interval that matches it (see family-adjustment.ts), and whether the effect
 * "could be chance" is read off that very interval, so words and numbers cannot disagree.
 */
import type { Locale } from '../campaigns/types';
import type { FindingsTranslate } from '../i18n/findings-messages';
import type { AdjustedEffect, Comparison, Effect, OutcomeKind } from './campaign-analyses-types';
import { excludesNoDifference } from './family-adjustment';
import { numberFormat } from '../i18n/intl-formats';

export interface Formatters {
  /** A group's estimate: a rate as a percentage; a mean or an ordered outcome's mean position as a number. */
  value: (value: number, kind: OutcomeKind) => string;
  number: (value: number) => string;
  /** A number without any unit (a view may make `number` add the outcome's unit). */
  plain: (value: number) => string;
  p: (value: number) => string;
}

export function formatters(locale: Locale): Formatters {
  const percent = numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = numberFormat(locale, { maximumFractionDigits: 2 });
  const small = numberFormat(locale, { maximumSignificantDigits: 2 });
  return {
    value: (value, kind) => (kind === 'rate' ? percent.format(value) : number.format(value)),
    number: (value) => number.format(value),
    plain: (value) => number.format(value),
    p: (value) => (value < 0.001 ? `< ${small.format(0.001)}` : `= ${small.format(value)}`),
  };
}

/** Whether an adjusted effect is clear after the family adjustment: its simultaneous interval excludes no difference. */
export function isClear(adjusted: Pick<AdjustedEffect, 'familyCiLow' | 'familyCiHigh'>): boolean {
  return excludesNoDifference({ low: adjusted.familyCiLow, high: adjusted.familyCiHigh });
}

/** Whether the estimate is a log odds ratio, shown as an odds ratio (logistic, and proportional odds for ordered outcomes). */
export function isOddsModel(adjusted: Pick<AdjustedEffect, 'model'>): boolean {
  return adjusted.model === 'logistic' || adjusted.model === 'ordinal';
}

/** The estimate and its family interval as shown: odds ratios for a logistic or proportional-odds model, differences otherwise. */
export function shownInterval(adjusted: AdjustedEffect, format: Formatters): { value: string; low: string; high: string } {
  return isOddsModel(adjusted)
    ? { value: format.number(Math.exp(adjusted.estimate)), low: format.number(Math.exp(adjusted.familyCiLow)), high: format.number(Math.exp(adjusted.familyCiHigh)) }
    : { value: format.number(adjusted.estimate), low: format.number(adjusted.familyCiLow), high: format.number(adjusted.familyCiHigh) };
}

/**
 * Which way an ordered outcome's odds ratio points, in words: polr's odds are of a later level of
 * the order, which is worse when the dictionary lists the best level first, better when it lists
 * the worst first (and only "later" when the direction is not known).
 */
function ordinalSentenceKey(ordered: Comparison['ordered']): 'sentenceOrdinalWorse' | 'sentenceOrdinalBetter' | 'sentenceOrdinalLater' {
  if (!ordered) return 'sentenceOrdinalLater';
  return ordered.direction === 'best-first' ? 'sentenceOrdinalWorse' : 'sentenceOrdinalBetter';
}

/**
 * The sentence about one effect. A pooled number outcome is on the percentile scale (the
 * comparison's `pooled.scale`), so its numbers are said as percentile points, not in the unit.
 * An ordered outcome's sentence says which way its odds point (`ordered`, from the comparison).
 */
export function effectSentence(effect: Extract<Effect, { suppressed: false }>, groupLabel: string, referenceLabel: string, ft: FindingsTranslate, format: Formatters, ordered?: Comparison['ordered']): string {
  if (!effect.adjusted) return ft('notAdjusted', { group: groupLabel });
  const { adjusted } = effect;
  const percentile = adjusted.model === 'ols' && effect.stratum === null;
  const shownFormat = percentile ? { ...format, number: (value: number) => ft('percentilePoints', { value: format.plain(value) }) } : format;
  const numbers = shownInterval(adjusted, shownFormat);
  const key = adjusted.model === 'ordinal' ? ordinalSentenceKey(ordered) : adjusted.model === 'logistic' ? 'sentenceOdds' : 'sentenceMean';
  const sentence = ft(key, { group: groupLabel, reference: referenceLabel, count: format.number(adjusted.familySize), ...numbers });
  const chance = ft(isClear(adjusted) ? 'likelyReal' : 'couldBeChance', { name: format.p(adjusted.pValueAdjusted) });
  return `${sentence} ${chance}`;
}
