/** Findings compare like with like: per stratum the dictionary declares, pooled only with strata held fixed (issue 13). */
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { analyseRows } from '../../../src/evidence/campaign-analyses';
import type { Effect } from '../../../src/evidence/campaign-analyses-types';
import { isClear } from '../../../src/evidence/effect-sentence';
import { compareGroups } from '../../../src/evidence/group-comparison';
import { favourableIn, outcomeRows, outcomeStrata, percentileRanks } from '../../../src/evidence/outcome-strata';
import { bernoulli, normal, plannedRows } from '../../helpers/robustness-data';

const campaigns = loadCampaigns();
const credit = campaigns.get('credit-scores')!;
const platform = campaigns.get('platform-decisions')!;
type Shown = Extract<Effect, { suppressed: false }>;
const shownEffects = (effects: Effect[], outcome: string, attribute: string) => effects.filter((effect): effect is Shown => !effect.suppressed && effect.outcome === outcome && effect.attribute === attribute);

/** Two bureaus with different scales (a percentage, and 100–600 points); women mostly at the first, men mostly at the second. */
const scoreRows = (copies = 1) => plannedRows({
  campaign: credit, outcome: 'score_value', attribute: 'sex', focus: 'female', other: 'male', copies,
  strata: [
    { values: { bureau: 'schufa', score_type: 'base' }, donors: 240, focusShare: 0.8, outcome: normal(95, 3) },
    { values: { bureau: 'crif', score_type: 'base' }, donors: 240, focusShare: 0.2, outcome: normal(400, 60) },
  ],
});

/** Deactivations go against the worker far more often than job offers; women mostly report deactivations. */
const adverseRows = () => plannedRows({
  campaign: platform, outcome: 'adverse', attribute: 'sex', focus: 'female', other: 'male',
  strata: [
    { values: { decision_type: 'deactivation' }, donors: 300, focusShare: 0.8, outcome: bernoulli(0.6) },
    { values: { decision_type: 'job-offer' }, donors: 300, focusShare: 0.2, outcome: bernoulli(0.1) },
  ],
});

