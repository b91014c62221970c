/**
 * Collective packs built in a worker thread: the same content as in this thread, signed by the
 * server's key (which never leaves this thread), and clear failures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { campaignsWithMargins } from '../../../../src/campaigns/campaigns-with-margins';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import { buildCollectivePack } from '../../../../src/evidence/collective/build-collective-pack';
import { buildPackFor } from '../../../../src/evidence/collective/build-pack-in-worker';
import { MANIFEST_PATH, RECORDS_PATH, SIGNATURE_PATH } from '../../../../src/evidence/collective/pack-manifest';
import { verifyPack } from '../../../../src/evidence/collective/verify-pack';
import { FindingsReleases } from '../../../../src/evidence/releases/findings-releases';
import { loadOrCreateSigningKey } from '../../../../src/evidence/signing-key';
import { openDatabase } from '../../../../src/storage/open-database';
import { SqliteStore } from '../../../../src/storage/sqlite-store';
import { WorkerPool } from '../../../../src/workers/worker-pool';

const campaign = campaignsWithMargins(loadCampaigns()).get('credit-scores')!;
const signingKey = loadOrCreateSigningKey(':memory:');
const now = new Date('2026-12-02T09:30:00Z');

/** The records without their random row ids, in one order. */
function recordLines(files: Record<string, Uint8Array>): string[] {
  const [, ...rows] = strFromU8(files[RECORDS_PATH]).trim().split(/\r?\n/);
  return rows.map((row) => row.slice(row.indexOf(',') + 1)).sort();
}

describe('buildPackFor', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-pack-worker-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when a worker builds the pack of a database file, then it holds what this thread builds and carries a valid signature of the server key', async () => {
    const store = new SqliteStore(openDatabase(path.join(directory, 'crowdaudit.sqlite')));
    await seedDemo(campaign, new DonationService(store), { count: 60, seed: 3, now: new Date('2026-11-01T00:00:00Z') });
    const releases = new FindingsReleases(store, () => ({ minChanges: 10, interval: 'PT0S', intervalMs: 0 }));
    const findings = await releases.current(campaign);
    const [inWorker, here] = await Promise.all([
      buildPackFor(store, releases, signingKey, new WorkerPool({ keepIdleMs: 0, threads: 1 }))(campaign, now),
      buildCollectivePack(store, campaign, findings, signingKey, now),
    ]);
    await store.close();
    expect(verifyPack(inWorker.zip, { publicKeyPem: signingKey.publicKeyPem })).toMatchObject({ ok: true, failures: [], signerVerified: true });
    expect(inWorker.fileName).toBe(here.fileName);
    expect(inWorker.manifest.parameters).toEqual(here.manifest.parameters);
    expect(inWorker.manifest.parameters.findingsRelease).toMatchObject({ number: 1 });
    expect(inWorker.manifest.counts).toEqual(here.manifest.counts);
    const [workerFiles, hereFiles] = [unzipSync(inWorker.zip), unzipSync(here.zip)];
    expect(Object.keys(workerFiles)).toEqual(Object.keys(hereFiles));
    // Every file but the records (random row ids), the manifest and signature over them and the package describing them.
    const fixed = Object.keys(hereFiles).filter((name) => ![RECORDS_PATH, 'datapackage.json', MANIFEST_PATH, SIGNATURE_PATH].includes(name));
    expect(fixed.length).toBeGreaterThan(5);
    for (const name of fixed) expect({ name, sha256: inWorker.manifest.files[name] }).toEqual({ name, sha256: here.manifest.files[name] });
    expect(recordLines(workerFiles)).toEqual(recordLines(hereFiles));
  }, 60_000);

  test('when the named release is not in the database, then the pack fails naming the campaign and the release', async () => {
    const store = new SqliteStore(openDatabase(path.join(directory, 'crowdaudit.sqlite')));
    const releases = { current: async () => undefined, currentNumber: async () => 7 };
    await expect(buildPackFor(store, releases, signingKey, new WorkerPool({ keepIdleMs: 0, threads: 1 }))(campaign, now)).rejects.toThrow('Building the pack of credit-scores failed: release 7 of credit-scores is not in the database');
    await store.close();
  });
});
