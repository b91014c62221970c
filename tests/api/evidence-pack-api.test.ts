/** The collective evidence pack: access by token and role, its files, hashes, privacy, audit and deletion. */
import { createHash } from 'node:crypto';
import express from 'express';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import request from 'supertest';
import { seedDemo } from '../../src/demo/seed-demo';
import { verifyPack } from '../../src/evidence/collective/verify-pack';
import { formatFingerprint } from '../../src/evidence/signing-key';
import { requireAccessRole } from '../../src/http/middleware/require-access-role';
import { errorHandler } from '../../src/http/middleware/error-handler';
import { createLogger } from '../../src/logger';
import { buildTestApp, type TestApp } from '../helpers/test-app';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/storage/open-database';
import { exampleRecord, fetchCampaign } from '../helpers/donation-body';
import { SqliteStore } from '../../src/storage/sqlite-store';

const PACK = '/api/v1/campaigns/credit-scores/evidence-pack';
const QUASI_IDENTIFIERS = ['age_band', 'sex', 'nationality', 'postcode_region'];

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('collective evidence pack API', () => {
  let testApp: TestApp;
  let ngoToken: string;
  beforeEach(async () => {
    testApp = await buildTestApp();
    ngoToken = (await testApp.dependencies.accessTokens.create('ngo', 'Union A')).token;
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    await seedDemo(campaign, testApp.dependencies.donations, { count: 200, seed: 11, now: new Date('2026-11-01T00:00:00Z') });
  });

  const download = async (token = ngoToken) => {
    const response = await request(testApp.app).get(PACK).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary).expect(200);
    return { response, bytes: response.body as Buffer, files: unzipSync(new Uint8Array(response.body as Buffer)) };
  };
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const records = (files: Record<string, Uint8Array>) => Papa.parse<Record<string, string>>(text(files['data/records.csv']), { header: true, skipEmptyLines: true }).data;

  async function donateWithSharing(scoreValue: number): Promise<string> {
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const body = { consent: { version: campaign.consent.version, purposes: ['research', 'ngo-sharing'] }, records: [{ ...exampleRecord(campaign), score_value: scoreValue }], locale: 'en' };
    return (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(body).expect(201)).body.receipt as string;
  }

  test('when no token, a donor receipt or a revoked token is sent, then the pack is refused with 401', async () => {
    await request(testApp.app).get(PACK).expect(401).expect('WWW-Authenticate', /Bearer/);
    const receipt = await donateWithSharing(50);
    const withReceipt = await request(testApp.app).get(PACK).set('Authorization', `Bearer ${receipt}`).expect(401);
    expect(withReceipt.body.error.code).toBe('unauthenticated');
    const { token, summary } = await testApp.dependencies.accessTokens.create('analyst', 'Lab');
    await testApp.dependencies.accessTokens.revoke(summary.id);
    await request(testApp.app).get(PACK).set('Authorization', `Bearer ${token}`).expect(401);
  });

  test('when access tokens are guessed with limits on, then the 31st try gets 429', async () => {
    const app = createApp({ store: new SqliteStore(openDatabase(':memory:')), config: testConfig({ rateLimits: true }) });
    const guess = `Bearer ca_ngo_${'A'.repeat(32)}`;
    for (let attempt = 0; attempt < 30; attempt += 1) await request(app).get(PACK).set('Authorization', guess).expect(401);
    expect((await request(app).get(PACK).set('Authorization', guess).expect(429)).body.error.code).toBe('rate_limited');
  });

  test('when a token of a role the route does not allow is sent, then it answers 403', async () => {
    const app = express();
    app.get('/api/v1/ngo-only', requireAccessRole(testApp.dependencies.accessTokens, ['ngo']), (_req, res) => {
      res.json({ ok: true });
    });
    app.use(errorHandler(createLogger('silent')));
    const analyst = (await testApp.dependencies.accessTokens.create('analyst', 'Lab')).token;
    expect((await request(app).get('/api/v1/ngo-only').set('Authorization', `Bearer ${analyst}`).expect(403)).body.error.code).toBe('forbidden');
    await request(app).get('/api/v1/ngo-only').set('Authorization', `Bearer ${ngoToken}`).expect(200);
  });

  test('when an ngo or analyst token is sent, then a zip with exactly the pack files comes, its hashes match the manifest and it verifies', async () => {
    const { response, bytes, files } = await download();
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="crowdaudit-credit-scores-\d{4}-\d\d-\d\d\.zip"$/);
    const names = Object.keys(files);
    const charts = names.filter((name) => /^charts\/[a-z_]+(-[a-z0-9_-]+)?-by-[a-z_]+\.svg$/.test(name));
    expect(charts.length).toBeGreaterThan(0);
    expect(names.filter((name) => !charts.includes(name)).sort()).toEqual(['METHODS.md', 'data/records.csv', 'datapackage.json', 'manifest.json', 'manifest.sig',
      'results/analyses.json', 'results/effects.csv', 'results/groups.csv', 'results/planner.csv', 'results/representativeness.csv', 'signing-key.pem']);
    const manifest = JSON.parse(text(files['manifest.json']));
    expect(Object.keys(manifest.files).sort()).toEqual(names.filter((name) => name !== 'manifest.json' && name !== 'manifest.sig').sort());
    for (const [name, hash] of Object.entries(manifest.files)) expect(createHash('sha256').update(files[name]).digest('hex')).toBe(hash);
    expect(manifest.software.name).toBe('crowdaudit');
    const methods = text(files['METHODS.md']);
    expect(methods).toContain(`those ${manifest.counts.excluded.suppressed} records were then left out`);
    expect(methods).toContain('self-selected');
    expect(methods).toContain('crowdaudit verify pack.zip');
    expect(methods).toMatch(/crowdaudit (regress|disparity|compare) --csv data\/records\.csv/);
    expect(manifest.parameters).toMatchObject({ campaign: 'credit-scores', k: 5, purposesFilter: ['ngo-sharing'] });
    const key = (await request(testApp.app).get('/api/v1/signing-key').expect(200)).body;
    expect(key).toEqual({ algorithm: 'Ed25519', publicKeyPem: text(files['signing-key.pem']), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verifyPack(new Uint8Array(bytes), { publicKeyPem: key.publicKeyPem })).toMatchObject({ ok: true, failures: [] });
    expect(verifyPack(new Uint8Array(bytes), { fingerprint: key.fingerprint })).toMatchObject({ ok: true, failures: [] });
    expect(manifest.signingKeyFingerprint).toBe(key.fingerprint);
    expect(methods).toContain(`crowdaudit verify pack.zip --fingerprint "${formatFingerprint(key.fingerprint)}"`);
    const analyst = (await testApp.dependencies.accessTokens.create('analyst', 'Lab')).token;
    await download(analyst);
  });

  test('when the pack is built, then records are only those of ngo-sharing donations, without ids or receipts, and no quasi-identifier combination is under k', async () => {
    const { files } = await download();
    const manifest = JSON.parse(text(files['manifest.json']));
    const shared = (testApp.db.prepare(`SELECT COUNT(*) AS n FROM records r JOIN donations d ON d.id = r.donation_id
      WHERE r.campaign_slug = 'credit-scores' AND EXISTS (SELECT 1 FROM json_each(d.purposes_json) WHERE value = 'ngo-sharing')`).get() as { n: number }).n;
    const all = (testApp.db.prepare(`SELECT COUNT(*) AS n FROM records WHERE campaign_slug = 'credit-scores'`).get() as { n: number }).n;
    const rows = records(files);
    expect(shared).toBeLessThan(all);
    expect(rows.length + manifest.counts.excluded.suppressed).toBe(shared);
    expect(manifest.counts).toMatchObject({ records: all, included: rows.length, excluded: { noConsent: all - shared } });
    expect(Object.keys(rows[0])).not.toEqual(expect.arrayContaining(['donation_id']));
    expect(Object.keys(rows[0])[0]).toBe('row_id');
    expect(new Set(rows.map((row) => row.row_id)).size).toBe(rows.length);
    const ids = testApp.db.prepare('SELECT id FROM donations').all() as Array<{ id: string }>;
    const csv = text(files['data/records.csv']);
    for (const { id } of ids) expect(csv).not.toContain(id);
    const classes = new Map<string, number>();
    for (const row of rows) {
      const key = JSON.stringify(QUASI_IDENTIFIERS.map((name) => row[name]));
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(5);
    const datapackage = JSON.parse(text(files['datapackage.json']));
    expect(datapackage.profile).toBe('data-package');
    expect(datapackage.resources[0]).toMatchObject({ name: 'records', path: 'data/records.csv', profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' });
    expect(datapackage.resources[0].schema.fields.map((field: { name: string }) => field.name)).toEqual(Object.keys(rows[0]));
  });

  test('when a stored text would run as a spreadsheet formula, then its cell in records.csv starts with an apostrophe', async () => {
    testApp.db.prepare(`UPDATE records SET data = json_set(data, '$.score_version', '=HYPERLINK("http://x")')`).run();
    const rows = records((await download()).files);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.score_version === `'=HYPERLINK("http://x")`)).toBe(true);
  });

  test('when the campaign does not exist, then a valid token gets 404 and no download is audit-logged', async () => {
    const response = await request(testApp.app).get('/api/v1/campaigns/no-such-campaign/evidence-pack').set('Authorization', `Bearer ${ngoToken}`).expect(404);
    expect(response.body.error).toMatchObject({ code: 'campaign_not_found', issues: [{ path: ['slug'] }] });
    const entries = testApp.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'evidence-pack.downloaded'`).get() as { n: number };
    expect(entries.n).toBe(0);
  });

  test('when a pack is downloaded, then the audit log names the token label and campaign, never the token', async () => {
    await download();
    const entries = testApp.db.prepare(`SELECT * FROM audit_log WHERE action = 'evidence-pack.downloaded'`).all() as Array<Record<string, string>>;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'Union A', campaign_slug: 'credit-scores' });
    expect(JSON.stringify(entries)).not.toContain(ngoToken);
  });

  test('when a donation arrives between two packs, then the records count it at once while the results stay those of the release', async () => {
    const first = (await download()).files;
    const firstManifest = JSON.parse(text(first['manifest.json']));
    await donateWithSharing(42);
    const second = (await download()).files;
    const secondManifest = JSON.parse(text(second['manifest.json']));
    expect(secondManifest.counts.records).toBe(firstManifest.counts.records + 1);
    expect(firstManifest.parameters.findingsRelease).toMatchObject({ number: 1, releasedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(secondManifest.parameters.findingsRelease).toEqual(firstManifest.parameters.findingsRelease);
    expect(text(second['results/analyses.json'])).toBe(text(first['results/analyses.json']));
    expect(JSON.stringify(secondManifest)).not.toMatch(/[Rr]evision/);
  });

  test('when a donor deletes their donation, then their records are gone from the next pack', async () => {
    const receipts = [];
    for (let index = 0; index < 6; index += 1) receipts.push(await donateWithSharing(index === 0 ? 777.77 : 500 + index));
    const before = records((await download()).files);
    expect(before.some((row) => row.score_value === '777.77')).toBe(true);
    await request(testApp.app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipts[0]}`).expect((res) => expect(res.status).toBeLessThan(300));
    const after = records((await download()).files);
    expect(after.some((row) => row.score_value === '777.77')).toBe(false);
    expect(after.length).toBe(before.length - 1);
  });
});
