import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import type { DonationBody } from '../../../src/campaigns/types';
import { DonationService } from '../../../src/donations/donation-service';
import { RetentionService } from '../../../src/donations/retention';
import { AuditLog } from '../../../src/storage/audit-log';
import { backupDatabase } from '../../../src/storage/backup-database';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { erasureLogPath, recordErasure } from '../../../src/storage/erasure-log';
import { openDatabase } from '../../../src/storage/open-database';
import { RetentionRepository } from '../../../src/storage/retention-repository';
import { closeTestStores, sqliteStoreOn } from '../../helpers/test-database';

const campaigns = loadCampaigns();
const campaign = campaigns.get('credit-scores')!;
const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
const body = (score: number): DonationBody => ({
  consent: { version: campaign.consent.version, purposes: ['research'] },
  records: [{ ...example, score_value: score }],
  locale: 'en',
});

let directory: string;
let databasePath: string;
let db: Database;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-erasure-log-'));
  databasePath = path.join(directory, 'crowdaudit.sqlite');
  db = openDatabase(databasePath);
});

afterEach(async () => {
  await closeTestStores();
  if (db.open) db.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

const donationIds = (database: Database) =>
  (database.prepare('SELECT id FROM donations ORDER BY id').all() as Array<{ id: string }>).map((row) => row.id).sort();

describe('erasure log', () => {
  test('when a backup taken before a withdrawal is restored, then opening it deletes the withdrawn donation again, bytes and all, and keeps the others', async () => {
    const store = sqliteStoreOn(db);
    const service = new DonationService(store);
    const withdrawn = (await service.donate(campaign, body(873.25))).receipt;
    const kept = (await service.donate(campaign, body(612.5))).receipt;
    const backupPath = path.join(directory, 'backup.sqlite');
    await backupDatabase(databasePath, backupPath);
    expect(await service.deleteByReceipt(withdrawn.receipt)).toBe(true);
    await store.close();

    // The log names the donation's id and day, nothing of its content.
    const log = fs.readFileSync(path.join(directory, 'crowdaudit.erasures'), 'utf8');
    expect(log).toBe(`${new Date().toISOString().slice(0, 10)} ${withdrawn.donationId}\n`);
    expect(fs.statSync(path.join(directory, 'crowdaudit.erasures')).mode & 0o777).toBe(0o600);

    // Restore as an operator would: the copy replaces the database, stale WAL and index go.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true });
    fs.copyFileSync(backupPath, databasePath);
    expect(fs.readFileSync(databasePath).includes('"score_value":873.25')).toBe(true);

    db = openDatabase(databasePath);
    expect(donationIds(db)).toEqual([kept.donationId]);
    const bytes = ['', '-wal', '-shm'].filter((suffix) => fs.existsSync(`${databasePath}${suffix}`))
      .map((suffix) => fs.readFileSync(`${databasePath}${suffix}`));
    expect(bytes.some((content) => content.includes('"score_value":873.25'))).toBe(false);
    expect(bytes.some((content) => content.includes('"score_value":612.5'))).toBe(true);
    expect(db.prepare("SELECT actor, detail_json AS detail FROM audit_log WHERE action = 'donations.erasures-replayed'").all())
      .toEqual([{ actor: 'erasure-log', detail: '{"donations":1}' }]);

    // Opening it again finds nothing left to delete and writes no second entry.
    db.close();
    db = openDatabase(databasePath);
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'donations.erasures-replayed'").get()).toEqual({ n: 1 });
  });

  test('when the process dies after logging a withdrawal but before deleting, then the next opening deletes it', async () => {
    const store = sqliteStoreOn(db);
    const { donationId } = (await new DonationService(store).donate(campaign, body(500))).receipt;
    recordErasure(db, donationId);
    await store.close();
    db = openDatabase(databasePath);
    expect(donationIds(db)).toEqual([]);
  });

  test('when the retention purge runs, then erasures older than 90 days are dropped from the log and newer ones kept', async () => {
    const now = new Date('2026-12-02T10:00:00Z');
    recordErasure(db, 'old-donation', new Date('2026-09-02T10:00:00Z'));
    recordErasure(db, 'recent-donation', new Date('2026-09-03T10:00:00Z'));
    await new RetentionService(sqliteStoreOn(db), campaigns, () => now).purge();
    expect(fs.readFileSync(erasureLogPath(db)!, 'utf8')).toBe('2026-09-03 recent-donation\n');
  });

  test('when the database is in memory, then there is no log and nothing is written', () => {
    const memory = openDatabase(':memory:');
    expect(erasureLogPath(memory)).toBeUndefined();
    recordErasure(memory, 'any');
    memory.close();
    expect(fs.readdirSync(directory).filter((name) => name.endsWith('.erasures'))).toEqual([]);
  });
});
