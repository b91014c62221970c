/**
 * One quantity, one sentence (issue 13): a sentence about an effect says the family-adjusted
 * p-value with the simultaneous interval that matches it, and calls the effect chance exactly
 * when that interval includes no difference — checked over many generated effects and the edge
 * cases where the two could part (the boundary p = 0.05/m, zero estimates, huge families).
 */
import { normalTwoSidedP, tQuantileAt, normalQuantileAt, tTwoSidedP } from '../../../analysis/distributions';
import type { Effect } from '../../../src/evidence/campaign-analyses-types';
import { effectSentence, formatters, isClear } from '../../../src/evidence/effect-sentence';
import { adjustFamily, excludesNoDifference, FAMILY_ALPHA } from '../../../src/evidence/family-adjustment';
import type { UnadjustedEffect } from '../../../src/evidence/group-comparison';
import { SeededRandom } from '../../../src/demo/random';
import { findingsTranslator } from '../../../src/i18n/findings-messages';
import { LOCALES } from '../../../src/campaigns/types';

type Shown = Extract<Effect, { suppressed: false }>;

/** An ordered outcome's order, as a comparison carries it (best first: an odds ratio above 1 is worse). */
const ORDERED = { levels: ['A', 'B', 'C', 'D'], direction: 'best-first' as const };

/**
 * An effect as a fit gives it: estimate, SE, and the p-value of its own test (t with df, or z).
 * `ordinal` (proportional odds, polr) is a log odds ratio tested with t on n − k df, as its clustered coeftest.
 */
function fitted(estimate: number, stdError: number, df: number | null, model: 'ols' | 'logistic' | 'ordinal' = df === null ? 'logistic' : 'ols'): UnadjustedEffect {
  const statistic = estimate / stdError;
  const pValue = df === null ? normalTwoSidedP(statistic) : tTwoSidedP(statistic, df);
  const q = df === null ? normalQuantileAt(0.975) : tQuantileAt(0.975, df);
  return {
    outcome: 'y', stratum: {}, attribute: 'g', level: 'b', reference: 'a', kind: model === 'ols' ? 'mean' : model === 'ordinal' ? 'ordinal' : 'rate', suppressed: false,
    raw: { difference: estimate, pValue },
    adjusted: { model, term: 'g=b', estimate, ciLow: estimate - q * stdError, ciHigh: estimate + q * stdError, pValue, stdError, df, adjustedFor: [], n: 100 },
  };
}

/** A family of m effects: the first ones given, the rest filler far from any boundary. */
function family(given: UnadjustedEffect[], size: number): Shown[] {
  const filler = Array.from({ length: Math.max(0, size - given.length) }, () => fitted(0.1, 1, 50));
  return adjustFamily([...given, ...filler]).slice(0, given.length) as Shown[];
}

function generated(): Shown[] {
  const random = new SeededRandom(1313);
  const effects: Shown[] = [];
  for (const size of [1, 2, 3, 7, 38, 200, 1_000]) {
    const given: UnadjustedEffect[] = [];
    for (let index = 0; index < 60; index += 1) {
      const df = random.chance(0.5) ? null : random.integer(1, 400);
      const stdError = Math.exp(random.normal() * 3);
      // A third of the t-tested effects are ordered outcomes (odds ratios on t), the rest OLS.
      given.push(fitted(random.normal() * 4 * stdError, stdError, df, df === null ? 'logistic' : random.chance(1 / 3) ? 'ordinal' : 'ols'));
    }
    // Edge cases: the statistic exactly at the family's critical value and a hair either side, a zero estimate, p = 1.
    for (const df of [null, 1, 3, 30, 10_000]) {
      const q = df === null ? normalQuantileAt(1 - FAMILY_ALPHA / (2 * size)) : tQuantileAt(1 - FAMILY_ALPHA / (2 * size), df);
      for (const factor of [1, 1 - 1e-9, 1 + 1e-9, 1 - 1e-3, 1 + 1e-3, -1, -(1 + 1e-9)]) {
        given.push(fitted(q * factor * 2.5, 2.5, df));
        if (df !== null) given.push(fitted(q * factor * 2.5, 2.5, df, 'ordinal'));
      }
      given.push(fitted(0, 1, df));
      given.push(fitted(1e-300, 1, df));
    }
    effects.push(...family(given, Math.max(size, given.length)));
  }
  return effects;
}