describe('comparable strata', () => {
  test('when within every stratum no group differs but group composition differs between strata, then the findings report no clear effect, while the pooled analysis of before (all records in one model) does', async () => {
    for (const [campaign, rows, outcome, kind] of [[credit, scoreRows(), 'score_value', 'mean'], [platform, adverseRows(), 'adverse', 'rate']] as const) {
      const findings = await analyseRows(campaign, rows);
      const effects = shownEffects(findings.effects, outcome, 'sex');
      // One effect per stratum and one pooled over both, each adjusted, none clear.
      expect(effects.map((effect) => effect.stratum === null ? 'pooled' : Object.values(effect.stratum).join('/')).sort()).toHaveLength(3);
      expect(effects.every((effect) => effect.adjusted !== null)).toBe(true);
      expect(effects.filter((effect) => isClear(effect.adjusted!) || effect.adjusted!.pValueAdjusted < 0.05)).toEqual([]);
      const pooled = findings.comparisons.find((comparison) => comparison.outcome === outcome && comparison.attribute === 'sex' && comparison.stratum === null)!;
      expect(pooled.pooled).toEqual({ over: campaign.schema.fields.find((field) => field.name === outcome)!.comparable!.within, scale: kind === 'mean' ? 'percentile' : 'outcome' });

      // Before issue 13: every record of the outcome in one comparison, strata ignored.
      const before = await compareGroups({ rows: outcomeRows(campaign.schema.fields.find((field) => field.name === outcome)!, rows), outcome, attribute: 'sex', kind, legitimate: [], minGroupSize: 5, stratum: {} });
      const naive = before.effects.find((effect) => !effect.suppressed)!;
      expect(naive.suppressed).toBe(false);
      if (naive.suppressed) return;
      expect(naive.adjusted!.pValue).toBeLessThan(1e-6);
      expect(naive.raw.pValue).toBeLessThan(1e-6);
    }
  });

  test('when a stratum has fewer than k donors, then it is listed only as suppressed, is compared nowhere and enters no pooled figure', async () => {
    const rows = plannedRows({
      campaign: credit, outcome: 'score_value', attribute: 'sex', focus: 'female', other: 'male',
      strata: [
        { values: { bureau: 'schufa', score_type: 'base' }, donors: 40, focusShare: 0.5, outcome: normal(95, 3) },
        { values: { bureau: 'crif', score_type: 'base' }, donors: 40, focusShare: 0.5, outcome: normal(400, 60) },
        { values: { bureau: 'experian', score_type: 'telecom' }, donors: 4, focusShare: 0.5, outcome: normal(9_000, 1) },
      ],
    });
    const findings = await analyseRows(credit, rows);
    expect(findings.strata).toEqual([
      { outcome: 'score_value', stratum: { bureau: 'crif', score_type: 'base' }, suppressed: false, donors: 40, records: 40 },
      { outcome: 'score_value', stratum: { bureau: 'experian', score_type: 'telecom' }, suppressed: true },
      { outcome: 'score_value', stratum: { bureau: 'schufa', score_type: 'base' }, suppressed: false, donors: 40, records: 40 },
    ]);
    expect(findings.comparisons.some((comparison) => comparison.stratum?.bureau === 'experian')).toBe(false);
    const pooled = findings.comparisons.find((comparison) => comparison.outcome === 'score_value' && comparison.attribute === 'sex' && comparison.stratum === null)!;
    const records = pooled.groups.reduce((sum, group) => sum + (group.suppressed ? 0 : group.records), 0);
    expect(records).toBe(80);
    expect(JSON.stringify(findings)).not.toMatch(/9000|8999/);
  });

  test('when an outcome applies only to some records and has a legitimate factor of its own, then only those records are compared and only its model holds that factor fixed', async () => {
    const pay = platform.schema.fields.find((field) => field.name === 'pay_cents')!;
    const adverse = platform.schema.fields.find((field) => field.name === 'adverse')!;
    const base = { donor: 'a', adverse: 0, pay_cents: 900, decision_type: 'job-pay', platform: 'uber', city: 'berlin' };
    expect(outcomeRows(pay, [base, { ...base, decision_type: 'rating' }, { ...base, pay_cents: null }])).toEqual([base]);
    expect(outcomeStrata(pay, [base]).map((stratum) => stratum.values)).toEqual([{ platform: 'uber', city: 'berlin' }]);
    expect(outcomeStrata(adverse, [base]).map((stratum) => stratum.values)).toEqual([{ decision_type: 'job-pay' }]);

    const rows = plannedRows({
      campaign: platform, outcome: 'pay_cents', attribute: 'sex', focus: 'female', other: 'male',
      strata: [{ values: { decision_type: 'job-pay', platform: 'uber', city: 'berlin' }, donors: 60, focusShare: 0.5, outcome: normal(1_500, 300) }],
    }).map((row, index) => ({ ...row, distance_km: 1 + (index % 9), adverse: index % 3 === 0 ? 1 : 0 }));
    const findings = await analyseRows(platform, rows);
    const payComparison = findings.comparisons.find((comparison) => comparison.outcome === 'pay_cents' && comparison.attribute === 'sex')!;
    const adverseComparison = findings.comparisons.find((comparison) => comparison.outcome === 'adverse' && comparison.attribute === 'sex')!;
    expect(payComparison.adjustedFor).toContain('distance_km');
    expect(adverseComparison.adjustedFor).not.toContain('distance_km');
  });

  test('when scores are pooled, then each is its mid-rank percentile within its stratum, turned where the scale runs the other way', () => {
    expect(percentileRanks([10, 20, 20, 40])).toEqual([12.5, 50, 50, 87.5]);
    const score = { ...credit.schema.fields.find((field) => field.name === 'score_value')!, comparable: { within: ['bureau'], favourableWhere: [{ where: { bureau: ['creditreform'] }, favourable: 'lower' as const }] } };
    expect(favourableIn(score, { bureau: 'schufa' })).toBe('higher');
    expect(favourableIn(score, { bureau: 'creditreform' })).toBe('lower');
  });
});
