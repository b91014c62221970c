/**
 * The worker threads on PostgreSQL (project unit-postgres): a release's document, a collective pack
 * and the findings page's section made by a worker on its own connection (a read snapshot for the
 * pack) hold what this thread makes.
 */
import { gunzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { campaignsWithMargins } from '../../../src/campaigns/campaigns-with-margins';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../src/demo/seed-demo';
import { DonationService } from '../../../src/donations/donation-service';
import { analyseCampaign } from '../../../src/evidence/campaign-analyses';
import { buildCollectivePack } from '../../../src/evidence/collective/build-collective-pack';
import { buildPackFor } from '../../../src/evidence/collective/build-pack-in-worker';
import { RECORDS_PATH } from '../../../src/evidence/collective/pack-manifest';
import { verifyPack } from '../../../src/evidence/collective/verify-pack';
import { FindingsReleases } from '../../../src/evidence/releases/findings-releases';
import { prepareInThisThread, prepareInWorker } from '../../../src/evidence/releases/prepare-release';
import { parseReleaseDocument } from '../../../src/evidence/releases/release-document';
import { loadOrCreateSigningKey } from '../../../src/evidence/signing-key';
import { findingsBodyFor } from '../../../src/http/api/findings-body';
import { renderFindingsSectionFor } from '../../../src/http/views/render-findings-section';
import { openPostgresStore, type PostgresStore } from '../../../src/storage/postgres/postgres-store';
import { WorkerPool } from '../../../src/workers/worker-pool';
import { createTestDatabase } from '../../helpers/test-database';

const campaign = campaignsWithMargins(loadCampaigns()).get('credit-scores')!;
const jobs = new WorkerPool({ keepIdleMs: 0, threads: 1 });
let url: string;
let store: PostgresStore;

beforeAll(async () => {
  url = await createTestDatabase();
  store = await openPostgresStore(url);
  await seedDemo(campaign, new DonationService(store), { count: 60, seed: 3, now: new Date('2026-11-01T00:00:00Z') });
});
afterAll(async () => {
  await jobs.close();
  await store.close();
});

describe('worker threads on PostgreSQL', () => {
  test('when a worker prepares a release from PostgreSQL, then its document is the one this thread makes', async () => {
    const stamp = { number: 1, releasedAt: '2026-12-01T10:00:00.000Z', rule: { minChanges: 10, interval: 'P1D' } };
    const [inWorker, here] = await Promise.all([
      prepareInWorker({ kind: 'postgres', url }, jobs)(store, campaign, stamp),
      prepareInThisThread((analysed, target) => analyseCampaign(analysed, target))(store, campaign, stamp),
    ]);
    expect(parseReleaseDocument(inWorker).findings.comparisons.length).toBeGreaterThan(4);
    expect(gunzipSync(inWorker).toString('utf8')).toBe(gunzipSync(here).toString('utf8'));
  }, 60_000);

  test('when a worker builds the pack from PostgreSQL, then it holds the records this thread reads and the server key signs it', async () => {
    const releases = new FindingsReleases(store, () => ({ minChanges: 10, interval: 'PT0S', intervalMs: 0 }));
    const findings = await releases.current(campaign);
    const signingKey = loadOrCreateSigningKey(':memory:');
    const now = new Date('2026-12-02T09:30:00Z');
    const [inWorker, here] = await Promise.all([buildPackFor(store, releases, signingKey, jobs)(campaign, now), buildCollectivePack(store, campaign, findings, signingKey, now)]);
    expect(verifyPack(inWorker.zip, { publicKeyPem: signingKey.publicKeyPem })).toMatchObject({ ok: true, signerVerified: true });
    expect(inWorker.manifest.counts).toEqual(here.manifest.counts);
    expect(inWorker.manifest.parameters.findingsRelease).toEqual(findings!.release);
    const records = (zip: Uint8Array) => strFromU8(unzipSync(zip)[RECORDS_PATH]).trim().split(/\r?\n/).slice(1).map((row) => row.slice(row.indexOf(',') + 1)).sort();
    expect(records(inWorker.zip)).toEqual(records(here.zip));
  }, 60_000);

  test('when the findings page and API answer are made in a worker from PostgreSQL, then they are what this thread makes', async () => {
    const releases = new FindingsReleases(store, () => ({ minChanges: 10, interval: 'PT0S', intervalMs: 0 }));
    const number = (await releases.currentNumber(campaign))!;
    const fingerprint = 'c3'.repeat(32);
    const drawn = await renderFindingsSectionFor({ kind: 'postgres', url }, jobs, fingerprint, store)(campaign, number, 'de');
    expect(drawn?.value).toContain('findings-summary-heading');
    expect(drawn?.value).toBe((await renderFindingsSectionFor(undefined, jobs, fingerprint, store)(campaign, number, 'de'))?.value);
    const written = await findingsBodyFor({ kind: 'postgres', url }, jobs, store)(campaign, number);
    expect(written).toEqual(await findingsBodyFor(undefined, jobs, store)(campaign, number));
  }, 60_000);
});
