/**
 * The SQLite store on a file: its connection commits without syncing, and nothing that wrote is
 * answered before the WAL's sync (wal-sync.ts), which runs off the event loop; its checkpoints run
 * in a thread of its own (wal-checkpointer.ts), never on the store's connection.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { DonationService } from '../../../src/donations/donation-service';
import { openDatabase } from '../../../src/storage/open-database';
import { SqliteStore } from '../../../src/storage/sqlite-store';
import { WalCheckpointer } from '../../../src/storage/wal-checkpointer';
import { WalSync } from '../../../src/storage/wal-sync';

const campaign = loadCampaigns().get('credit-scores')!;
const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
const body = (score: number) => ({ consent: { version: campaign.consent.version, purposes: ['research'] }, records: [{ ...example, score_value: score }], locale: 'en' as const });

let directory: string;
let databasePath: string;
let store: SqliteStore;
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-durable-'));
  databasePath = path.join(directory, 'crowdaudit.sqlite');
  store = new SqliteStore(openDatabase(databasePath));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await store.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

/** Holds every WAL sync until `release()`; counts them. */
function holdSyncs() {
  const held: Array<() => void> = [];
  const flush = jest.spyOn(WalSync.prototype, 'flush').mockImplementation(() => new Promise<void>((resolve) => held.push(resolve)));
  return { flush, release: () => held.splice(0).forEach((resolve) => resolve()) };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => { done = true; }, () => { done = true; });
  for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('durable commits', () => {
  test('when a donation is committed, then it is visible to other connections at once but its donor is answered only after the WAL is synced', async () => {
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    const syncs = holdSyncs();
    const donating = new DonationService(store).donate(campaign, body(777.5));
    expect(await settled(donating)).toBe(false);
    const reader = new BetterSqlite3(databasePath, { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) AS n FROM donations').get()).toEqual({ n: 1 });
    reader.close();
    expect(syncs.flush).toHaveBeenCalled();
    syncs.release();
    await expect(donating).resolves.toMatchObject({ receipt: { receipt: expect.any(String) } });
  });

  test('when a repository call writes, then it waits for the sync; when it only reads, then it does not', async () => {
    const syncs = holdSyncs();
    const inserting = store.tokens.insert({ label: 'analyst', role: 'analyst', tokenHash: 'f'.repeat(64), createdAt: '2026-12-03T10:00:00Z' });
    expect(await settled(inserting)).toBe(false);
    syncs.release();
    await inserting;
    syncs.flush.mockClear();
    expect(await store.releases.latest('credit-scores')).toBeUndefined();
    expect(await store.tokens.list()).toHaveLength(1);
    expect(syncs.flush).not.toHaveBeenCalled();
  });

  test('when a transaction commits, then it resolves after the sync', async () => {
    const syncs = holdSyncs();
    const writing = store.transaction((tx) => tx.auditLog.write({ actor: 'test', action: 'test.durable', detail: {} }));
    expect(await settled(writing)).toBe(false);
    syncs.release();
    await writing;
  });
});

describe('checkpoints in a thread of their own', () => {
  test('when donations are committed, then the checkpointer copies them into the database file, though the store\'s connection never checkpoints', async () => {
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await new DonationService(store).donate(campaign, body(864.125));
    const marker = Buffer.from('"score_value":864.125');
    // The thread checkpoints each second; wait for it (not a timing assertion: up to 20 s).
    for (let waited = 0; !fs.readFileSync(databasePath).includes(marker) && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fs.readFileSync(databasePath).includes(marker)).toBe(true);
  }, 30_000);

  test('when a donation is deleted, then the checkpointing thread truncates the WAL, and none of its bytes are left in the files', async () => {
    const donations = new DonationService(store);
    const { receipt } = (await donations.donate(campaign, body(931.0625))).receipt;
    await donations.donate(campaign, body(100.5));
    const truncate = jest.spyOn(WalCheckpointer.prototype, 'truncate');
    expect(await donations.deleteByReceipt(receipt)).toBe(true);
    expect(truncate).toHaveBeenCalledTimes(1);
    await expect(truncate.mock.results[0].value).resolves.toBe(true);
    expect(fs.statSync(`${databasePath}-wal`).size).toBe(0);
    const marker = Buffer.from('"score_value":931.0625');
    expect(['', '-wal', '-shm'].some((suffix) => fs.existsSync(`${databasePath}${suffix}`) && fs.readFileSync(`${databasePath}${suffix}`).includes(marker))).toBe(false);
  });

  test('when writes come one after another without a pause, then the WAL still starts over instead of growing by every write', async () => {
    // A round of the checkpointing thread ends with a sync, and a writer committing every
    // millisecond never left a moment with every frame copied: the WAL grew by each donation
    // (about 13 frames, 50 KB), 258 MB after 5,000. Small settings here: a round every 20 ms,
    // "behind" past 200 frames.
    const file = path.join(directory, 'burst.sqlite');
    const burst = new SqliteStore(openDatabase(file), { everyMs: 20, behindFrames: 200 });
    try {
      const donations = new DonationService(burst);
      let longest = 0;
      for (let index = 0; index < 600; index += 1) {
        await donations.donate(campaign, body(index));
        longest = Math.max(longest, fs.statSync(`${file}-wal`).size);
      }
      // All 600 would be about 30 MB; starting over keeps it to the frames of a few rounds.
      expect(longest).toBeLessThan(10 * 1024 * 1024);
      expect(await burst.tables.count('donations')).toBe(600);
    } finally {
      await burst.close();
    }
  }, 30_000);

  test('when the store closes, then its checkpointer\'s connection is closed first, so the last close checkpoints and removes the WAL', async () => {
    await new DonationService(store).donate(campaign, body(512.25));
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(true);
    await store.close();
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
    expect(fs.readFileSync(databasePath).includes(Buffer.from('"score_value":512.25'))).toBe(true);
  });

  test('when a store that wrote is never closed, then its checkpointing thread does not keep the process alive', () => {
    // A process of its own: the thread is unreferenced only once its listeners are added.
    const dist = path.resolve(__dirname, '../../../dist/src');
    const script = `
      const { openDatabase } = require(${JSON.stringify(`${dist}/storage/open-database`)});
      const { SqliteStore } = require(${JSON.stringify(`${dist}/storage/sqlite-store`)});
      const store = new SqliteStore(openDatabase(${JSON.stringify(path.join(directory, 'left-open.sqlite'))}));
      store.auditLog.write({ actor: 'test', action: 'test.left-open', detail: {} }).then(() => console.log('written'));`;
    // Throws if the process is still running after 20 s.
    expect(execFileSync(process.execPath, ['-e', script], { timeout: 20_000, encoding: 'utf8' })).toBe('written\n');
  }, 30_000);

  test('when a process with nothing else to do withdraws a donation and closes the store, then it waits for the erasure and the close, and the bytes are gone', () => {
    // A process of its own, as a CLI command: an unreferenced checkpointing thread let its event
    // loop run empty while the erasure's checkpoint was awaited, and it exited before "deleted".
    const dist = path.resolve(__dirname, '../../../dist/src');
    const file = path.join(directory, 'withdrawn.sqlite');
    const script = `
      const { loadCampaigns } = require(${JSON.stringify(`${dist}/campaigns/load-campaigns`)});
      const { DonationService } = require(${JSON.stringify(`${dist}/donations/donation-service`)});
      const { openDatabase } = require(${JSON.stringify(`${dist}/storage/open-database`)});
      const { SqliteStore } = require(${JSON.stringify(`${dist}/storage/sqlite-store`)});
      const campaign = loadCampaigns().get('credit-scores');
      const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
      const store = new SqliteStore(openDatabase(${JSON.stringify(file)}));
      const donations = new DonationService(store);
      (async () => {
        const { receipt } = (await donations.donate(campaign, { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [{ ...example, score_value: 777.4375 }], locale: 'en' })).receipt;
        console.log(await donations.deleteByReceipt(receipt) ? 'deleted' : 'not deleted');
        await store.close();
        console.log('closed');
      })();`;
    expect(execFileSync(process.execPath, ['-e', script], { timeout: 20_000, encoding: 'utf8' })).toBe('deleted\nclosed\n');
    const marker = Buffer.from('"score_value":777.4375');
    expect(['', '-wal', '-shm'].filter((suffix) => fs.existsSync(`${file}${suffix}`) && fs.readFileSync(`${file}${suffix}`).includes(marker))).toEqual([]);
  }, 30_000);
});
