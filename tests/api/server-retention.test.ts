import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { testConfig } from '../../src/config';
import { startServer } from '../../src/server';
import { DonationRepository } from '../../src/storage/donation-repository';
import { openDatabase } from '../../src/storage/open-database';
import { SqliteStore } from '../../src/storage/sqlite-store';

describe('server retention', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-server-retention-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when the server starts, then donations past their campaign\'s retention are purged and the purge is audited', async () => {
    const databasePath = path.join(directory, 'crowdaudit.sqlite');
    const db = openDatabase(databasePath);
    const repository = new DonationRepository(db);
    const today = new Date().toISOString().slice(0, 10);
    for (const [id, createdOn] of [['old', '2019-01-01'], ['new', today]]) {
      repository.insertDonation({
        id, campaignSlug: 'platform-decisions', campaignVersion: '1', receiptHash: `h-${id}`, consentVersion: '1',
        consentSha256: 'c', purposesJson: '["research"]', locale: 'en', contentSha256: 'x', recordCount: 1, createdOn,
      }, [{ a: 1 }]);
    }
    db.close();

    const running = await startServer(testConfig({ databasePath }));
    try {
      expect((running.store as SqliteStore).db.prepare('SELECT id FROM donations').all()).toEqual([{ id: 'new' }]);
      const audit = (running.store as SqliteStore).db.prepare("SELECT campaign_slug AS campaign, detail_json AS detail FROM audit_log WHERE action = 'donations.purged' ORDER BY campaign_slug").all() as Array<{ campaign: string; detail: string }>;
      expect(audit.map((entry) => entry.campaign)).toEqual(expect.arrayContaining(['credit-scores', 'platform-decisions']));
      expect(JSON.parse(audit.find((entry) => entry.campaign === 'platform-decisions')!.detail)).toMatchObject({ donations: 1, records: 1, retentionDays: 1095 });
    } finally {
      await running.stop();
    }
    const after = new BetterSqlite3(databasePath, { readonly: true });
    expect(after.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 1 });
    after.close();
  });
});
