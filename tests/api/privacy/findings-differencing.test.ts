/**
 * The differencing attack on the public findings (issue 12), replayed as an attacker would run
 * it: fetch the findings, wait for one donation or withdrawal, fetch again, and read the donor
 * off the groups whose count moved by one — their attributes — and off (mean × count after) −
 * (mean × count before) — their score. Releases must leave the attacker nothing to read.
 */
import request from 'supertest';
import { seedDemo } from '../../../src/demo/seed-demo';
import { buildTestApp, type TestApp } from '../../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign } from '../../helpers/donation-body';

type Findings = {
  release: { number: number } | null;
  strata?: Array<{ outcome: string; stratum: Record<string, string>; suppressed: boolean; donors?: number }>;
  comparisons: Array<{ outcome: string; stratum: Record<string, string> | null; attribute: string; kind: string; groups: Array<{ level: string; suppressed: boolean; donors?: number; records?: number; estimate?: number }> }>;
};

/** A score no seeded donor has, so that finding it anywhere would mean the attack worked. */
const TARGET_SCORE = 123.45;

/** The attacker's two steps: which groups moved by exactly one donor, and what the moved sums give. */
function difference(before: Findings, after: Findings): { movedByOne: string[]; reconstructedScores: number[] } {
  const movedByOne: string[] = [];
  const reconstructedScores: number[] = [];
  for (const comparison of after.comparisons) {
    // Since issue 13 an outcome is compared per stratum (and pooled): the attacker matches those too.
    const earlier = before.comparisons.find((candidate) => candidate.outcome === comparison.outcome && candidate.attribute === comparison.attribute && JSON.stringify(candidate.stratum) === JSON.stringify(comparison.stratum));
    for (const group of comparison.groups) {
      const old = earlier?.groups.find((candidate) => candidate.level === group.level);
      if (group.suppressed || !old || old.suppressed) continue;
      if (Math.abs(group.donors! - old.donors!) === 1) movedByOne.push(`${comparison.attribute}=${group.level}`);
      if (comparison.outcome === 'score_value' && group.records !== old.records) reconstructedScores.push(group.estimate! * group.records! - old.estimate! * old.records!);
    }
  }
  // The strata's sizes are counts too: one that moved by one would name the donor's bureau and kind of score.
  for (const stratum of after.strata ?? []) {
    const old = (before.strata ?? []).find((candidate) => candidate.outcome === stratum.outcome && JSON.stringify(candidate.stratum) === JSON.stringify(stratum.stratum));
    if (!stratum.suppressed && old && !old.suppressed && Math.abs(stratum.donors! - old.donors!) === 1) movedByOne.push(`${stratum.outcome}@${JSON.stringify(stratum.stratum)}`);
  }
  return { movedByOne, reconstructedScores };
}

describe('differencing the public findings', () => {
  let testApp: TestApp;
  const findings = async (): Promise<Findings> => (await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200)).body;
  const donateTarget = async () => {
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const record = { ...exampleRecord(campaign), sex: 'diverse', nationality: 'non-eu', migration_background: 'yes', family_status: 'widowed', age_band: '65+', score_value: TARGET_SCORE, application_refused: true };
    return (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign, [record])).expect(201)).body.receipt as string;
  };
  const seed = (count: number, seed: number) => seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count, seed, now: new Date('2026-11-01T00:00:00Z') });

  beforeEach(async () => {
    testApp = await buildTestApp();
    await seed(200, 11);
  });

  test('when one donor donates between two fetches, then both fetches are the same release, byte for byte', async () => {
    const before = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    await donateTarget();
    const after = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    expect(after.text).toBe(before.text);
    expect(difference(before.body, after.body)).toEqual({ movedByOne: [], reconstructedScores: [] });
  });

  test('when one donor withdraws between two fetches, then both fetches are the same release, byte for byte', async () => {
    const receipt = await donateTarget();
    const before = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    await request(testApp.app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(204);
    const after = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    expect(after.text).toBe(before.text);
    // The page shows the same release too.
    const pageBefore = (await request(testApp.app).get('/campaigns/credit-scores?lang=en').expect(200)).text;
    const pageAfter = (await request(testApp.app).get('/campaigns/credit-scores?lang=en').expect(200)).text;
    const findingsPart = (page: string) => page.slice(page.indexOf('class="release"'), page.indexOf('class="fingerprint"'));
    expect(findingsPart(pageAfter)).toBe(findingsPart(pageBefore));
  });

  test('when the next release comes after the fewest changes allowed, then no group moves by one and no sum gives the score', async () => {
    const before = await findings();
    await donateTarget();
    await seed(9, 12);
    await testApp.dependencies.findings.releaseIfDue(testApp.dependencies.campaigns.get('credit-scores')!);
    const after = await findings();
    expect(after.release).toMatchObject({ number: (before.release?.number ?? 0) + 1 });
    const { movedByOne, reconstructedScores } = difference(before, after);
    expect(movedByOne).toEqual([]);
    expect(reconstructedScores.length).toBeGreaterThan(0);
    for (const score of reconstructedScores) expect(Math.abs(score - TARGET_SCORE)).toBeGreaterThan(0.01);
  });

  test('when a release is published, then it carries no revision, no time of day and only counts rounded to 5', async () => {
    const body = await findings();
    const counts: number[] = [];
    const keys: string[] = [];
    JSON.stringify(body, (key, value) => {
      keys.push(key);
      if (['donations', 'donors', 'records', 'n'].includes(key) && typeof value === 'number') counts.push(value);
      return value;
    });
    expect(keys).not.toContain('revision');
    expect(keys).not.toContain('computedAt');
    expect(JSON.stringify(body)).not.toMatch(/T\d\d:\d\d/);
    expect(counts.length).toBeGreaterThan(50);
    expect(counts.filter((count) => count % 5 !== 0)).toEqual([]);
  });

  test('when releases are daily, then many donations in a day do not change the findings', async () => {
    testApp = await buildTestApp({ releaseInterval: 'P1D' });
    await seed(200, 11);
    const before = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    await seed(40, 13);
    await testApp.dependencies.findings.releaseIfDue(testApp.dependencies.campaigns.get('credit-scores')!);
    const after = await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    expect(after.text).toBe(before.text);
  });
});
