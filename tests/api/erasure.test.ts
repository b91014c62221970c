/**
 * Withdrawal really erases: after a deletion, a withdrawn record's bytes are in none of the
 * database's files (main file, WAL, shared-memory index). Each test first checks that the
 * bytes ARE there before the deletion, so a pass proves the erasure, not a miss.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadCampaigns } from '../../src/campaigns/load-campaigns';
import { testConfig } from '../../src/config';
import { RetentionService } from '../../src/donations/retention';
import { AuditLog } from '../../src/storage/audit-log';
import { DonationRepository } from '../../src/storage/donation-repository';
import { ImportRepository } from '../../src/storage/import-repository';
import { openDatabase } from '../../src/storage/open-database';
import { RetentionRepository } from '../../src/storage/retention-repository';
import { walErasurePending } from '../../src/storage/wal-erasure';
import { donationBody, exampleRecord, fetchCampaign, type PublicCampaign } from '../helpers/donation-body';
import { closeTestStores, sqliteStoreOn } from '../helpers/test-database';

// Each test makes some 80 donations on a file database with synchronous = FULL.
jest.setTimeout(30_000);

let directory: string;
let databasePath: string;
let db: Database;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-erasure-'));
  databasePath = path.join(directory, 'crowdaudit.sqlite');
  db = openDatabase(databasePath);
});

afterEach(async () => {
  await closeTestStores();
  if (db.open) db.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

/** Which of the markers occur in the raw bytes of the database, its WAL or its -shm file. */
function foundInFiles(markers: string[]): string[] {
  const files = ['', '-wal', '-shm'].map((suffix) => `${databasePath}${suffix}`).filter((file) => fs.existsSync(file));
  const contents = files.map((file) => fs.readFileSync(file));
  return markers.filter((marker) => contents.some((bytes) => bytes.includes(Buffer.from(marker, 'utf8'))));
}

