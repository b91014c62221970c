/**
 * Representativeness in the public findings (issue 13, item 3): how far the donors are from the
 * population on the margins a campaign ships, and each group's figure raked to them beside the
 * unweighted one — the same numbers `rakedEstimates` gives on the same rows.
 */
import request from 'supertest';
import { rakedEstimates } from '../../analysis/raked-estimates';
import { arrayRowSource } from '../../analysis/row-source';
import type { Row } from '../../analysis/types';
import { campaignPopulationMargins } from '../../src/campaigns/population-margins-file';
import { seedDemo } from '../../src/demo/seed-demo';
import { analyseCampaign } from '../../src/evidence/campaign-analyses';
import { loadCampaignRows } from '../../src/evidence/campaign-rows';
import { outcomeRows } from '../../src/evidence/outcome-strata';
import { publicFindings, roundCount } from '../../src/evidence/releases/public-findings';
import { donationBody, exampleRecord, fetchCampaign } from '../helpers/donation-body';
import { buildTestApp, type TestApp } from '../helpers/test-app';

describe('representativeness in the findings API', () => {
  let testApp: TestApp;
  beforeEach(async () => {
    testApp = await buildTestApp();
  });
  const findings = async (slug: string) => (await request(testApp.app).get(`/api/v1/campaigns/${slug}/findings`).expect(200)).body;
  const page = async (slug: string) => (await request(testApp.app).get(`/campaigns/${slug}?lang=en`).expect(200)).text;

  test('when credit-scores has donations, then the findings hold the share table in donors, and each shown group\'s raked figure is rakedEstimates\' on the same rows with the campaign\'s margins', async () => {
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    await seedDemo(campaign, testApp.dependencies.donations, { count: 300, seed: 7, now: new Date('2026-11-01T00:00:00Z') });
    const body = await findings('credit-scores');
    const margins = campaignPopulationMargins(campaign)!;
    const { rows } = await loadCampaignRows(testApp.store.records, campaign);

    // Donors, not records: each donor once, with the answers of their first record.
    const byDonor = new Map(rows.map((row) => [row.donor, row] as const).reverse());
    const inMargins = (row: Row) => margins.margins.every((margin) => margin.levels.some(({ level }) => level === row[margin.column]));
    const within = [...byDonor.values()].filter(inMargins);
    // Some donors gave several records: counted once.
    expect(within.length).toBeLessThan(rows.filter(inMargins).length);
    const table = body.representativeness;
    expect(table.title).toBe(margins.title);
    expect(table.sources).toEqual(margins.sources);
    expect(table.donorsWithin).toBe(roundCount(within.length));
    expect(table.donorsOutside).toBe(roundCount(byDonor.size - within.length));
    expect(table.levels).toHaveLength(8);
    for (const level of table.levels) {
      const margin = margins.margins.find((candidate) => candidate.column === level.margin)!;
      const population = margin.levels.reduce((sum, { total }) => sum + total, 0);
      const count = within.filter((row) => row[level.margin] === level.level).length;
      expect(count).toBeGreaterThanOrEqual(5);
      expect(level).toEqual({
        margin: level.margin, level: level.level, suppressed: false,
        populationShare: margin.levels.find((candidate) => candidate.level === level.level)!.total / population,
        donors: roundCount(count), donorShare: count / within.length, rakedShare: expect.closeTo(level.populationShare, 9),
      });
    }

    // application_refused is one stratum of all its records: raked once, every attribute a domain of it.
    const refusedRows = outcomeRows(campaign.schema.fields.find((field) => field.name === 'application_refused')!, rows);
    const comparisons = body.comparisons.filter((comparison: any) => comparison.outcome === 'application_refused');
    expect(comparisons.length).toBe(campaign.fieldsWithRole('protected').length);
    let raked = 0;
    for (const comparison of comparisons) {
      expect(comparison.raking).toEqual({ raked: true, iterations: expect.any(Number), weightRatio: expect.any(Number) });
      const direct = await rakedEstimates(arrayRowSource(refusedRows), { outcome: 'application_refused', group: comparison.attribute, cluster: 'donor', margins: margins.margins });
      for (const group of comparison.groups) {
        if (group.suppressed) {
          expect(group.raked).toBeUndefined();
          continue;
        }
        const donorsWithin = new Set(refusedRows.filter((row) => row[comparison.attribute] === group.level && inMargins(row)).map((row) => row.donor)).size;
        if (donorsWithin < 5) {
          expect(group.raked).toBeNull();
          continue;
        }
        const expected = direct.groups.find((candidate) => candidate.group === group.level)!.raked;
        expect(group.raked.estimate).toBeCloseTo(expected.estimate, 12);
        expect(group.raked.stdError).toBeCloseTo(expected.stdError, 12);
        expect(group.raked.ciLow).toBeCloseTo(expected.ciLow, 12);
        expect(group.raked.ciHigh).toBeCloseTo(expected.ciHigh, 12);
        raked += 1;
      }
    }
    expect(raked).toBeGreaterThan(10);
    // The pooled score figure is not raked, and says why.
    const pooled = body.comparisons.filter((comparison: any) => comparison.stratum === null);
    expect(pooled.length).toBeGreaterThan(0);
    for (const comparison of pooled) expect(comparison.raking).toEqual({ raked: false, reason: 'pooled' });
  }, 60_000);

  test('when an age band has fewer than k donors, then it shows no count or share in the API or on the page, nor does the band that would give it away, and nothing is raked', async () => {
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const base = exampleRecord(campaign);
    const donate = (age_band: string, index: number) => request(testApp.app).post('/api/v1/campaigns/credit-scores/donations')
      .send(donationBody(campaign, [{ ...base, age_band, sex: index % 2 === 0 ? 'female' : 'male' }])).expect(201);
    const bands = { '18-24': 3, '25-34': 6, '35-44': 7, '45-54': 8, '55-64': 9, '65+': 10 };
    for (const [band, count] of Object.entries(bands)) for (let index = 0; index < count; index += 1) await donate(band, index);

    const table = (await findings('credit-scores')).representativeness;
    const ages = table.levels.filter((level: any) => level.margin === 'age_band');
    const hidden = ages.filter((level: any) => level.suppressed);
    expect(hidden.map((level: any) => level.level)).toEqual(['18-24', '25-34']);
    for (const level of hidden) expect(Object.keys(level).sort()).toEqual(['level', 'margin', 'populationShare', 'suppressed']);
    expect(ages.find((level: any) => level.level === '65+')).toMatchObject({ suppressed: false, donors: 10, donorShare: 10 / 43, rakedShare: null });
    expect(table.raking).toBeNull();
    const body = await findings('credit-scores');
    expect(body.comparisons.filter((comparison: any) => comparison.stratum !== null).every((comparison: any) => comparison.raking?.reason === 'margin-level-under-k')).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/"raked":\{/);

    const html = await page('credit-scores');
    expect(html).toContain('How far the donors are from the population');
    expect(html).toContain('<tr><th scope="row">Age group: 18–24</th><td class="suppressed">fewer than 5 people: not shown</td><td>8.6%</td></tr>');
    expect(html).toContain('<tr><th scope="row">Age group: 25–34</th><td class="suppressed">fewer than 5 people: not shown</td><td>14.8%</td></tr>');
    expect(html).toContain(`<tr><th scope="row">Age group: 65 or older</th><td>${new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(10 / 43)}</td>`);
    expect(html).not.toContain('<th scope="col">Weighted</th>');
    expect(html).toContain('Not weighted to the population here: a group of “Age group” and “Sex” has fewer than 5 people.');
  }, 60_000);

  test('when a campaign ships no margins, then its findings and page have no representativeness and no raked figure, without error', async () => {
    await seedDemo(testApp.dependencies.campaigns.get('platform-decisions')!, testApp.dependencies.donations, { count: 60, seed: 7, now: new Date('2026-11-01T00:00:00Z') });
    const body = await findings('platform-decisions');
    expect(body.release).not.toBeNull();
    expect(body.representativeness).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/"rak(ed|ing)"/);
    const html = await page('platform-decisions');
    expect(html).toContain('<h3 id="findings-summary-heading">In short</h3>');
    expect(html).not.toContain('How far the donors are from the population');
    expect(html).not.toContain('<th scope="col">Weighted</th>');
  }, 60_000);

  test('when the latest release was made before raking, then the API serves it as it is and the page renders it without the new parts', async () => {
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    await seedDemo(campaign, testApp.dependencies.donations, { count: 40, seed: 7, now: new Date('2026-11-01T00:00:00Z') });
    const { populationMargins: _margins, ...before } = campaign;
    const old = publicFindings(await analyseCampaign(testApp.store, before), { number: 1, releasedAt: new Date('2026-11-02T00:00:00Z'), rule: { minChanges: 10, interval: 'P1D' } });
    const { revision } = await testApp.store.revisions.state('credit-scores');
    await testApp.store.releases.insert({ campaignSlug: 'credit-scores', number: 1, releasedAt: '2026-11-02T00:00:00.000Z', revision, document: Buffer.from(JSON.stringify(old)) });
    const body = await findings('credit-scores');
    expect(body.release.number).toBe(1);
    expect(body.representativeness).toBeUndefined();
    const html = await page('credit-scores');
    expect(html).toContain('<h3 id="findings-summary-heading">In short</h3>');
    expect(html).not.toContain('How far the donors are from the population');
    expect(html).not.toContain('<th scope="col">Weighted</th>');
  }, 60_000);
});
