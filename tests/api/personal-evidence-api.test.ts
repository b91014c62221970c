/** The donor's personal evidence pack: JSON, HTML (German) and PDF, roles, suppression and deletion. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { seedDemo } from '../../src/demo/seed-demo';
import { buildTestApp, storedCounts, type TestApp } from '../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign, type PublicCampaign } from '../helpers/donation-body';

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-pdf-')), 'pack.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('personal evidence pack', () => {
  let testApp: TestApp;
  let campaign: PublicCampaign;
  let receipt: string;
  const evidence = (query = '', credential = receipt) => request(testApp.app).get(`/api/v1/donations/me/evidence${query}`).set('Authorization', `Bearer ${credential}`);

  beforeAll(async () => {
    testApp = await buildTestApp();
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 300, seed: 21 });
    campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const record = { ...exampleRecord(campaign), bureau: 'schufa', nationality: 'non-eu', income_band: '2000-2999', employment: 'employed', children: '0', application_refused: true };
    receipt = (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send({ ...donationBody(campaign, [record]), locale: 'de' }).expect(201)).body.receipt;
  });

  test('when a new donor asks for the JSON pack, then it has the first page, the seven parts, the help, and the effects of the published release', async () => {
    const pack = (await evidence('?format=json&lang=en').expect(200)).body;
    expect(Object.keys(pack)).toEqual(['summary', 'donation', 'peers', 'prediction', 'effects', 'caveats', 'letters', 'help', 'manifest']);
    expect(pack.donation.receiptSha256).toMatch(/^[0-9a-f]{64}$/);
    const findings = (await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200)).body;
    // The aggregates kept for packs are never published with the findings.
    expect(findings).not.toHaveProperty('packStatistics');
    const compared = pack.effects.filter((effect: any) => effect.status === 'compared');
    expect(compared.length).toBeGreaterThan(0);
    for (const effect of compared) {
      const cached = findings.effects.find((candidate: any) => candidate.outcome === effect.outcome && JSON.stringify(candidate.stratum) === JSON.stringify(effect.stratum) && candidate.attribute === effect.attribute && candidate.level === effect.level);
      expect(effect.adjusted).toEqual(cached.adjusted);
    }
    expect(pack.effects.find((effect: any) => effect.attribute === 'nationality' && effect.outcome === 'application_refused').level).toBe('non-eu');
    expect(pack.manifest).toMatchObject({ software: { name: 'crowdaudit' }, release: findings.release.number, campaign: 'credit-scores', records: findings.records, people: 300, datasetSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Right after donating, the release does not hold the donor's record yet; the pack shows the donation all the same.
    expect(pack.donation.records).toHaveLength(1);
    expect(pack.manifest.parameters).toMatchObject({ minGroupSize: 5, consentVersion: pack.donation.consent.version, adjust: 'bonferroni', findingsRelease: findings.release });
    expect(pack.manifest).not.toHaveProperty('revision');
    expect(pack.manifest.parameters.references).toContainEqual({ outcome: 'application_refused', stratum: {}, attribute: 'nationality', reference: findings.comparisons.find((c: any) => c.outcome === 'application_refused' && c.attribute === 'nationality').reference });
    expect(pack.peers[0]).toMatchObject({ suppressed: false, peers: expect.any(Number) });
    expect(pack.prediction.find((item: any) => item.outcome === 'score_value')).toMatchObject({ available: true, model: 'ols' });
    const art22 = pack.letters.find((letter: any) => letter.id === 'art22');
    // SCHUFA gets German; the donor who reads English gets the translation beside it.
    expect(art22.language).toBe('de');
    expect(art22.text).toContain('Art. 22 Abs. 3');
    expect(art22.translation).toMatchObject({ language: 'en', text: expect.stringContaining('Art. 22(3)') });
    expect(art22.recipient.name).toBe('SCHUFA Holding AG');
    expect(art22.howToSend[0]).toBe('Send by e-mail to datenschutz@schufa.de.');
    expect(pack.help.countries[0]).toMatchObject({ country: 'de', entries: expect.arrayContaining([expect.objectContaining({ name: 'Ombudsmann der SCHUFA Holding AG' })]) });
    // The credit bureaus serve Germany: help for countries they do not serve is left out.
    expect(pack.help.countries.map((country: any) => country.country)).toEqual(['de']);
    expect(pack.letters.find((letter: any) => letter.id === 'complaint').recipient.rule).toBe('land-of-seat');
  });

  test('when a finding favours the donor’s group or may be chance, then no letter carries it; every finding in a letter points against the donor’s own group after the family adjustment', async () => {
    const pack = (await evidence('?format=json&lang=en').expect(200)).body;
    const art22 = pack.letters.find((letter: any) => letter.id === 'art22').translation.text as string;
    // A pooled score is a percentile rank turned so that higher is favourable, like the score itself.
    // Ordered outcomes (proportional odds) have no letter wording yet: they stay in the pack's effects.
    const inLetters = pack.effects.filter((effect: any) => effect.status === 'compared' && effect.adjusted && effect.adjusted.model !== 'ordinal' && effect.adjusted.pValueAdjusted < 0.05
      && (effect.outcome === 'score_value' ? effect.adjusted.familyCiHigh < 0 : effect.adjusted.familyCiLow > 0));
    const outOfLetters = pack.effects.filter((effect: any) => effect.status === 'compared' && !inLetters.includes(effect));
    expect(inLetters.length).toBeGreaterThan(0);
    expect(outOfLetters.length).toBeGreaterThan(0);
    const paragraphs = art22.split('\n').filter((line) => line.startsWith('– '));
    expect(paragraphs).toHaveLength(inLetters.length);
    // The donor's ordered outcome is compared in the pack, said with the same odds wording as the findings page.
    const ordinal = pack.effects.find((effect: any) => effect.status === 'compared' && effect.adjusted?.model === 'ordinal');
    expect(ordinal.raw.proportionalOdds).toMatchObject({ oddsRatio: expect.any(Number) });
    expect(ordinal.sentence).toMatch(/the odds for .* of a (worse|better) rather than a (better|worse) level are/);
    // The same attribute may be in a letter for another outcome or stratum: only attributes with no finding in the letters are checked.
    for (const effect of outOfLetters.filter((candidate: any) => !inLetters.some((other: any) => other.attribute === candidate.attribute))) expect(art22).not.toContain(`whose ${effect.attribute.replace('_', ' ')}`);
    expect(art22).not.toContain('p = 1 ');
    expect(art22).not.toMatch(/\byours\b|\bYou are\b/);
  });

  test('when the donor asks for HTML in German, then the letters are German and the page has only its own hashed stylesheet', async () => {
    const response = await evidence('?format=html&lang=de').expect(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="crowdaudit-evidence-[0-9a-f]{8}\.html"$/);
    expect(response.text).toContain('<html lang="de">');
    expect(response.text).toContain('Ihr Beweispaket');
    expect(response.text).toContain('Art. 22 Abs. 3 DSGVO');
    expect(response.headers['content-security-policy']).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(response.text).not.toMatch(/<script/);
  });

  test('when the donor asks for the PDF, then it is a PDF whose text holds the Art. 22 letter', async () => {
    const response = await evidence('?format=pdf&lang=de').buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Art. 22 Abs. 3 DSGVO');
    expect(text).toContain('Auskunftsersuchen nach Art. 15 DSGVO');
    expect(text).toContain('SCHUFA Holding AG');
  });

  test('when the query names another controller, country or a bad value, then it is used or refused naming the field', async () => {
    const crif = (await evidence('?controller=crifbuergel&country=fr&lang=en').expect(200)).body;
    expect(crif.letters[0].recipient.name).toBe('CRIF GmbH');
    expect(crif.letters.find((letter: any) => letter.id === 'complaint').recipient.name).toMatch(/CNIL|Commission nationale/);
    expect((await evidence('?format=docx').expect(400)).body.error.issues[0].path).toEqual(['query', 'format']);
    expect((await evidence('?controller=uber').expect(400)).body.error.issues[0].path).toEqual(['query', 'controller']);
    expect((await evidence('?country=Germany').expect(400)).body.error.issues[0].path).toEqual(['query', 'country']);
  });

  test('when a donor left a factor of the model open, then the pack says in their language which answer the prediction needs', async () => {
    const record: Record<string, string | number | boolean> = { ...exampleRecord(campaign), bureau: 'schufa' };
    delete record.loans;
    const open = (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign, [record])).expect(201)).body.receipt;
    const pack = (await evidence('?lang=de', open).expect(200)).body;
    expect(pack.prediction.find((item: any) => item.outcome === 'score_value')).toMatchObject({ available: false, sentence: 'Für „Scorewert“ ist noch keine Vorhersage möglich: Das Modell braucht Ihre Angaben zu Kredite, die Ihre Spende offen lässt.' });
  });

  test('when there is no receipt or a wrong one, then it is a 401', async () => {
    await request(testApp.app).get('/api/v1/donations/me/evidence').expect(401);
    await evidence('', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG').expect(401);
  });

  test('when the campaign is small, then peers and groups are suppressed and no count is given', async () => {
    const small = await buildTestApp();
    const body = donationBody(campaign);
    const own = (await request(small.app).post('/api/v1/campaigns/credit-scores/donations').send(body).expect(201)).body.receipt;
    await request(small.app).post('/api/v1/campaigns/credit-scores/donations').send(body).expect(201);
    const pack = (await request(small.app).get('/api/v1/donations/me/evidence?lang=en').set('Authorization', `Bearer ${own}`).expect(200)).body;
    expect(pack.peers.every((peer: any) => peer.suppressed && peer.peers === undefined)).toBe(true);
    expect(pack.prediction.every((item: any) => !item.available)).toBe(true);
    expect(pack.effects.every((effect: any) => effect.status !== 'compared')).toBe(true);
    expect(pack.letters.find((letter: any) => letter.id === 'art22').translation.text).toContain('has not (yet) found a difference in these decisions that affects a group I belong to');
  });

  test('when another donor donates between two fetches, then the statistics of the pack are the same release’s, so no one can be differenced out of them', async () => {
    const before = (await evidence('?format=json&lang=en').expect(200)).body;
    const record = { ...exampleRecord(campaign), bureau: 'schufa', nationality: 'non-eu', income_band: '2000-2999', employment: 'employed', children: '0', score_value: 12 };
    await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign, [record])).expect(201);
    const after = (await evidence('?format=json&lang=en').expect(200)).body;
    expect(after.manifest.release).toBe(before.manifest.release);
    expect(after.manifest.datasetSha256).toBe(before.manifest.datasetSha256);
    expect(after.peers).toEqual(before.peers);
    expect(after.prediction).toEqual(before.prediction);
    expect(after.effects).toEqual(before.effects);
    // The HTML and PDF of one fetch are rendered from the same result: the same numbers appear in both.
    const html = (await evidence('?format=html&lang=en').expect(200)).text;
    for (const peer of after.peers.filter((item: any) => !item.suppressed)) expect(html).toContain(peer.sentence.replace(/"/g, '&quot;'));
  });

  test('when a donor deletes the donation, then their evidence is gone at once, others’ packs keep their release until the next one, and no release keeps a row of theirs', async () => {
    const own = (await evidence('?lang=en').expect(200)).body.donation.id as string;
    const other = (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign)).expect(201)).body.receipt;
    const before = (await evidence('?lang=en', other).expect(200)).body;
    expect(before.donation.records).toHaveLength(1);
    await request(testApp.app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(204);
    await evidence('?lang=en').expect(401);
    const after = (await evidence('?lang=en', other).expect(200)).body.manifest;
    expect(after).toEqual(before.manifest);
    // Enough changes for the next release: it no longer counts the deleted donation.
    const credit = testApp.dependencies.campaigns.get('credit-scores')!;
    await seedDemo(credit, testApp.dependencies.donations, { count: 10, seed: 99 });
    await testApp.dependencies.findings.releaseIfDue(credit);
    const next = (await evidence('?lang=en', other).expect(200)).body.manifest;
    expect(next.release).toBe(before.manifest.release + 1);
    expect(next.datasetSha256).not.toBe(before.manifest.datasetSha256);
    // Read as text: the stored documents are compressed, and compressed bytes would contain nothing readable.
    const stored = testApp.db.prepare('SELECT document FROM findings_releases').pluck().all() as Buffer[];
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const document of stored) expect(gunzipSync(document).toString('utf8')).not.toContain(own);
  }, 30_000); // two releases are computed: with strata and clustering that takes seconds on a loaded machine
});
