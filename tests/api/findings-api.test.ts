/** Public findings: the analysis family, k-suppression, the planner and releases. */
import request from 'supertest';
import { adjustPValues } from '../../analysis/p-adjust';
import { logistic } from '../../analysis/logistic';
import { ols } from '../../analysis/ols';
import { arrayRowSource } from '../../analysis/row-source';
import { seedDemo } from '../../src/demo/seed-demo';
import { loadCampaignRows } from '../../src/evidence/campaign-rows';
import { NO_ANSWER_LEVELS } from '../../src/evidence/group-comparison';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign } from '../helpers/donation-body';

describe('findings API', () => {
  let testApp: TestApp;
  beforeEach(async () => {
    testApp = await buildTestApp();
  });

  const seed = async (slug: string, count: number) => {
    const campaign = testApp.dependencies.campaigns.get(slug)!;
    await seedDemo(campaign, testApp.dependencies.donations, { count, seed: 7, now: new Date('2026-11-01T00:00:00Z') });
    return campaign;
  };
  const findings = async (slug: string, query = '') => (await request(testApp.app).get(`/api/v1/campaigns/${slug}/findings${query}`).expect(200)).body;

  test('when a campaign has donations, then each analysable outcome is compared across each protected attribute', async () => {
    const campaign = await seed('credit-scores', 200);
    const body = await findings('credit-scores');
    const outcomes = campaign.fieldsWithRole('outcome').filter((field) => field.type !== 'string').map((field) => field.name);
    const attributes = campaign.fieldsWithRole('protected').map((field) => field.name);
    expect(body.comparisons.map((comparison: { outcome: string; attribute: string }) => `${comparison.outcome}×${comparison.attribute}`))
      .toEqual(outcomes.flatMap((outcome) => attributes.map((attribute) => `${outcome}×${attribute}`)));
    expect(body.notAnalysed).toEqual([{ field: 'rating_class', reason: 'categorical-outcome' }]);
    expect(body).toMatchObject({ campaign: 'credit-scores', donations: 200, donors: 200, minGroupSize: 5 });
  });

  test('when effects are adjusted, then they are the regression coefficients on the same rows and Holm runs across the whole family', async () => {
    const campaign = await seed('platform-decisions', 120);
    const body = await findings('platform-decisions');
    const effect = body.effects.find((candidate: any) => !candidate.suppressed && candidate.outcome === 'adverse' && candidate.attribute === 'nationality' && candidate.adjusted);
    const comparison = body.comparisons.find((candidate: any) => candidate.outcome === 'adverse' && candidate.attribute === 'nationality');
    const shown = new Set(comparison.groups.filter((group: any) => !group.suppressed).map((group: any) => group.level));
    const rows = (await loadCampaignRows(testApp.store.records, campaign)).rows.filter((row) => row.adverse !== null && shown.has(row.nationality) && !NO_ANSWER_LEVELS.has(String(row.nationality)));
    const fit = await logistic(arrayRowSource(rows), { outcome: 'adverse', predictors: ['nationality', ...comparison.adjustedFor], reference: { nationality: comparison.reference } });
    const coefficient = fit.coefficients.find((candidate) => candidate.term === `nationality=${effect.level}`)!;
    expect(effect.adjusted.estimate).toBeCloseTo(coefficient.estimate, 12);
    expect(effect.adjusted.pValue).toBeCloseTo(coefficient.pValue, 12);

    const pay = body.effects.find((candidate: any) => !candidate.suppressed && candidate.outcome === 'pay_cents' && candidate.adjusted);
    const payComparison = body.comparisons.find((candidate: any) => candidate.outcome === 'pay_cents' && candidate.attribute === pay.attribute);
    const payShown = new Set(payComparison.groups.filter((group: any) => !group.suppressed).map((group: any) => group.level));
    const payRows = (await loadCampaignRows(testApp.store.records, campaign)).rows.filter((row) => row.pay_cents !== null && payShown.has(row[pay.attribute]));
    const payFit = await ols(arrayRowSource(payRows), { outcome: 'pay_cents', predictors: [pay.attribute, ...payComparison.adjustedFor], reference: { [pay.attribute]: payComparison.reference } });
    expect(pay.adjusted.estimate).toBeCloseTo(payFit.coefficients.find((candidate) => candidate.term === `${pay.attribute}=${pay.level}`)!.estimate, 9);

    const tested = body.effects.filter((candidate: any) => !candidate.suppressed && candidate.adjusted);
    expect(tested.length).toBeGreaterThan(4);
    const holm = adjustPValues(tested.map((candidate: any) => candidate.adjusted.pValue), 'holm');
    tested.forEach((candidate: any, index: number) => expect(candidate.adjusted.pValueAdjusted).toBeCloseTo(holm[index]!, 14));
  });

  test('when a group has fewer than k donors, then it is marked suppressed and its size and numbers appear nowhere', async () => {
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const base = exampleRecord(campaign);
    const donate = (sex: string, score: number) => request(testApp.app).post('/api/v1/campaigns/credit-scores/donations')
      .send(donationBody(campaign, [{ ...base, sex, score_value: score }])).expect(201);
    for (let index = 0; index < 12; index += 1) {
      await donate('female', 400 + index);
      await donate('male', 420 + index);
    }
    for (let index = 0; index < 3; index += 1) await donate('diverse', 9_000 + index);
    const body = await findings('credit-scores');
    const bySex = body.comparisons.find((comparison: any) => comparison.outcome === 'score_value' && comparison.attribute === 'sex');
    expect(bySex.groups.find((group: any) => group.level === 'diverse')).toEqual({ level: 'diverse', suppressed: true });
    expect(body.effects.find((effect: any) => effect.attribute === 'sex' && effect.level === 'diverse' && effect.outcome === 'score_value'))
      .toEqual({ outcome: 'score_value', attribute: 'sex', level: 'diverse', reference: expect.any(String), kind: 'mean', suppressed: true });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/900[0-2]/);
    const diversePlan = body.planner.find((entry: any) => entry.attribute === 'sex' && entry.level === 'diverse' && entry.outcome === 'score_value');
    expect(diversePlan.moreDonors).toBeNull();
    // The group's mean would be 9001 and pull every sex comparison: it is in no group's estimate.
    for (const group of bySex.groups.filter((candidate: any) => !candidate.suppressed)) expect(group.estimate).toBeLessThan(500);
  });

  test('when a donor deletes their donation, then the public findings keep the release until enough donations changed', async () => {
    await seed('credit-scores', 40);
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const { receipt } = (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign)).expect(201)).body;
    const before = await findings('credit-scores');
    expect(before).toMatchObject({ donations: 40, donors: 40, release: { number: 1, minChanges: 10 } });
    await request(testApp.app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(204);
    expect(await findings('credit-scores')).toEqual(before);
    // Ten more changes make the next release due; it is cut in the background and served after.
    const loaded = testApp.dependencies.campaigns.get('credit-scores')!;
    await seedDemo(loaded, testApp.dependencies.donations, { count: 9, seed: 8, now: new Date('2026-11-01T00:00:00Z') });
    await testApp.dependencies.findings.releaseIfDue(loaded);
    expect(await findings('credit-scores')).toMatchObject({ donations: 50, donors: 50, release: { number: 2 } });
  });

  test('when two requests race for the first release, then it is computed and stored once', async () => {
    await seed('credit-scores', 30);
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    const [first, second] = await Promise.all([testApp.dependencies.findings.current(campaign), testApp.dependencies.findings.current(campaign)]);
    expect(second).toBe(first);
    expect(await testApp.dependencies.findings.current(campaign)).toEqual(first);
    expect(testApp.db.prepare('SELECT COUNT(*) AS n FROM findings_releases').get()).toEqual({ n: 1 });
  });

  test('when the planner is asked about another gap, then a larger gap needs fewer donors', async () => {
    await seed('platform-decisions', 60);
    const small = await findings('platform-decisions', '?gap=2');
    const large = await findings('platform-decisions', '?gap=20');
    const key = (entry: any) => `${entry.outcome}/${entry.attribute}/${entry.level}`;
    const smallNeeds = new Map(small.planner.filter((entry: any) => entry.kind === 'rate').map((entry: any) => [key(entry), entry.donorsNeeded]));
    const rateEntries = large.planner.filter((entry: any) => entry.kind === 'rate');
    expect(rateEntries.length).toBeGreaterThan(0);
    for (const entry of rateEntries) expect(entry.donorsNeeded).toBeLessThanOrEqual(smallNeeds.get(key(entry)) as number);
    expect(large.plannerGaps).toEqual({ ratePoints: 20, meanEffectSize: 0.2 });
  });

  test('when the planner gap is not a sensible number, then it is a 400 naming it', async () => {
    const response = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings?gap=abc').expect(400);
    expect(response.body.error.issues[0].path).toEqual(['query', 'gap']);
    await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings?gap=80').expect(400);
    await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings?colour=red').expect(400);
    await request(testApp.app).get('/api/v1/campaigns/nope/findings').expect(404);
  });

  test('when a campaign has too few donations for a release, then the findings say so and give the rule, without a count', async () => {
    await seed('platform-decisions', 9);
    const body = await findings('platform-decisions');
    expect(body).toMatchObject({ release: null, releaseRule: { minChanges: 10, interval: 'PT0S' }, donations: null, donors: null, records: null, comparisons: [], effects: [], planner: [] });
  });
});
