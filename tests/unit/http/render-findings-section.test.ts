/** The findings page's section drawn in a render thread from the stored release: the same HTML as drawn in this thread. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../src/demo/seed-demo';
import { DonationService } from '../../../src/donations/donation-service';
import { FindingsReleases } from '../../../src/evidence/releases/findings-releases';
import { renderFindingsSectionFor } from '../../../src/http/views/render-findings-section';
import { openDatabase } from '../../../src/storage/open-database';
import { SqliteStore } from '../../../src/storage/sqlite-store';
import { WorkerPool } from '../../../src/workers/worker-pool';

const campaign = loadCampaigns().get('credit-scores')!;
const fingerprint = 'a1'.repeat(32);

describe('renderFindingsSectionFor', () => {
  let directory: string;
  let store: SqliteStore;
  const renders = new WorkerPool({ keepIdleMs: 0, threads: 1 });
  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-section-'));
    store = new SqliteStore(openDatabase(path.join(directory, 'crowdaudit.sqlite')));
    await seedDemo(campaign, new DonationService(store), { count: 150, seed: 4, now: new Date('2026-11-01T00:00:00Z') });
  }, 60_000);
  afterAll(async () => {
    await renders.close();
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('when a release of a database file is drawn in a worker, then its section is the one this thread draws, in each language', async () => {
    const findings = new FindingsReleases(store, () => ({ minChanges: 1, interval: 'PT0S', intervalMs: 0 }));
    const released = (await findings.current(campaign))!;
    const inWorker = renderFindingsSectionFor(store.location, renders, fingerprint);
    const here = renderFindingsSectionFor(undefined, renders, fingerprint);
    for (const locale of ['en', 'de', 'fr'] as const) {
      const drawn = await inWorker(campaign, released, locale);
      expect(drawn?.value).toContain('findings-summary-heading');
      expect(drawn?.value).toBe((await here(campaign, released, locale))?.value);
    }
  }, 60_000);

  test('when the release is not in the database, then the error names the job and the release', async () => {
    const inWorker = renderFindingsSectionFor(store.location, renders, fingerprint);
    const findings = new FindingsReleases(store, () => ({ minChanges: 1, interval: 'PT0S', intervalMs: 0 }));
    const released = (await findings.current(campaign))!;
    const missing = { ...released, release: { ...released.release, number: 99 } };
    await expect(inWorker(campaign, missing, 'en')).rejects.toThrow('Drawing the findings of credit-scores failed: release 99 of credit-scores is not in the database');
  });
});
