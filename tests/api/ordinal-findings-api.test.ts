/**
 * Ordered outcomes in the public findings (issue 13, item 4): each group's mean position in the
 * dictionary's order and the proportional-odds ratio against the reference — the very numbers of
 * `proportionalOdds` (MASS::polr, errors clustered by donor) on the comparison's rows —, in the
 * campaign's Bonferroni family, and groups under k nowhere.
 */
import request from 'supertest';
import { tQuantileAt } from '../../analysis/distributions';
import { proportionalOdds } from '../../analysis/proportional-odds';
import { arrayRowSource } from '../../analysis/row-source';
import type { Row } from '../../analysis/types';
import { orderedLevelsOf } from '../../src/campaigns/ordered-levels';
import type { Campaign } from '../../src/campaigns/types';
import { seedDemo } from '../../src/demo/seed-demo';
import { loadCampaignRows } from '../../src/evidence/campaign-rows';
import { NO_ANSWER_LEVELS } from '../../src/evidence/group-comparison';
import { roundCount } from '../../src/evidence/releases/public-findings';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign } from '../helpers/donation-body';

describe('ordered outcomes in the findings', () => {
  let testApp: TestApp;
  beforeEach(async () => {
    testApp = await buildTestApp();
  });

  const findings = async (slug: string) => (await request(testApp.app).get(`/api/v1/campaigns/${slug}/findings`).expect(200)).body;
  /** The campaign's ordered outcome, found from the dictionary as the findings find it. */
  const orderedOutcome = (campaign: Campaign) => {
    const field = campaign.fieldsWithRole('outcome').find((candidate) => orderedLevelsOf(candidate))!;
    return { field, order: orderedLevelsOf(field)! };
  };

  test('when a campaign has an ordered outcome, then its effects are polr with donor-clustered errors on the comparison\'s rows, raw and adjusted, in the Bonferroni family', async () => {
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    await seedDemo(campaign, testApp.dependencies.donations, { count: 300, seed: 11, now: new Date('2026-11-01T00:00:00Z') });
    const { field, order } = orderedOutcome(campaign);
    const body = await findings('credit-scores');
    expect(body.notAnalysed).toEqual([]);
    const comparisons = body.comparisons.filter((comparison: any) => comparison.outcome === field.name);
    expect(comparisons.map((comparison: any) => comparison.attribute)).toEqual(campaign.fieldsWithRole('protected').map((attribute) => attribute.name));
    for (const comparison of comparisons) expect(comparison).toMatchObject({ kind: 'ordinal', ordered: { levels: order.levels, direction: order.direction } });
    // The planner leaves ordered outcomes out.
    expect(body.planner.some((entry: any) => entry.outcome === field.name)).toBe(false);

    const { rows } = await loadCampaignRows(testApp.store.records, campaign);
    const effect = body.effects.find((candidate: any) => candidate.kind === 'ordinal' && !candidate.suppressed && candidate.adjusted && candidate.attribute !== 'postcode_region');
    const comparison = comparisons.find((candidate: any) => candidate.attribute === effect.attribute);
    const shown = new Set(comparison.groups.filter((group: any) => !group.suppressed).map((group: any) => group.level));
    const compared: Row[] = rows.filter((row) => order.levels.includes(String(row[field.name])) && shown.has(String(row[effect.attribute])) && !NO_ANSWER_LEVELS.has(String(row[effect.attribute])));
    const spec = { outcome: field.name, order: order.levels, missingLevels: order.missingLevels, reference: { [effect.attribute]: comparison.reference }, cluster: 'donor' };
    const adjusted = await proportionalOdds(arrayRowSource(compared), { ...spec, predictors: [effect.attribute, ...comparison.adjustedFor] });
    const raw = await proportionalOdds(arrayRowSource(compared), { ...spec, predictors: [effect.attribute] });
    expect(adjusted.clustered?.clusters).toBeLessThan(adjusted.n);
    const term = `${effect.attribute}=${effect.level}`;
    const adjustedCoefficient = adjusted.coefficients.find((candidate) => candidate.term === term)!;
    const rawCoefficient = raw.coefficients.find((candidate) => candidate.term === term)!;
    // A release rounds every count (n too).
    expect(effect.adjusted).toMatchObject({ model: 'ordinal', term, n: roundCount(adjusted.n) });
    for (const key of ['estimate', 'oddsRatio', 'ciLow', 'ciHigh', 'pValue'] as const) expect(effect.adjusted[key]).toBeCloseTo(adjustedCoefficient[key], 10);
    for (const key of ['estimate', 'oddsRatio', 'stdError', 'ciLow', 'ciHigh', 'pValue'] as const) expect(effect.raw.proportionalOdds[key]).toBeCloseTo(rawCoefficient[key], 10);

    // The family: every adjusted effect of every kind, and the ordinal interval on polr's t(n − k).
    const tested = body.effects.filter((candidate: any) => !candidate.suppressed && candidate.adjusted);
    expect(new Set(tested.map((candidate: any) => candidate.kind))).toEqual(new Set(['rate', 'mean', 'ordinal']));
    for (const candidate of tested) expect(candidate.adjusted.familySize).toBe(tested.length);
    const half = tQuantileAt(1 - 0.025 / tested.length, adjusted.dfResidual) * adjustedCoefficient.stdError;
    expect(effect.adjusted.familyCiLow).toBeCloseTo(adjustedCoefficient.estimate - half, 8);
    expect(effect.adjusted.familyCiHigh).toBeCloseTo(adjustedCoefficient.estimate + half, 8);
    expect(effect.adjusted.pValueAdjusted).toBeCloseTo(Math.min(1, adjustedCoefficient.pValue * tested.length), 12);

    // Each group's estimate is its mean position in the order (1 = the first level).
    const group = comparison.groups.find((candidate: any) => candidate.level === effect.level);
    const positions = compared.filter((row) => row[effect.attribute] === effect.level).map((row) => order.levels.indexOf(String(row[field.name])) + 1);
    expect(group.estimate).toBeCloseTo(positions.reduce((sum, value) => sum + value, 0) / positions.length, 10);
  }, 60_000);

  test('when a group has fewer than k donors, then its ordered outcome shows no figure and enters no model', async () => {
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const { field, order } = orderedOutcome(testApp.dependencies.campaigns.get('credit-scores')!);
    const base = exampleRecord(campaign);
    const donate = (sex: string, level: string) => request(testApp.app).post('/api/v1/campaigns/credit-scores/donations')
      .send(donationBody(campaign, [{ ...base, sex, [field.name]: level }])).expect(201);
    for (let index = 0; index < 12; index += 1) {
      await donate('female', order.levels[index % 4]!);
      await donate('male', order.levels[(index + 1) % 4]!);
    }
    // The worst level, given only by a group under k: it would stand out in any per-level count.
    for (let index = 0; index < 3; index += 1) await donate('diverse', order.levels.at(-1)!);
    const body = await findings('credit-scores');
    const bySex = body.comparisons.find((comparison: any) => comparison.outcome === field.name && comparison.attribute === 'sex');
    expect(bySex.groups.find((group: any) => group.level === 'diverse')).toEqual({ level: 'diverse', suppressed: true });
    expect(body.effects.find((effect: any) => effect.outcome === field.name && effect.attribute === 'sex' && effect.level === 'diverse'))
      .toEqual({ outcome: field.name, stratum: {}, attribute: 'sex', level: 'diverse', reference: expect.any(String), kind: 'ordinal', suppressed: true });
    // The last level is in no model or mean: every shown group's positions lie within the first four levels.
    for (const group of bySex.groups.filter((candidate: any) => !candidate.suppressed)) expect(group.estimate).toBeLessThanOrEqual(4);
    const shown = body.effects.find((effect: any) => effect.outcome === field.name && effect.attribute === 'sex' && !effect.suppressed);
    const { rows } = await loadCampaignRows(testApp.store.records, testApp.dependencies.campaigns.get('credit-scores')!);
    const withoutSmallGroup = rows.filter((row) => row.sex !== 'diverse');
    expect(withoutSmallGroup).toHaveLength(24);
    const fit = await proportionalOdds(arrayRowSource(withoutSmallGroup), { outcome: field.name, order: order.levels, predictors: ['sex'], reference: { sex: bySex.reference }, cluster: 'donor' });
    expect(shown.raw.proportionalOdds.estimate).toBeCloseTo(fit.coefficients[0]!.estimate, 10);
  });
});
