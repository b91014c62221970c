import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../../../src/app-error';
import { backupDatabase } from '../../../src/storage/backup-database';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { openDatabase } from '../../../src/storage/open-database';

let directory: string;
let databasePath: string;
let db: Database;
let sequence = 0;

function donate(repository: DonationRepository, records = 3): void {
  sequence += 1;
  repository.db.transaction(() => repository.insertDonation({
    id: `d-${sequence}`, campaignSlug: 'platform-decisions', campaignVersion: '1', receiptHash: `h-${sequence}`, consentVersion: '1',
    consentSha256: 'c', purposesJson: '["research"]', locale: 'en', contentSha256: 'x', recordCount: records, createdOn: '2026-11-23',
  }, Array.from({ length: records }, (_, position) => ({ position, padding: 'x'.repeat(500) }))))();
}

function copyCounts(file: string) {
  const copy = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      integrity: copy.pragma('integrity_check', { simple: true }),
      journal: copy.pragma('journal_mode', { simple: true }),
      donations: (copy.prepare('SELECT COUNT(*) AS n FROM donations').get() as { n: number }).n,
      records: (copy.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n,
      declaredRecords: (copy.prepare('SELECT COALESCE(SUM(record_count), 0) AS n FROM donations').get() as { n: number }).n,
    };
  } finally {
    copy.close();
  }
}

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-backup-'));
  databasePath = path.join(directory, 'crowdaudit.sqlite');
  db = openDatabase(databasePath);
});

afterEach(() => {
  db.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('online backup', () => {
  test('when the database is backed up, then the copy is one file with mode 0600, intact, with the same counts', async () => {
    const repository = new DonationRepository(db);
    for (let index = 0; index < 20; index += 1) donate(repository);
    const out = path.join(directory, 'backup.sqlite');
    const result = await backupDatabase(databasePath, out);
    expect(result).toMatchObject({ path: out, integrity: 'ok', donations: 20, records: 60 });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(copyCounts(out)).toEqual({ integrity: 'ok', journal: 'delete', donations: 20, records: 60, declaredRecords: 60 });
    expect(fs.readdirSync(directory).filter((name) => name.startsWith('backup'))).toEqual(['backup.sqlite']);
  });

  test('when another connection keeps writing during the backup, then the copy is an intact, consistent snapshot', async () => {
    const repository = new DonationRepository(db);
    for (let index = 0; index < 3_000; index += 1) donate(repository, 4);
    // A writer on its own connection and thread, as the server would be, committing all the time.
    const writer = new Worker(`
      const { parentPort, workerData } = require('node:worker_threads');
      const db = new (require(workerData.driver))(workerData.file);
      db.pragma('busy_timeout = 5000');
      const donation = db.prepare("INSERT INTO donations (id, campaign_slug, campaign_version, receipt_hash, consent_version, consent_sha256, purposes_json, locale, content_sha256, record_count, created_on) VALUES (@id, 'platform-decisions', '1', @id, '1', 'c', '[]', 'en', 'x', 2, '2026-11-23')");
      const record = db.prepare("INSERT INTO records (donation_id, campaign_slug, position, data) VALUES (@id, 'platform-decisions', @position, '{}')");
      let written = 0;
      let stop = false;
      parentPort.on('message', () => { stop = true; });
      parentPort.postMessage('started');
      (function loop() {
        for (let burst = 0; burst < 20; burst += 1) {
          db.transaction(() => { const id = 'w-' + written; donation.run({ id }); record.run({ id, position: 0 }); record.run({ id, position: 1 }); })();
          written += 1;
        }
        if (stop) { db.close(); parentPort.postMessage(written); } else setImmediate(loop);
      })();
    `, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file: databasePath } });
    const finished = new Promise<number>((resolve) => writer.on('message', (message) => {
      if (typeof message === 'number') resolve(message);
    }));
    await new Promise<void>((resolve) => writer.once('message', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const out = path.join(directory, 'live.sqlite');
    const result = await backupDatabase(databasePath, out);
    writer.postMessage('stop');
    const written = await finished;
    await writer.terminate();
    expect(written).toBeGreaterThan(0);
    const copy = copyCounts(out);
    expect(copy.integrity).toBe('ok');
    // Every donation in the copy comes with all of its records: no half-copied transaction.
    expect(copy.records).toBe(copy.declaredRecords);
    expect(copy.donations).toBeGreaterThanOrEqual(3_000);
    expect(copy.donations).toBeLessThanOrEqual(3_000 + written);
    expect(result).toMatchObject({ donations: copy.donations, records: copy.records });
    // 3,000 durable transactions to set up: seconds on a loaded 2-core machine, not a time limit under test.
  }, 60_000);

  test('when the destination exists, then it is not overwritten unless forced', async () => {
    const out = path.join(directory, 'existing.sqlite');
    fs.writeFileSync(out, 'keep me');
    await expect(backupDatabase(databasePath, out)).rejects.toThrow(/already exists.*--force/);
    await expect(backupDatabase(databasePath, out)).rejects.toBeInstanceOf(AppError);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(directory).filter((name) => name.includes('partial'))).toEqual([]);
    const result = await backupDatabase(databasePath, out, { force: true });
    expect(result.integrity).toBe('ok');
    expect(copyCounts(out).donations).toBe(0);
  });

  test('when the database file does not exist, then it says so and creates nothing', async () => {
    const out = path.join(directory, 'never.sqlite');
    await expect(backupDatabase(path.join(directory, 'missing.sqlite'), out)).rejects.toThrow(/No such database file/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
