/** The findings on a campaign's page: charts, tables that show the JSON's numbers, small groups marked. */
import request from 'supertest';
import { seedDemo } from '../../../src/demo/seed-demo';
import { formatFingerprint } from '../../../src/evidence/signing-key';
import { buildTestApp, type TestApp } from '../../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign } from '../../helpers/donation-body';

describe('findings page', () => {
  let testApp: TestApp;
  beforeEach(async () => {
    testApp = await buildTestApp();
  });

  test('when a campaign has no donations yet, then the page says findings come later', async () => {
    const page = (await request(testApp.app).get('/campaigns/credit-scores?lang=en').expect(200)).text;
    expect(page).toContain('Findings appear here once enough people have donated.');
    expect(page).not.toContain('<svg');
  });

  test('when the page is asked for again, then the release\'s section is drawn once per language, not per request', async () => {
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 120, seed: 3 });
    const drawn = jest.spyOn(testApp.dependencies, 'renderFindingsSection');
    for (const lang of ['en', 'en', 'de', 'en', 'de']) {
      expect((await request(testApp.app).get(`/campaigns/credit-scores?lang=${lang}`).expect(200)).text).toContain('<h3 id="findings-summary-heading">');
    }
    expect(drawn.mock.calls.map(([, , locale]) => locale)).toEqual(['en', 'de']);
  });

  test('when donations exist, then each comparison with few groups has an accessible SVG chart, the long ones a sorted table, and every table the JSON numbers', async () => {
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 200, seed: 5 });
    const response = await request(testApp.app).get('/campaigns/credit-scores?lang=en').expect(200);
    const page = response.text;
    expect(response.headers['content-security-policy']).toMatch(/style-src 'self'/);
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    const findings = (await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200)).body;
    const shownComparisons = findings.comparisons.filter((comparison: any) => comparison.reference !== null);
    // Postcode regions have 100 levels: a table sorted by value, never a chart of 100 rows.
    const short = shownComparisons.filter((comparison: any) => comparison.groups.length <= 8);
    expect(short.length).toBeLessThan(shownComparisons.length);
    expect((page.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/g) ?? []).length).toBe(short.length);
    expect((page.match(/class="findings-table findings-table-long"/g) ?? []).length).toBe(shownComparisons.length - short.length);
    expect(page).toContain('<h3 id="findings-summary-heading">In short</h3>');
    expect(page).toContain('About 200 donations with');
    expect(page).toMatch(/Release 1, published on [A-Z][a-z]+ \d+, \d{4}\./);
    expect(page).toContain(formatFingerprint(testApp.dependencies.signingKey.fingerprint));
    const nationality = shownComparisons.find((comparison: any) => comparison.outcome === 'score_value' && comparison.attribute === 'nationality');
    for (const group of nationality.groups.filter((candidate: any) => !candidate.suppressed)) {
      const mean = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(group.estimate);
      expect(page).toContain(`<td>${group.donors}</td><td>${mean}<span class="interval">`);
    }
    expect(page).toContain('The people who donate chose to do so.');
    expect(page).not.toMatch(/\sstyle=/);
  });

  test('when a group has fewer than k donors, then the page marks it and shows none of its numbers', async () => {
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const base = exampleRecord(campaign);
    for (let index = 0; index < 10; index += 1) {
      for (const sex of ['female', 'male']) {
        await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign, [{ ...base, sex, score_value: 300 + index }])).expect(201);
      }
    }
    for (let index = 0; index < 2; index += 1) {
      await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign, [{ ...base, sex: 'diverse', score_value: 7777 }])).expect(201);
    }
    const page = (await request(testApp.app).get('/campaigns/credit-scores?lang=de').expect(200)).text;
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<th scope="row">Divers</th><td colspan="3" class="suppressed">weniger als 5 Menschen: nicht gezeigt</td>');
    expect(page).not.toContain('<title>Divers:');
    expect(page).not.toContain('7777');
    expect(page).not.toContain('7.777');
  });

  test('when scores come from several bureaus, then each bureau and kind of score is its own comparison, small ones are named as not compared, the pooled one says how it compares, and every table cell shows the interval and p of its sentence', async () => {
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const base = exampleRecord(campaign);
    const donate = (record: Record<string, string | number | boolean>) => request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign, [{ ...base, ...record }])).expect(201);
    for (let index = 0; index < 12; index += 1) {
      for (const sex of ['female', 'male']) {
        await donate({ sex, bureau: 'schufa', score_value: 90 + (index % 5) + (sex === 'female' ? 3 : 0) });
        await donate({ sex, bureau: 'crif', score_value: 300 + 10 * (index % 5) });
      }
    }
    for (let index = 0; index < 3; index += 1) await donate({ bureau: 'experian', score_type: 'telecom', score_value: 5_555 });
    const page = (await request(testApp.app).get('/campaigns/credit-scores?lang=en').expect(200)).text;
    expect(page).toContain('Score value by Sex — SCHUFA / Base score (general)');
    expect(page).toContain('Score value by Sex — CRIF / Base score (general)');
    expect(page).toContain('Score value by Sex — all together');
    expect(page).toContain('Not compared, fewer than 5 people: Experian / Phone and internet.');
    expect(page).toContain('All together: compared within the same Credit bureau × Kind of score; values as percentile rank there (higher is better).');
    expect(page).toContain('The uncertainty is clustered by donor');
    expect(page).not.toContain('5555');
    expect(page).not.toContain('5,555');
    // Each sentence's interval and p are those of the table cell beside it.
    const sentences = [...page.matchAll(/interval ([^ ]+) to ([^,]+), widened for the (\d+) comparisons made at once\)\. [^(]*\((?:adjusted )?p ([^)]+)\)/g)];
    expect(sentences.length).toBeGreaterThan(0);
    for (const [, low, high, , p] of sentences) expect(page).toContain(` (${low} – ${high}; p ${p})`);
  });

  test('when the campaign ships population margins, then the page shows how far the donors are from the population with its source, and each raked group\'s weighted figure beside its plain one, in English, German and French', async () => {
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 200, seed: 5 });
    const findings = (await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200)).body;
    const page = (await request(testApp.app).get('/campaigns/credit-scores?lang=en').expect(200)).text;
    const percent = (value: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(value);
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    const label = (name: string, level: string) => {
      const field = campaign.schema.fields.find((candidate) => candidate.name === name)!;
      return `${field.title}: ${field.enumLabels?.[level] ?? level}`;
    };
    expect(page).toContain('<span class="finding-title">How far the donors are from the population</span>');
    expect(page).toContain('Weighted figures count each donor as if the donors were spread over “Age group” and “Sex” as the population is');
    for (const level of findings.representativeness.levels) {
      expect(level.suppressed).toBe(false);
      expect(page).toContain(`<tr><th scope="row">${label(level.margin, level.level)}</th><td>${percent(level.donorShare)}</td><td>${percent(level.populationShare)}</td></tr>`);
    }
    expect(page).toContain('Population figures: <a href="https://www-genesis.destatis.de/datenbank/online/statistic/12411/table/12411-0013">Statistisches Bundesamt (Destatis), 12411-0013 “Bevölkerung: Bundesländer, Stichtag, Geschlecht, Altersjahre”, December 31, 2023</a>.');
    // The weighted column of a raked comparison holds each group's raked figure and interval.
    const bySex = findings.comparisons.find((comparison: any) => comparison.outcome === 'application_refused' && comparison.attribute === 'sex');
    expect(bySex.raking.raked).toBe(true);
    const female = bySex.groups.find((group: any) => group.level === 'female');
    expect(page).toContain(`<td>${percent(female.estimate)}<span class="interval"> (${percent(female.ciLow)} – ${percent(female.ciHigh)})</span></td><td>${percent(female.raked.estimate)}<span class="interval"> (${percent(female.raked.ciLow)} – ${percent(female.raked.ciHigh)})</span></td>`);
    expect(page).toContain('<th scope="col">Weighted</th>');
    expect(page).toContain('values as percentile rank there (higher is better). Not weighted to the population: these ranks and rates are relative to the people who donated in each.</p>');

    const german = (await request(testApp.app).get('/campaigns/credit-scores?lang=de').expect(200)).text;
    expect(german).toContain('Wie weit die Spendenden von der Bevölkerung abweichen');
    expect(german).toContain('<th scope="col">Gewichtet</th>');
    expect(german).toContain('31. Dezember 2023');
    const french = (await request(testApp.app).get('/campaigns/credit-scores?lang=fr').expect(200)).text;
    expect(french).toContain('À quel point les donateurs s’écartent de la population');
    expect(french).toContain('<th scope="col">Pondéré</th>');
  });
});
