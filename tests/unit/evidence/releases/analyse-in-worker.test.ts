/** Release analyses in a worker thread: the same numbers as in this thread, and clear failures. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import { analyseCampaign } from '../../../../src/evidence/campaign-analyses';
import { analyseInWorker } from '../../../../src/evidence/releases/analyse-in-worker';
import { AuditLog } from '../../../../src/storage/audit-log';
import { DonationRepository } from '../../../../src/storage/donation-repository';
import { openDatabase } from '../../../../src/storage/open-database';
import { SqliteStore } from '../../../../src/storage/sqlite-store';

const campaign = loadCampaigns().get('platform-decisions')!;

describe('analyseInWorker', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-worker-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when a worker analyses a database file, then its result equals the analyses computed in this thread', async () => {
    const databasePath = path.join(directory, 'crowdaudit.sqlite');
    const db = openDatabase(databasePath);
    const store = new SqliteStore(db);
    await seedDemo(campaign, new DonationService(store), { count: 80, seed: 5, now: new Date('2026-11-01T00:00:00Z') });
    const [inWorker, here] = await Promise.all([analyseInWorker({ kind: 'sqlite', path: databasePath })(store, campaign), analyseCampaign(store, campaign)]);
    db.close();
    const { computedAt: _workerTime, ...workerResult } = inWorker;
    const { computedAt: _time, ...result } = here;
    expect(result.comparisons.length).toBeGreaterThan(4);
    expect(workerResult).toEqual(result);
  }, 30_000);

  test('when the database file is missing, then the release fails with the campaign and the reason', async () => {
    const missing = path.join(directory, 'missing.sqlite');
    await expect(analyseInWorker({ kind: 'sqlite', path: missing })(new SqliteStore(openDatabase(':memory:')), campaign)).rejects.toThrow(/Analysing platform-decisions failed: .*(unable to open|does not exist)/i);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
