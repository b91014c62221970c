/** Public findings: the analysis family, k-suppression, the planner and releases. */
import request from 'supertest';
import { tQuantileAt } from '../../analysis/distributions';
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

  test('when a campaign has donations, then each analysable outcome is compared across each protected attribute within each stratum of k donors, and once pooled', async () => {
    const campaign = await seed('credit-scores', 200);
    const body = await findings('credit-scores');
    // Ordered outcomes too (proportional odds): a categorical outcome without an order is the only one left out.
    const outcomes = campaign.fieldsWithRole('outcome').filter((field) => field.type !== 'string' || field.ordered);
    const attributes = campaign.fieldsWithRole('protected').map((field) => field.name);
    const expected = outcomes.flatMap((outcome) => {
      const shown = body.strata.filter((stratum: any) => stratum.outcome === outcome.name && !stratum.suppressed).map((stratum: any) => stratum.stratum);
      const strata = outcome.comparable?.within ? [...shown, ...(shown.length >= 2 ? [null] : [])] : [{}];
      return strata.flatMap((stratum: unknown) => attributes.map((attribute) => `${outcome.name}@${JSON.stringify(stratum)}×${attribute}`));
    });
    expect(body.comparisons.map((comparison: any) => `${comparison.outcome}@${JSON.stringify(comparison.stratum)}×${comparison.attribute}`)).toEqual(expected);
    // score_value is comparable only within bureau × kind of score: each of its strata is named, none mixes two.
    expect(body.strata.length).toBeGreaterThan(1);
    for (const stratum of body.strata) expect(Object.keys(stratum.stratum)).toEqual(['bureau', 'score_type']);
    expect(body.notAnalysed).toEqual([]);
    expect(body).toMatchObject({ campaign: 'credit-scores', donations: 200, donors: 200, minGroupSize: 5 });
  });

  test('when effects are adjusted, then they are the regression coefficients on the rows of their stratum, and Bonferroni with its simultaneous interval runs across the whole family', async () => {
    const campaign = await seed('platform-decisions', 120);
    const body = await findings('platform-decisions');
    const { rows } = await loadCampaignRows(testApp.store.records, campaign);
    const rowsOf = (comparison: any) => rows.filter((row) => row[comparison.outcome] !== null
      && Object.entries(comparison.stratum).every(([name, value]) => row[name] === value)
      && comparison.groups.some((group: any) => !group.suppressed && group.level === row[comparison.attribute]) && !NO_ANSWER_LEVELS.has(String(row[comparison.attribute])));
    const effect = body.effects.find((candidate: any) => !candidate.suppressed && candidate.outcome === 'adverse' && candidate.stratum !== null && candidate.adjusted);
    const comparison = body.comparisons.find((candidate: any) => candidate.outcome === 'adverse' && candidate.attribute === effect.attribute && JSON.stringify(candidate.stratum) === JSON.stringify(effect.stratum));
    // Errors clustered by donor: one worker's decisions are not independent people.
    const fit = await logistic(arrayRowSource(rowsOf(comparison)), { outcome: 'adverse', predictors: [effect.attribute, ...comparison.adjustedFor], reference: { [effect.attribute]: comparison.reference }, cluster: 'donor' });
    expect(fit.clustered?.clusters).toBeLessThan(fit.n);
    const coefficient = fit.coefficients.find((candidate) => candidate.term === `${effect.attribute}=${effect.level}`)!;
    expect(effect.adjusted.estimate).toBeCloseTo(coefficient.estimate, 12);
    expect(effect.adjusted.pValue).toBeCloseTo(coefficient.pValue, 12);

    const pay = body.effects.find((candidate: any) => !candidate.suppressed && candidate.outcome === 'pay_cents' && candidate.stratum !== null && candidate.adjusted);
    const payComparison = body.comparisons.find((candidate: any) => candidate.outcome === 'pay_cents' && candidate.attribute === pay.attribute && JSON.stringify(candidate.stratum) === JSON.stringify(pay.stratum));
    expect(Object.keys(pay.stratum)).toEqual(['platform', 'city']);
    // Pay is compared only for jobs (its appliesWhere): pay given with other decisions stays out.
    const payRows = rowsOf(payComparison).filter((row) => row.decision_type === 'job-pay');
    expect(rowsOf(payComparison).length).toBeGreaterThan(payRows.length);
    const payFit = await ols(arrayRowSource(payRows), { outcome: 'pay_cents', predictors: [pay.attribute, ...payComparison.adjustedFor], reference: { [pay.attribute]: payComparison.reference }, cluster: 'donor' });
    const payCoefficient = payFit.coefficients.find((candidate) => candidate.term === `${pay.attribute}=${pay.level}`)!;
    expect(pay.adjusted.estimate).toBeCloseTo(payCoefficient.estimate, 9);
    expect(pay.adjusted.pValue).toBeCloseTo(payCoefficient.pValue, 9);

    const tested = body.effects.filter((candidate: any) => !candidate.suppressed && candidate.adjusted);
    expect(tested.length).toBeGreaterThan(4);
    for (const candidate of tested) {
      expect(candidate.adjusted.familySize).toBe(tested.length);
      expect(candidate.adjusted.pValueAdjusted).toBeCloseTo(Math.min(1, candidate.adjusted.pValue * tested.length), 14);
    }
    // The simultaneous interval: estimate ± t(1 − 0.025/m, df)·SE for OLS, with the clustered SE and the residual df (lmtest's convention).
    const half = tQuantileAt(1 - 0.025 / tested.length, payFit.dfResidual) * payCoefficient.stdError;
    expect(pay.adjusted.familyCiLow).toBeCloseTo(payCoefficient.estimate - half, 6);
    expect(pay.adjusted.familyCiHigh).toBeCloseTo(payCoefficient.estimate + half, 6);
  }, 30_000);

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
      .toEqual({ outcome: 'score_value', stratum: { bureau: base.bureau, score_type: base.score_type }, attribute: 'sex', level: 'diverse', reference: expect.any(String), kind: 'mean', suppressed: true });
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

  test('when the same release is asked for again, then the answer is the same text with the same ETag, a revalidation gets 304, and a new release gets a new ETag', async () => {
    await seed('credit-scores', 40);
    const first = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    const again = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    expect(again.text).toBe(first.text);
    expect(first.headers.etag).toMatch(/^"[\w-]{43}"$/);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.body).toMatchObject({ release: { number: 1 }, plannerGaps: { ratePoints: 5, meanEffectSize: 0.2 } });
    await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').set('If-None-Match', first.headers.etag).expect(304);
    // Another gap is computed for the request, from the same release.
    const otherGap = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings?gap=3').expect(200);
    expect(otherGap.body).toMatchObject({ release: { number: 1 }, plannerGaps: { ratePoints: 3, meanEffectSize: 0.2 } });
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    await seedDemo(campaign, testApp.dependencies.donations, { count: 10, seed: 9, now: new Date('2026-11-01T00:00:00Z') });
    await testApp.dependencies.findings.releaseIfDue(campaign);
    const next = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').set('If-None-Match', first.headers.etag).expect(200);
    expect(next.body).toMatchObject({ release: { number: 2 }, donations: 50 });
    expect(next.headers.etag).not.toBe(first.headers.etag);
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
    const key = (entry: any) => `${entry.outcome}/${JSON.stringify(entry.stratum)}/${entry.attribute}/${entry.level}`;
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
    expect(body).toMatchObject({ release: null, releaseRule: { minChanges: 10, interval: 'PT0S' }, donations: null, donors: null, records: null, strata: [], comparisons: [], effects: [], planner: [] });
  });
});
