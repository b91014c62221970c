/**
 * What is made from a release in the render threads — the findings page's section, the findings
 * API's answer, a donor's personal pack — read from the stored release there: the same as made in
 * this thread, so the server's thread need never parse a release.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../src/demo/seed-demo';
import { DonationService } from '../../../src/donations/donation-service';
import { loadAdvice } from '../../../src/evidence/advice/country-advice';
import { loadRecipients } from '../../../src/evidence/letters';
import { buildPersonalPackFor } from '../../../src/evidence/personal/build-personal-pack';
import { FindingsReleases } from '../../../src/evidence/releases/findings-releases';
import { findingsBodyFor } from '../../../src/http/api/findings-body';
import { renderFindingsSectionFor } from '../../../src/http/views/render-findings-section';
import { openDatabase } from '../../../src/storage/open-database';
import { SqliteStore } from '../../../src/storage/sqlite-store';
import { WorkerPool } from '../../../src/workers/worker-pool';

const campaign = loadCampaigns().get('credit-scores')!;
const fingerprint = 'a1'.repeat(32);

describe('release views in render threads', () => {
  let directory: string;
  let store: SqliteStore;
  let findings: FindingsReleases;
  let number: number;
  const renders = new WorkerPool({ keepIdleMs: 0, threads: 1 });
  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-release-views-'));
    store = new SqliteStore(openDatabase(path.join(directory, 'crowdaudit.sqlite')));
    await seedDemo(campaign, new DonationService(store), { count: 150, seed: 4, now: new Date('2026-11-01T00:00:00Z') });
    findings = new FindingsReleases(store, () => ({ minChanges: 1, interval: 'PT0S', intervalMs: 0 }));
    number = (await findings.currentNumber(campaign))!;
  }, 60_000);
  afterAll(async () => {
    await renders.close();
    await store.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('when a release of a database file is drawn in a worker, then its section is the one this thread draws, in each language', async () => {
    const inWorker = renderFindingsSectionFor(store.location, renders, fingerprint, store);
    const here = renderFindingsSectionFor(undefined, renders, fingerprint, store);
    for (const locale of ['en', 'de', 'fr'] as const) {
      const drawn = await inWorker(campaign, number, locale);
      expect(drawn?.value).toContain('findings-summary-heading');
      expect(drawn?.value).toBe((await here(campaign, number, locale))?.value);
    }
  }, 60_000);

  test('when the findings API\'s answer is written in a worker, then it is the bytes and ETag this thread writes, with the default planner and with gaps asked', async () => {
    const inWorker = findingsBodyFor(store.location, renders, store);
    const here = findingsBodyFor(undefined, renders, store);
    const written = await inWorker(campaign, number);
    expect(Buffer.isBuffer(written.body)).toBe(true);
    expect(written.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(written).toEqual(await here(campaign, number));
    const parsed = JSON.parse(Buffer.from(written.body).toString('utf8')) as { release: { number: number }; plannerGaps: unknown };
    expect(parsed.release.number).toBe(number);
    expect(parsed.plannerGaps).toEqual({ ratePoints: 5, meanEffectSize: 0.2 });
    const gaps = { ratePoints: 10, meanEffectSize: 0.5 };
    const withGaps = await inWorker(campaign, number, gaps);
    expect(withGaps.etag).toBeUndefined();
    expect(Buffer.from(withGaps.body).equals(Buffer.from((await here(campaign, number, gaps)).body))).toBe(true);
    expect(JSON.parse(Buffer.from(withGaps.body).toString('utf8')).plannerGaps).toEqual(gaps);
  }, 60_000);

  test('when a personal pack is built in a worker, then it is the pack this thread builds from the same release', async () => {
    const recipients = loadRecipients();
    const advice = loadAdvice();
    const donations = new DonationService(store);
    const body = { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]))], locale: 'de' as const };
    const donor = (await donations.findByReceipt((await donations.donate(campaign, body)).receipt.receipt))!;
    const options = { locale: 'de' as const, today: new Date('2026-12-03T00:00:00Z') };
    // No release due after this donation: both build from the same one.
    const settled = new FindingsReleases(store, () => ({ minChanges: 1000, interval: 'PT0S', intervalMs: 0 }));
    const inWorker = await buildPersonalPackFor(store.location, renders, settled, recipients, advice)(campaign, donor, options);
    const here = await buildPersonalPackFor(undefined, renders, settled, recipients, advice)(campaign, donor, options);
    expect(inWorker.manifest.release).toBe(number);
    expect(inWorker.effects.length).toBeGreaterThan(0);
    expect(inWorker).toEqual(here);
  }, 60_000);

  test('when the release is not in the database, then the error names the job and the release', async () => {
    await expect(renderFindingsSectionFor(store.location, renders, fingerprint, store)(campaign, 99, 'en')).rejects.toThrow('Drawing the findings of credit-scores failed: release 99 of credit-scores is not in the database');
    await expect(findingsBodyFor(store.location, renders, store)(campaign, 99)).rejects.toThrow('Writing the findings of credit-scores failed: release 99 of credit-scores is not in the database');
  });
});
