/** Findings compare like with like: per stratum the dictionary declares, pooled only with strata held fixed (issue 13). */
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { analyseRows } from '../../../src/evidence/campaign-analyses';
import { favourableIn, outcomeRows, outcomeStrata, percentileRanks } from '../../../src/evidence/outcome-strata';
import { normal, plannedRows } from '../../helpers/robustness-data';

const campaigns = loadCampaigns();
const credit = campaigns.get('credit-scores')!;
const platform = campaigns.get('platform-decisions')!;

describe('comparable strata', () => {
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
