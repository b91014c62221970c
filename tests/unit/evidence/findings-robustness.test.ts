/**
 * The findings shown to be robust (issue 13, 6a and 6b), on data sets made deterministically by
 * tests/helpers/robustness-data.ts: (a) a difference that comes only from who is in which
 * stratum is not reported, and (b) copying every donor's record does not make anyone surer.
 */
import { ols } from '../../../analysis/ols';
import { arrayRowSource } from '../../../analysis/row-source';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { analyseRows } from '../../../src/evidence/campaign-analyses';
import type { Comparison, Effect } from '../../../src/evidence/campaign-analyses-types';
import { isClear } from '../../../src/evidence/effect-sentence';
import { compareGroups } from '../../../src/evidence/group-comparison';
import { outcomeRows } from '../../../src/evidence/outcome-strata';
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

describe('robustness of the findings', () => {
  test('when within every stratum no group differs but group composition differs between strata, then the findings report no clear effect, while the pooled analysis of before (all records in one model) does', async () => {
    for (const [campaign, rows, outcome, kind] of [[credit, scoreRows(), 'score_value', 'mean'], [platform, adverseRows(), 'adverse', 'rate']] as const) {
      const findings = await analyseRows(campaign, rows);
      const effects = shownEffects(findings.effects, outcome, 'sex');
      // One effect per stratum and one pooled over both, each adjusted, none clear.
      expect(effects.map((effect) => effect.stratum === null ? 'pooled' : Object.values(effect.stratum).join('/')).sort()).toHaveLength(3);
      expect(effects.every((effect) => effect.adjusted !== null)).toBe(true);
      expect(effects.filter((effect) => isClear(effect.adjusted!) || effect.adjusted!.pValueAdjusted < 0.05)).toEqual([]);
      // Nor the raw differences: within a stratum there is none, and pooled ones count each record against its stratum.
      expect(effects.filter((effect) => (effect.raw.pValue ?? 1) < 0.05)).toEqual([]);
      const pooled = findings.comparisons.find((comparison) => comparison.outcome === outcome && comparison.attribute === 'sex' && comparison.stratum === null)!;
      expect(pooled.pooled).toEqual({ over: campaign.schema.fields.find((field) => field.name === outcome)!.comparable!.within, scale: kind === 'mean' ? 'percentile' : 'outcome' });

      // Before issue 13: every record of the outcome in one comparison, strata ignored.
      const before = await compareGroups({ rows: outcomeRows(campaign.schema.fields.find((field) => field.name === outcome)!, rows), outcome, attribute: 'sex', kind, legitimate: [], textFields: [], minGroupSize: 5, stratum: {} });
      const naive = before.effects.find((effect) => !effect.suppressed)!;
      expect(naive.suppressed).toBe(false);
      if (naive.suppressed) return;
      expect(naive.adjusted!.pValue).toBeLessThan(1e-6);
      expect(naive.raw.pValue).toBeLessThan(1e-6);
    }
  });

  test('when every donor\u2019s records are copies of one record, then every interval is as wide, within 5%, as with one record per donor', async () => {
    // A real difference within each stratum, so the intervals are about something.
    const plan = (copies: number) => plannedRows({
      campaign: credit, outcome: 'score_value', attribute: 'sex', focus: 'female', other: 'male', copies, seed: 6,
      strata: [
        { values: { bureau: 'schufa', score_type: 'base' }, donors: 150, focusShare: 0.5, outcome: normal(95, 3) },
        { values: { bureau: 'crif', score_type: 'base' }, donors: 150, focusShare: 0.5, outcome: normal(400, 60) },
      ],
    });
    const once = await analyseRows(credit, plan(1));
    const copied = await analyseRows(credit, plan(5));
    const width = (low: number | null | undefined, high: number | null | undefined) => (high as number) - (low as number);
    const bySex = (findings: typeof once) => findings.comparisons.filter((comparison) => comparison.attribute === 'sex' && comparison.outcome === 'score_value');
    const pairs = bySex(once).map((comparison, index) => [comparison, bySex(copied)[index]!] as [Comparison, Comparison]);
    expect(pairs).toHaveLength(3);
    let compared = 0;
    for (const [single, copies] of pairs) {
      expect(copies.stratum).toEqual(single.stratum);
      for (const group of single.groups) {
        const other = copies.groups.find((candidate) => candidate.level === group.level)!;
        if (group.suppressed || other.suppressed) throw new Error('no group should be suppressed here');
        expect(other.records).toBe(5 * group.records);
        expect(width(other.ciLow, other.ciHigh) / width(group.ciLow, group.ciHigh)).toBeCloseTo(1, 1);
        expect(Math.abs(width(other.ciLow, other.ciHigh) / width(group.ciLow, group.ciHigh) - 1)).toBeLessThan(0.05);
        compared += 1;
      }
    }
    const effectsOf = (findings: typeof once) => shownEffects(findings.effects, 'score_value', 'sex');
    const copiedEffects = effectsOf(copied);
    for (const [index, effect] of effectsOf(once).entries()) {
      const other = copiedEffects[index]!;
      const ratios = [
        width(other.raw.ciLow, other.raw.ciHigh) / width(effect.raw.ciLow, effect.raw.ciHigh),
        width(other.adjusted!.ciLow, other.adjusted!.ciHigh) / width(effect.adjusted!.ciLow, effect.adjusted!.ciHigh),
        width(other.adjusted!.familyCiLow, other.adjusted!.familyCiHigh) / width(effect.adjusted!.familyCiLow, effect.adjusted!.familyCiHigh),
      ];
      for (const ratio of ratios) expect(Math.abs(ratio - 1)).toBeLessThan(0.05);
      compared += 1;
    }
    expect(compared).toBe(9);

    // Without clustering (records as independent people, as before issue 13) the copies would narrow the interval by about √5.
    const schufa = (rows: ReturnType<typeof plan>) => rows.filter((row) => row.bureau === 'schufa');
    const naive = async (rows: ReturnType<typeof plan>) => (await ols(arrayRowSource(schufa(rows)), { outcome: 'score_value', predictors: ['sex'], reference: { sex: 'male' } })).coefficients[1]!.stdError;
    expect((await naive(plan(1))) / (await naive(plan(5)))).toBeCloseTo(Math.sqrt(5), 1);
  });
});