describe('one quantity, one sentence', () => {
  const effects = generated();

  /** The comparison's order goes with an ordered outcome's effect, as the page and the pack pass it. */
  const orderOf = (effect: Shown) => (effect.kind === 'ordinal' ? ORDERED : undefined);

  test('when many effects are said, then none is called chance while its interval excludes no difference, and none is called clear while it includes it', () => {
    expect(effects.length).toBeGreaterThan(500);
    expect(effects.filter((effect) => effect.kind === 'ordinal').length).toBeGreaterThan(100);
    for (const locale of LOCALES) {
      const ft = findingsTranslator(locale);
      const chanceWords = ft('couldBeChance', { name: '' }).split('(')[0]!.trim();
      const clearWords = ft('likelyReal', { name: '' }).split('(')[0]!.trim();
      for (const effect of effects) {
        const sentence = effectSentence(effect, 'B', 'A', ft, formatters(locale), orderOf(effect));
        const excludes = excludesNoDifference({ low: effect.adjusted!.familyCiLow, high: effect.adjusted!.familyCiHigh });
        expect({ sentence, calledChance: sentence.includes(chanceWords) }).toEqual({ sentence, calledChance: !excludes });
        expect(sentence.includes(clearWords)).toBe(excludes);
        expect(isClear(effect.adjusted!)).toBe(excludes);
      }
    }
  });

  test('when an effect is said, then the sentence shows the very interval and p-value of the table: the family interval and the Bonferroni p', () => {
    const format = formatters('en');
    const ft = findingsTranslator('en');
    for (const effect of [...effects.slice(0, 100), ...effects.filter((candidate) => candidate.kind === 'ordinal').slice(0, 100)]) {
      const adjusted = effect.adjusted!;
      const sentence = effectSentence(effect, 'B', 'A', ft, format, orderOf(effect));
      const [low, high] = adjusted.model !== 'ols' ? [Math.exp(adjusted.familyCiLow), Math.exp(adjusted.familyCiHigh)] : [adjusted.familyCiLow, adjusted.familyCiHigh];
      expect(sentence).toContain(`${format.number(low)} to ${format.number(high)}, widened for the ${format.number(adjusted.familySize)} comparisons`);
      expect(sentence).toContain(`p ${format.p(adjusted.pValueAdjusted)}`);
    }
  });

  test('when an ordered outcome\'s effect is said, then its odds point the way the dictionary\'s order says, in every language', () => {
    const effect = effects.find((candidate) => candidate.kind === 'ordinal')!;
    const en = findingsTranslator('en');
    expect(effectSentence(effect, 'B', 'A', en, formatters('en'), ORDERED)).toContain('the odds for B of a worse rather than a better level are');
    expect(effectSentence(effect, 'B', 'A', en, formatters('en'), { ...ORDERED, direction: 'worst-first' })).toContain('the odds for B of a better rather than a worse level are');
    expect(effectSentence(effect, 'B', 'A', findingsTranslator('de'), formatters('de'), ORDERED)).toContain('auf eine schlechtere statt einer besseren Stufe');
    expect(effectSentence(effect, 'B', 'A', findingsTranslator('fr'), formatters('fr'), ORDERED)).toContain('d\u2019un niveau moins bon plutôt que meilleur');
  });

  test('when the Bonferroni p is below 0.05, then the simultaneous interval excludes no difference, and the converse, away from the boundary itself', () => {
    let boundary = 0;
    for (const effect of effects) {
      const adjusted = effect.adjusted!;
      const threshold = FAMILY_ALPHA / adjusted.familySize;
      // Within a billionth of the threshold the two are the same number up to rounding: either verdict is honest there.
      if (Math.abs(adjusted.pValue - threshold) <= 1e-9 * threshold) {
        boundary += 1;
        continue;
      }
      expect(adjusted.pValueAdjusted < FAMILY_ALPHA).toBe(excludesNoDifference({ low: adjusted.familyCiLow, high: adjusted.familyCiHigh }));
    }
    expect(boundary).toBeLessThan(effects.length / 10);
  });

  test('when there are m effects, then the interval is the 1 − 0.05/m interval and p is min(1, m·p)', () => {
    const [effect] = family([fitted(2, 1, 20)], 10);
    const half = tQuantileAt(1 - 0.0025, 20);
    expect(effect!.adjusted!.familyCiLow).toBeCloseTo(2 - half, 12);
    expect(effect!.adjusted!.familyCiHigh).toBeCloseTo(2 + half, 12);
    expect(effect!.adjusted!.pValueAdjusted).toBeCloseTo(Math.min(1, 10 * tTwoSidedP(2, 20)), 14);
    expect(effect!.adjusted!.familySize).toBe(10);
    expect(effect!.adjusted).not.toHaveProperty('stdError');
  });
});
