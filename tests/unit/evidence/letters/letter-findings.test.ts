import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import type { AdjustedEffect } from '../../../../src/evidence/campaign-analyses-types';
import { findingSentences, helpfulFindings, type GroupEffect } from '../../../../src/evidence/letters/letter-findings';
import { describeDecision } from '../../../../src/evidence/personal/donor-record';

const campaigns = loadCampaigns();
const credit = campaigns.get('credit-scores')!;
const platform = campaigns.get('platform-decisions')!;

/** The family interval is the given interval unless said otherwise: the letters read the family interval. */
function adjusted(overrides: Partial<AdjustedEffect>): AdjustedEffect {
  const given = { model: 'ols' as const, term: 'x', estimate: -5.3, ciLow: -6.2, ciHigh: -4.4, pValue: 1e-9, pValueAdjusted: 1e-8, adjustedFor: ['income_band', 'employment'], n: 300, ...overrides };
  return { familyCiLow: given.ciLow, familyCiHigh: given.ciHigh, familySize: 20, ...given };
}

const effect = (outcome: string, attribute: string, level: string, reference: string, adjustedEffect: AdjustedEffect): GroupEffect => ({ outcome, attribute, level, reference, status: 'compared', adjusted: adjustedEffect });

describe('findings in letters', () => {
  const record = { bureau: 'schufa', nationality: 'non-eu', age_band: '25-34', sex: 'male', score_value: 89.5, application_refused: true };

  test('when findings point against the donor\u2019s group, favour it, may be chance, or concern another group, then only the first enter the letters', () => {
    const against = effect('score_value', 'nationality', 'non-eu', 'german', adjusted({}));
    const refusedMore = effect('application_refused', 'nationality', 'non-eu', 'german', adjusted({ model: 'logistic', estimate: 1.08, ciLow: 0.44, ciHigh: 1.72, pValueAdjusted: 0.019 }));
    const favours = effect('application_refused', 'age_band', '25-34', '35-44', adjusted({ model: 'logistic', estimate: -0.37, ciLow: -0.6, ciHigh: -0.1, pValueAdjusted: 0.01 }));
    const chance = effect('score_value', 'sex', 'male', 'female', adjusted({ estimate: -1, ciLow: -2.1, ciHigh: -0.05, pValue: 0.04, pValueAdjusted: 1 }));
    const otherGroup = effect('score_value', 'nationality', 'other-eu', 'german', adjusted({}));
    const notCompared: GroupEffect = { outcome: 'score_value', attribute: 'age_band', level: '25-34', status: 'none' };
    expect(helpfulFindings(credit, record, [against, refusedMore, favours, chance, otherGroup, notCompared])).toEqual([against, refusedMore]);
  });

  test('when an adjusted p is at most 0.05 but the family interval touches no difference, then the finding stays out', () => {
    const touching = effect('score_value', 'nationality', 'non-eu', 'german', adjusted({ ciHigh: 0.01, pValueAdjusted: 0.04 }));
    expect(helpfulFindings(credit, record, [touching])).toEqual([]);
  });

  test('when a score difference is written, then the donor states it in the first person with its unit, its interval and the adjusted p', () => {
    const [finding] = helpfulFindings(credit, record, [effect('score_value', 'nationality', 'non-eu', 'german', adjusted({}))]);
    const [english, meaning] = findingSentences(credit, finding!, 'en');
    expect(english).toBe('Among the people who pooled their records in the crowdaudit project, those whose nationality is “A country outside the EU” had on average a “Score value” 5.3\u00a0points lower than those whose nationality is “German”, with the same monthly net income and work (confidence interval 4.4\u00a0points to 6.2\u00a0points, widened for the 20 comparisons made; p < 0.001 after adjusting for the number of comparisons made).');
    expect(meaning).toBe('This means that people in this group, in otherwise the same circumstances, fared worse on “Score value”, and that this is unlikely to be chance. My nationality is “A country outside the EU”: I belong to this group.');
    expect(findingSentences(credit, finding!, 'de')[0]).toContain('um 5,3\u00a0Punkte niedriger');
  });

  test('when a pay difference in cents is written, then it is said in euros, and the outcome by its first-person letter title', () => {
    const worker = { platform: 'uber', sex: 'female', pay_cents: 1100 };
    const [finding] = helpfulFindings(platform, worker, [effect('pay_cents', 'sex', 'female', 'male', adjusted({ estimate: -181.3, ciLow: -240, ciHigh: -120, adjustedFor: [] }))]);
    const [sentence] = findingSentences(platform, finding!, 'en');
    expect(sentence).toContain('had on average a “Pay” 1.81\u00a0€ lower than those whose sex is “Male” (confidence interval 1.20\u00a0€ to 2.40\u00a0€, widened for the 20 comparisons made;');
    expect(sentence).not.toContain('cents');
  });
});

describe('the decision as a letter states it', () => {
  test('when a yes/no outcome is in the donor\u2019s favour, then the letter leaves it out; when it went against them, it is stated in the first person', () => {
    const job = { platform: 'uber', decision_type: 'deactivation', pay_cents: 1250 };
    expect(describeDecision(platform, { ...job, adverse: false }, 'en')).toBe('Platform: Uber; Kind of decision: Account deactivated; Pay: 12.50\u00a0€');
    expect(describeDecision(platform, { ...job, adverse: true }, 'de')).toBe('Plattform: Uber; Art der Entscheidung: Konto gesperrt; Entscheidung zu meinem Nachteil: ja; Bezahlung: 12,50\u00a0€');
    expect(describeDecision(credit, { bureau: 'schufa', score_value: 89.5, application_refused: false }, 'fr')).toBe('Bureau de crédit\u00a0: SCHUFA\u00a0; Valeur du score\u00a0: 89,5\u00a0points');
  });

  test('when a finding is of one stratum or pooled over strata, then the letter says which bureau and kind of score, or speaks of percentile points within them', () => {
    const record = { bureau: 'schufa', score_type: 'base', nationality: 'non-eu', score_value: 89.5 };
    const ofStratum: GroupEffect = { ...effect('score_value', 'nationality', 'non-eu', 'german', adjusted({})), stratum: { bureau: 'schufa', score_type: 'base' } };
    const [stratumSentence] = findingSentences(credit, helpfulFindings(credit, record, [ofStratum])[0]!, 'en');
    expect(stratumSentence).toContain('“Score value” (for SCHUFA, Base score (general)) 5.3\u00a0points lower');
    const pooled: GroupEffect = { ...effect('score_value', 'nationality', 'non-eu', 'german', adjusted({ estimate: -12.4, ciLow: -16, ciHigh: -8.8 })), stratum: null };
    const [pooledSentence] = findingSentences(credit, helpfulFindings(credit, record, [pooled])[0]!, 'en');
    expect(pooledSentence).toContain('12.4 percentile points lower');
    expect(pooledSentence).toContain('each ranked only against people with the same credit bureau and kind of score');
    expect(pooledSentence).not.toContain('\u00a0points lower');
    for (const locale of ['de', 'fr'] as const) expect(findingSentences(credit, helpfulFindings(credit, record, [pooled])[0]!, locale)[0]).toMatch(/Perzentilpunkte|points de percentile/);
  });
});
