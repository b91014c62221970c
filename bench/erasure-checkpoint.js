#!/usr/bin/env node
/**
 * What the erasure checkpoint (`wal_checkpoint(TRUNCATE)` after a withdrawal, see
 * src/storage/wal-erasure.ts) costs, on a file database with many donations. It runs in the
 * store's checkpointing thread (src/storage/wal-checkpointer.ts): the donor's withdrawal waits for
 * it, other requests do not. So two things are measured: the withdrawal's latency (the deletion,
 * its sync to disk and the checkpoint) against the same deletions without a checkpoint, and the
 * event loop's longest block meanwhile. Two cases: the first withdrawal after a burst of donations
 * (the WAL holds up to a second of writes) and withdrawals one after another (the WAL holds only
 * the last deletion's pages). Uses the built code (npm run build).
 * Usage: node bench/erasure-checkpoint.js [--donations 5000] [--withdrawals 50] [--dist DIR]
 * Measured 2026-12-03 (2 shared cores): 5,000 donations (a WAL file of 102 MB after them): the
 * first withdrawal 70 ms, later ones median 1.96 ms, p95 3.16 ms, against 0.12 / 0.28 ms for the
 * bare deletion without its sync; the event loop blocked at most 2.8 ms. 20,000 donations (WAL
 * file 120 MB): 95 ms, then median 2.38 ms, p95 4.97 ms; event loop at most 3.1 ms.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const { argument } = require('./lib/arguments');
const dist = path.resolve(argument('dist', path.resolve(__dirname, '../dist/src')));
const { loadCampaigns } = require(`${dist}/campaigns/load-campaigns`);
const { DonationService } = require(`${dist}/donations/donation-service`);
const { openDatabase } = require(`${dist}/storage/open-database`);
const { SqliteStore } = require(`${dist}/storage/sqlite-store`);

const donations = argument('donations', 5000);
const withdrawals = argument('withdrawals', 50);

function percentile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

async function main(directory) {
  const db = openDatabase(path.join(directory, 'crowdaudit.sqlite'));
  const campaign = loadCampaigns(path.resolve(__dirname, '../data-dictionary')).get('credit-scores');
  const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  const store = new SqliteStore(db);
  const service = new DonationService(store);
  const body = (score) => ({ consent: { version: campaign.consent.version, purposes: ['research'] }, records: [{ ...example, score_value: score }], locale: 'en' });
  const receipts = [];
  for (let index = 0; index < donations; index += 1) receipts.push((await service.donate(campaign, body(index % 1000))).receipt.receipt);
  const walBytes = () => { try { return fs.statSync(path.join(directory, 'crowdaudit.sqlite-wal')).size; } catch { return 0; } };

  // deleteByReceipt = lookup + delete transaction + sync + checkpoint; the checkpoint is about the difference.
  const timeWithdrawal = async (receipt) => {
    const started = process.hrtime.bigint();
    await service.deleteByReceipt(receipt);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const walBefore = walBytes();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const first = await timeWithdrawal(receipts.pop());
  const after = [];
  for (let index = 0; index < withdrawals; index += 1) after.push(await timeWithdrawal(receipts.pop()));
  loop.disable();
  // The same deletions without the checkpoint, for the difference.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const bare = [];
  const deleteOnly = db.prepare('DELETE FROM donations WHERE id = (SELECT id FROM donations ORDER BY rowid DESC LIMIT 1)');
  for (let index = 0; index < withdrawals; index += 1) {
    const started = process.hrtime.bigint();
    db.transaction(() => deleteOnly.run())();
    bare.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const pages = db.pragma('page_count', { simple: true });
  await store.close();
  const ms = (value) => `${value.toFixed(2)} ms`;
  process.stdout.write([
    `database: ${donations} donations, ${pages} pages of 4 KiB; WAL before the first withdrawal: ${(walBefore / 1024).toFixed(0)} KiB`,
    `first withdrawal after the donations (delete + checkpoint of the whole WAL): ${ms(first)}`,
    `later withdrawals (delete + checkpoint), ${withdrawals}: median ${ms(percentile(after, 0.5))}, p95 ${ms(percentile(after, 0.95))}, max ${ms(Math.max(...after))}`,
    `the same deletions without a checkpoint (nor a sync), ${withdrawals}: median ${ms(percentile(bare, 0.5))}, p95 ${ms(percentile(bare, 0.95))}`,
    `the event loop's longest block during the withdrawals: ${ms(loop.max / 1e6)}`,
  ].join('\n') + '\n');
}

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-erasure-bench-'));
main(directory)
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(directory, { recursive: true, force: true }));