describe('erasure on withdrawal', () => {
  let app: Express;
  let campaign: PublicCampaign;

  beforeEach(async () => {
    app = createApp({ store: sqliteStoreOn(db), config: testConfig({ databasePath }) });
    campaign = await fetchCampaign(app, 'credit-scores');
  });

  const donate = async (record: Record<string, unknown>, idempotencyKey = randomUUID()) =>
    (await request(app).post('/api/v1/campaigns/credit-scores/donations').set('Idempotency-Key', idempotencyKey)
      .send(donationBody(campaign, [record as ReturnType<typeof exampleRecord>])).expect(201)).body as { donationId: string; receipt: string };

  /** A donation with values no other donor has, among others before and after it on the same pages. */
  async function donateAmongOthers(): Promise<{ receipt: string; markers: string[] }> {
    for (let index = 0; index < 40; index += 1) await donate({ ...exampleRecord(campaign), score_value: 100 + index });
    const distinctive = { ...exampleRecord(campaign), score_value: 873.25, score_version: '9.87', postcode_region: '97' };
    const { donationId, receipt } = await donate(distinctive);
    for (let index = 0; index < 40; index += 1) await donate({ ...exampleRecord(campaign), score_value: 200 + index });
    const stored = db.prepare('SELECT data FROM records WHERE donation_id = ?').get(donationId) as { data: string };
    const donation = db.prepare('SELECT receipt_hash AS receiptHash FROM donations WHERE id = ?').get(donationId) as { receiptHash: string };
    const sealed = db.prepare('SELECT sealed_response AS sealed FROM idempotency_keys WHERE donation_id = ?').get(donationId) as { sealed: string };
    // The whole record as stored, its score, the donation's id (records, indexes, idempotency
    // key), its receipt hash (a unique index) and the sealed first answer.
    return { receipt, markers: [stored.data, '"score_value":873.25', donationId, donation.receiptHash, sealed.sealed] };
  }

  test('when a donor withdraws through the API, then the record\'s bytes are in none of the database files and the WAL is truncated', async () => {
    const { receipt, markers } = await donateAmongOthers();
    expect(foundInFiles(markers)).toEqual(markers);

    await request(app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(204);

    expect(foundInFiles(markers)).toEqual([]);
    expect(fs.statSync(`${databasePath}-wal`).size).toBe(0);
    expect(walErasurePending(db)).toBe(false);
    // The other donors' records are untouched.
    expect(foundInFiles(['"score_value":100,', '"score_value":239,'])).toHaveLength(2);
    expect(db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 80 });
  });

  test('when a donor deletes on the /my-donation page, then the record\'s bytes are in none of the database files', async () => {
    const { receipt, markers } = await donateAmongOthers();
    expect(foundInFiles(markers)).toEqual(markers);
    const agent = request.agent(app);
    const form = await agent.get('/campaigns/credit-scores/donate').expect(200);
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];

    const deleted = await agent.post('/my-donation/delete').type('form').send({ _csrf: csrfToken, receipt, confirm: 'yes' }).expect(200);
    expect(deleted.text).toContain('Your donation is deleted');

    expect(foundInFiles(markers)).toEqual([]);
    expect(fs.statSync(`${databasePath}-wal`).size).toBe(0);
  });

  test('when a reader holds an older snapshot during the withdrawal, then the WAL is truncated by a retry once it lets go', async () => {
    const { receipt, markers } = await donateAmongOthers();
    const reader = new BetterSqlite3(databasePath, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM records').get();

    await request(app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(204);
    // The reader still needs the old frames: the checkpoint cannot finish, and does not wait.
    expect(walErasurePending(db)).toBe(true);
    expect(foundInFiles(markers).length).toBeGreaterThan(0);

    reader.exec('COMMIT');
    reader.close();
    await waitUntil(() => !walErasurePending(db), 5_000);
    expect(foundInFiles(markers)).toEqual([]);
    expect(fs.statSync(`${databasePath}-wal`).size).toBe(0);
  });
});

describe('erasure on the retention purge', () => {
  const campaigns = loadCampaigns();

  test('when donations and an imported batch pass retention, then their bytes, overflow pages included, are in none of the database files', async () => {
    const donations = new DonationRepository(db);
    const imports = new ImportRepository(db);
    const today = new Date().toISOString().slice(0, 10);
    const donation = (id: string, createdOn: string, recordCount: number) => ({
      id, campaignSlug: 'platform-decisions', campaignVersion: '1', receiptHash: `receipt-hash-${id}`, consentVersion: '1',
      consentSha256: 'c', purposesJson: '["research"]', locale: 'en', contentSha256: `content-${id}`, recordCount, createdOn,
    });
    donations.insertDonation(donation('kept-donation', today, 1), [{ reason_given: 'kept-record-marker' }]);
    donations.insertDonation(donation('expired-donation', '2019-01-01', 1), [{ reason_given: 'expired-record-marker-4711' }]);
    // An imported batch is one row far larger than a page: it spills into overflow pages.
    const batch = JSON.stringify(Array.from({ length: 2_000 }, (_unused, index) => [`expired-batch-marker-${index}`, 3]));
    imports.insertBatch({ ...donation('expired-batch', '2019-01-01', 2_000), consentBasis: 'survey 2018' }, '{"fields":["a","b"],"levels":{}}', batch);
    const markers = ['expired-record-marker-4711', 'expired-batch-marker-0"', 'expired-batch-marker-1999', 'receipt-hash-expired-donation', 'content-expired-batch'];
    expect(foundInFiles(markers)).toEqual(markers);

    const service = new RetentionService(sqliteStoreOn(db), campaigns);
    const counts = await service.purge();
    expect(counts.find((count) => count.campaign === 'platform-decisions')).toMatchObject({ donations: 2, records: 2_001 });

    expect(foundInFiles(markers)).toEqual([]);
    expect(fs.statSync(`${databasePath}-wal`).size).toBe(0);
    expect(foundInFiles(['kept-record-marker'])).toEqual(['kept-record-marker']);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
