/** Withdrawing one optional purpose through the API, the operator in the consent, and the NGO pack. */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import request from 'supertest';
import { canonicalJson } from '../../src/canonical-json';
import { loadCampaigns } from '../../src/campaigns/load-campaigns';
import { seedDemo } from '../../src/demo/seed-demo';
import type { OperatorConfig } from '../../src/operator/operator-config';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { exampleRecord, fetchCampaign, type PublicCampaign } from '../helpers/donation-body';

const OPERATOR: OperatorConfig = {
  name: 'Algorithm Watchers e.V.',
  addressLines: ['Musterstraße 1', '10115 Berlin'],
  email: 'info@watchers.example.org',
  country: 'fr',
  dataProtection: { email: 'privacy@watchers.example.org' },
};
const PACK = '/api/v1/campaigns/credit-scores/evidence-pack';
const NOW = new Date('2026-11-20T10:00:00Z');

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('withdrawing one purpose through the API', () => {
  let testApp: TestApp;
  let campaign: PublicCampaign;

  beforeEach(async () => {
    testApp = await buildTestApp({ operator: OPERATOR });
    campaign = await fetchCampaign(testApp.app, 'credit-scores');
  });

  const donate = async (purposes: string[], scoreValue = 500) => {
    const body = { consent: { version: campaign.consent.version, purposes }, records: [{ ...exampleRecord(campaign), score_value: scoreValue }], locale: 'en' };
    return (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(body).expect(201)).body as { donationId: string; receipt: string };
  };
  const withdraw = (receipt: string, purpose: string) => request(testApp.app).delete(`/api/v1/donations/me/purposes/${purpose}`).set('Authorization', `Bearer ${receipt}`);
  const myDonation = async (receipt: string) => (await request(testApp.app).get('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(200)).body.donation;

  test('when a campaign is read, then its consent names the operator, links the privacy notice, lists the special categories and hashes the operator in', async () => {
    const consent = (await request(testApp.app).get('/api/v1/campaigns/credit-scores').expect(200)).body.consent;
    expect(consent.operator).toEqual({ name: 'Algorithm Watchers e.V.', address: ['Musterstraße 1', '10115 Berlin'], email: 'info@watchers.example.org', dataProtectionEmail: 'privacy@watchers.example.org' });
    expect(consent.operatorConfigured).toBe(true);
    expect(consent.privacyUrl).toBe('http://localhost:3000/privacy');
    expect(consent.specialCategoryFields).toEqual(['migration_background']);
    const dictionary = loadCampaigns().get('credit-scores')!.consent;
    const expected = createHash('sha256').update(canonicalJson({ version: consent.version, text: consent.texts, purposes: consent.purposes, operator: consent.operator })).digest('hex');
    expect(consent.sha256).toBe(expected);
    expect(consent.sha256).not.toBe(createHash('sha256').update(canonicalJson(dictionary)).digest('hex'));
    const { donationId } = await donate(['research']);
    expect((testApp.db.prepare('SELECT consent_sha256 AS hash FROM donations WHERE id = ?').get(donationId) as { hash: string }).hash).toBe(expected);
  });

  test('when the OpenAPI document is read, then it describes the withdrawal of one optional purpose and its refusals', async () => {
    const document = (await request(testApp.app).get('/api/v1/openapi.json').expect(200)).body;
    const operation = document.paths['/api/v1/donations/me/purposes/{purpose}'].delete;
    expect(operation.parameters[0].schema.enum).toEqual(['ngo-sharing', 'collective-action']);
    expect(Object.keys(operation.responses).sort()).toEqual(['204', '400', '401', '403', '409', '429']);
    expect(document.paths['/api/v1/campaigns/{slug}'].get.description).toContain('consent.operator');
  });

  test('when ngo-sharing is withdrawn, then the donation keeps its records and research, and the withdrawal is stored with the consent version and day', async () => {
    const { donationId, receipt } = await donate(['research', 'ngo-sharing', 'collective-action']);
    await withdraw(receipt, 'ngo-sharing').expect(204);
    const donation = await myDonation(receipt);
    expect(donation.consent.purposes).toEqual(['collective-action', 'research']);
    expect(donation.records).toHaveLength(1);
    const stored = testApp.db.prepare('SELECT donation_id AS donationId, purpose, consent_version AS version, consent_sha256 AS hash, withdrawn_on AS day FROM consent_withdrawals').all();
    expect(stored).toEqual([{ donationId, purpose: 'ngo-sharing', version: campaign.consent.version, hash: campaign.consent.sha256, day: new Date().toISOString().slice(0, 10) }]);
  });

  test('when a purpose is withdrawn, then the audit log says what and under which consent, never whose', async () => {
    const { donationId, receipt } = await donate(['research', 'ngo-sharing']);
    await withdraw(receipt, 'ngo-sharing').expect(204);
    const entries = testApp.db.prepare(`SELECT actor, campaign_slug AS campaign, detail_json AS detail FROM audit_log WHERE action = 'donation.purpose-withdrawn'`).all() as Array<Record<string, string>>;
    expect(entries).toEqual([{ actor: 'donor', campaign: 'credit-scores', detail: JSON.stringify({ purpose: 'ngo-sharing', consentVersion: campaign.consent.version }) }]);
    expect(JSON.stringify(testApp.db.prepare('SELECT * FROM audit_log').all())).not.toContain(donationId);
  });

  test('when the required research purpose is withdrawn alone, then 409 says to delete the whole donation, naming the field, and nothing changes', async () => {
    const { receipt } = await donate(['research', 'ngo-sharing']);
    const response = await withdraw(receipt, 'research').expect(409);
    expect(response.body.error).toEqual({
      code: 'purpose_required',
      message: 'The purpose "research" is needed for every donation and cannot be withdrawn alone. Delete the whole donation instead.',
      issues: [{ path: ['purpose'], message: 'Required purpose: delete the donation instead' }],
    });
    expect((await myDonation(receipt)).consent.purposes).toEqual(['ngo-sharing', 'research']);
    expect(testApp.db.prepare('SELECT COUNT(*) AS n FROM consent_withdrawals').get()).toEqual({ n: 0 });
  });

  test('when a purpose the campaign does not have is named, then 400 names the field and the choices', async () => {
    const { receipt } = await donate(['research']);
    const response = await withdraw(receipt, 'marketing').expect(400);
    expect(response.body.error.issues).toEqual([{ path: ['purpose'], message: 'Expected one of ngo-sharing, collective-action' }]);
  });

  test('when the receipt is unknown, then 401 and nothing is recorded', async () => {
    await withdraw('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG', 'ngo-sharing').expect(401).expect('WWW-Authenticate', /Bearer/);
    await request(testApp.app).delete('/api/v1/donations/me/purposes/ngo-sharing').expect(401);
    expect(testApp.db.prepare('SELECT COUNT(*) AS n FROM consent_withdrawals').get()).toEqual({ n: 0 });
  });

  test('when a purpose is withdrawn twice, or was never given, then it answers 204 and records one withdrawal at most', async () => {
    const { receipt } = await donate(['research', 'ngo-sharing']);
    await withdraw(receipt, 'ngo-sharing').expect(204);
    await withdraw(receipt, 'ngo-sharing').expect(204);
    await withdraw(receipt, 'collective-action').expect(204);
    expect(testApp.db.prepare('SELECT purpose FROM consent_withdrawals').all()).toEqual([{ purpose: 'ngo-sharing' }]);
    expect(testApp.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'donation.purpose-withdrawn'`).get()).toEqual({ n: 1 });
  });

  test('when the donation is deleted after a withdrawal, then its withdrawal record goes with it', async () => {
    const { receipt } = await donate(['research', 'ngo-sharing']);
    await withdraw(receipt, 'ngo-sharing').expect(204);
    await request(testApp.app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(204);
    expect(testApp.db.prepare('SELECT COUNT(*) AS n FROM consent_withdrawals').get()).toEqual({ n: 0 });
  });

  test('when ngo-sharing is withdrawn, then the next NGO pack no longer holds the donation\'s records, and the donation stays', async () => {
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 200, seed: 11, now: NOW });
    const token = (await testApp.dependencies.accessTokens.create('ngo', 'Union A')).token;
    const packFiles = async () => {
      const response = await request(testApp.app).get(PACK).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary).expect(200);
      return unzipSync(new Uint8Array(response.body as Buffer));
    };
    const packRecords = async () => Papa.parse<Record<string, string>>(new TextDecoder().decode((await packFiles())['data/records.csv']), { header: true, skipEmptyLines: true }).data;
    const receipts = [];
    for (let index = 0; index < 6; index += 1) receipts.push((await donate(['research', 'ngo-sharing'], index === 0 ? 777.77 : 500 + index)).receipt);
    const before = await packRecords();
    expect(before.filter((row) => row.score_value === '777.77')).toHaveLength(1);
    await withdraw(receipts[0], 'ngo-sharing').expect(204);
    const after = await packRecords();
    expect(after.some((row) => row.score_value === '777.77')).toBe(false);
    expect(after.length).toBe(before.length - 1);
    expect((await myDonation(receipts[0])).records[0].score_value).toBe(777.77);
  }, 30_000); // builds two packs, each from a release: per-stratum, donor-clustered findings take seconds on a loaded machine

  test('when an NGO receives the pack, then its Table Schema marks the special-category field and METHODS.md says donors can withdraw', async () => {
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 60, seed: 5, now: NOW });
    const token = (await testApp.dependencies.accessTokens.create('ngo', 'Union A')).token;
    const response = await request(testApp.app).get(PACK).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary).expect(200);
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(new TextDecoder().decode(files['METHODS.md'])).toContain('Donors can withdraw **ngo-sharing** (or delete their donation) at any time; the next pack no longer\n  holds their records.');
    const datapackage = JSON.parse(new TextDecoder().decode(files['datapackage.json']));
    const fields = datapackage.resources[0].schema.fields as Array<{ name: string; specialCategory?: boolean }>;
    expect(fields.filter((field) => field.specialCategory).map((field) => field.name)).toEqual(['migration_background']);
  });
});
