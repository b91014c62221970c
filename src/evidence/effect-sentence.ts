/**
 * Numbers and adjusted effects said in the reader's language: shared by the findings page and
 * the personal evidence pack, so both word the same result the same way.
 */
import type { Locale } from '../campaigns/types';
import type { FindingsTranslate } from '../i18n/findings-messages';
import type { Effect } from './campaign-analyses-types';

export interface Formatters {
  value: (value: number, kind: 'rate' | 'mean') => string;
  number: (value: number) => string;
  p: (value: number) => string;
}

export function formatters(locale: Locale): Formatters {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const small = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  return {
    value: (value, kind) => (kind === 'rate' ? percent.format(value) : number.format(value)),
    number: (value) => number.format(value),
    p: (value) => (value < 0.001 ? `< ${small.format(0.001)}` : `= ${small.format(value)}`),
  };
}

export function effectSentence(effect: Extract<Effect, { suppressed: false }>, groupLabel: string, referenceLabel: string, ft: FindingsTranslate, format: Formatters): string {
  if (!effect.adjusted) return ft('notAdjusted', { group: groupLabel });
  const { adjusted } = effect;
  const numbers = adjusted.model === 'logistic'
    ? { value: format.number(Math.exp(adjusted.estimate)), low: format.number(Math.exp(adjusted.ciLow)), high: format.number(Math.exp(adjusted.ciHigh)) }
    : { value: format.number(adjusted.estimate), low: format.number(adjusted.ciLow), high: format.number(adjusted.ciHigh) };
  const sentence = ft(adjusted.model === 'logistic' ? 'sentenceOdds' : 'sentenceMean', { group: groupLabel, reference: referenceLabel, ...numbers });
  const chance = ft(adjusted.pValueAdjusted < 0.05 ? 'likelyReal' : 'couldBeChance', { name: format.p(adjusted.pValueAdjusted) });
  return `${sentence} ${chance}`;
}
