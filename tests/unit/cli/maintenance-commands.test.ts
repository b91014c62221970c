import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { runPurge } from '../../../src/cli/purge-command';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { openDatabase } from '../../../src/storage/open-database';
import { runCli } from './capture-cli';

let directory: string;
let databasePath: string;

function seed(createdOnDays: string[]): void {
  const db = openDatabase(databasePath);
  const repository = new DonationRepository(db);
  createdOnDays.forEach((createdOn, index) => repository.insertDonation({
    id: `d-${index}`, campaignSlug: 'platform-decisions', campaignVersion: '1', receiptHash: `h-${index}`, consentVersion: '1',
    consentSha256: 'c', purposesJson: '["research"]', locale: 'en', contentSha256: 'x', recordCount: 2, createdOn,
  }, [{ a: 1 }, { a: 2 }]));
  db.close();
}

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-maintenance-'));
  databasePath = path.join(directory, 'crowdaudit.sqlite');
});

afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

describe('crowdaudit backup', () => {
  test('when a backup is made, then it prints the checked counts; a second one to the same file is refused', async () => {
    seed(['2026-11-01', '2026-11-02']);
    const out = path.join(directory, 'copy.sqlite');
    const first = await runCli('backup', '--db', databasePath, '--out', out);
    expect(first).toEqual({ output: `Backed up ${databasePath} to ${out}: integrity ok, 2 donations, 4 records.\n`, errors: '', exitCode: 0 });
    const copy = new BetterSqlite3(out, { readonly: true });
    expect(copy.prepare('SELECT id FROM donations ORDER BY id').all()).toEqual([{ id: 'd-0' }, { id: 'd-1' }]);
    copy.close();
    const second = await runCli('backup', '--db', databasePath, '--out', out);
    expect(second.exitCode).toBe(1);
    expect(second.errors).toMatch(/already exists.*--force/);
    expect((await runCli('backup', '--db', databasePath, '--out', out, '--force')).exitCode).toBe(0);
  });

  test('when no --db is given, then DATABASE_PATH is backed up', async () => {
    seed(['2026-11-01']);
    const previous = process.env.DATABASE_PATH;
    process.env.DATABASE_PATH = databasePath;
    try {
      const result = await runCli('backup', '--out', path.join(directory, 'env-copy.sqlite'));
      expect(result.output).toMatch(/integrity ok, 1 donations, 2 records/);
    } finally {
      if (previous === undefined) delete process.env.DATABASE_PATH;
      else process.env.DATABASE_PATH = previous;
    }
  });
});

describe('crowdaudit purge', () => {
  test('when donations are past retention, then purge deletes them and prints the counts per campaign', async () => {
    seed(['2020-05-01', '2021-01-01', '2026-11-01']);
    const now = () => new Date('2026-11-23T12:00:00Z');
    expect(await runPurge({ db: databasePath, dryRun: true }, now)).toContain('platform-decisions: would delete 2 donations (4 records) created before 2023-11-24 (retention 1095 days).');
    const output = await runPurge({ db: databasePath }, now);
    expect(output).toContain('platform-decisions: deleted 2 donations (4 records) created before 2023-11-24 (retention 1095 days).');
    expect(output).toContain('credit-scores: deleted 0 donations (0 records)');
    const db = new BetterSqlite3(databasePath, { readonly: true });
    expect(db.prepare('SELECT id FROM donations').all()).toEqual([{ id: 'd-2' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 2 });
    db.close();
  });

  test('when run as a command, then it exits 0 and prints a line per campaign', async () => {
    seed(['2026-11-01']);
    const result = await runCli('purge', '--db', databasePath);
    expect(result.exitCode).toBe(0);
    expect(result.output.trim().split('\n')).toHaveLength(2);
    expect(result.output).toMatch(/platform-decisions: deleted 0 donations/);
  });

  test('when run in a process of its own with donations past retention, then it prints the counts, closes the store and leaves none of their bytes', () => {
    // The erasure's checkpoint runs in a thread: a process with nothing else to do exited while it
    // awaited it, printing nothing (exit code 0) and leaving the purged records' bytes in the file.
    const db = openDatabase(databasePath);
    new DonationRepository(db).insertDonation({
      id: 'old', campaignSlug: 'platform-decisions', campaignVersion: '1', receiptHash: 'h-old', consentVersion: '1',
      consentSha256: 'c', purposesJson: '["research"]', locale: 'en', contentSha256: 'x', recordCount: 1, createdOn: '2020-05-01',
    }, [{ reason: 'purged-marker-5150' }]);
    db.close();
    const cli = path.resolve(__dirname, '../../../bin/crowdaudit.js');
    const output = execFileSync(process.execPath, [cli, 'purge', '--db', databasePath], { timeout: 30_000, encoding: 'utf8' });
    expect(output).toMatch(/^platform-decisions: deleted 1 donations \(1 records\)/m);
    expect(output.trim().split('\n')).toHaveLength(2);
    // Closed: the last connection's close checkpointed and removed the WAL.
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
    expect(['', '-wal', '-shm'].filter((suffix) => fs.existsSync(`${databasePath}${suffix}`) && fs.readFileSync(`${databasePath}${suffix}`).includes('purged-marker-5150'))).toEqual([]);
  }, 40_000);

  test('when --vacuum is given, then what deletions before secure_delete left in free space is gone from the file', async () => {
    seed(['2026-11-01']);
    // A deletion as crowdaudit made it before issue 12: secure_delete off, bytes left behind.
    const old = new BetterSqlite3(databasePath);
    old.pragma('secure_delete = OFF');
    old.prepare('INSERT INTO donations (id, campaign_slug, campaign_version, receipt_hash, consent_version, consent_sha256, purposes_json, locale, content_sha256, record_count, created_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('gone', 'platform-decisions', '1', 'h-gone', '1', 'c', '[]', 'en', 'x', 1, '2026-11-01');
    old.prepare("INSERT INTO records (donation_id, campaign_slug, position, data) VALUES ('gone', 'platform-decisions', 0, ?)").run('{"reason":"left-behind-4711"}');
    old.prepare("DELETE FROM donations WHERE id = 'gone'").run();
    old.close();
    expect(fs.readFileSync(databasePath).includes('left-behind-4711')).toBe(true);

    const output = await runPurge({ db: databasePath, vacuum: true }, () => new Date('2026-11-23T12:00:00Z'));
    expect(output).toMatch(/^Vacuumed: [\d,]+ bytes before, [\d,]+ after\.$/m);
    const files = ['', '-wal', '-shm'].map((suffix) => `${databasePath}${suffix}`).filter((file) => fs.existsSync(file));
    expect(files.filter((file) => fs.readFileSync(file).includes('left-behind-4711'))).toEqual([]);
    const db = new BetterSqlite3(databasePath, { readonly: true });
    expect(db.prepare('SELECT id FROM donations').all()).toEqual([{ id: 'd-0' }]);
    db.close();
  });
});
