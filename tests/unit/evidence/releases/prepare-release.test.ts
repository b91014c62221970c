/** Release documents prepared in a worker thread: the same text as in this thread, and clear failures. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import { analyseCampaign } from '../../../../src/evidence/campaign-analyses';
import { prepareInThisThread, prepareInWorker } from '../../../../src/evidence/releases/prepare-release';
import { parseReleaseDocument, type ReleaseStamp } from '../../../../src/evidence/releases/release-document';
import { openDatabase } from '../../../../src/storage/open-database';
import { SqliteStore } from '../../../../src/storage/sqlite-store';
import { WorkerPool } from '../../../../src/workers/worker-pool';

const campaign = loadCampaigns().get('platform-decisions')!;
const stamp: ReleaseStamp = { number: 3, releasedAt: '2026-12-01T10:00:00.000Z', rule: { minChanges: 10, interval: 'P1D' } };

describe('prepareInWorker', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-worker-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when a worker prepares a release of a database file, then its document is the one this thread makes', async () => {
    const databasePath = path.join(directory, 'crowdaudit.sqlite');
    const store = new SqliteStore(openDatabase(databasePath));
    await seedDemo(campaign, new DonationService(store), { count: 80, seed: 5, now: new Date('2026-11-01T00:00:00Z') });
    const [inWorker, here] = await Promise.all([
      prepareInWorker({ kind: 'sqlite', path: databasePath }, new WorkerPool({ keepIdleMs: 0, threads: 1 }))(store, campaign, stamp),
      prepareInThisThread((analysed, target) => analyseCampaign(analysed, target))(store, campaign, stamp),
    ]);
    await store.close();
    const { findings, packStatistics } = parseReleaseDocument(inWorker);
    expect(findings.comparisons.length).toBeGreaterThan(4);
    // The release as stamped, only its day published; the pack statistics kept beside the findings.
    expect(findings.release).toEqual({ number: 3, releasedOn: '2026-12-01', minChanges: 10, interval: 'P1D' });
    expect(packStatistics).toBeDefined();
    expect(gunzipSync(inWorker).toString('utf8')).toBe(gunzipSync(here).toString('utf8'));
  }, 30_000);

  test('when the database file is missing, then the release fails with the campaign and the reason', async () => {
    const missing = path.join(directory, 'missing.sqlite');
    await expect(prepareInWorker({ kind: 'sqlite', path: missing }, new WorkerPool({ keepIdleMs: 0, threads: 1 }))(new SqliteStore(openDatabase(':memory:')), campaign, stamp)).rejects.toThrow(/Analysing platform-decisions failed: .*(unable to open|does not exist)/i);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
