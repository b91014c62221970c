#!/usr/bin/env node
/**
 * How long the erasure checkpoint (`wal_checkpoint(TRUNCATE)` after a withdrawal, see
 * src/storage/wal-erasure.ts) holds the event loop, on a file database with many donations.
 * Two cases: the first withdrawal after a burst of donations (the WAL holds up to SQLite's
 * auto-checkpoint of 1,000 pages, the worst case) and a withdrawal right after another (the WAL
 * holds only that deletion's pages, the usual case). Uses the built code (npm run build).
 * Usage: node bench/erasure-checkpoint.js [--donations 5000] [--withdrawals 50] [--dist DIR]
 * Measured 2026-12-02 (2 shared cores, ext4 on a virtual disk, synchronous = FULL):
 *   5,000 donations: first withdrawal with a full 4 MB WAL 7.2 ms (5.3 ms on another run); later
 *   withdrawals median 0.87 ms, p95 1.20 ms, against 0.24 / 0.42 ms for the bare deletion, so the
 *   checkpoint adds about 0.6 ms. 20,000 donations: 7.9 ms, then median 0.89 ms, p95 1.28 ms —
 *   the cost follows the WAL's size (bounded by the auto-checkpoint), not the database's.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

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

  // deleteByReceipt = lookup + delete transaction + checkpoint; the checkpoint alone is the difference.
  const timeWithdrawal = async (receipt) => {
    const started = process.hrtime.bigint();
    await service.deleteByReceipt(receipt);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const walBefore = walBytes();
  const first = await timeWithdrawal(receipts.pop());
  const after = [];
  for (let index = 0; index < withdrawals; index += 1) after.push(await timeWithdrawal(receipts.pop()));
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
    `the same deletions without a checkpoint, ${withdrawals}: median ${ms(percentile(bare, 0.5))}, p95 ${ms(percentile(bare, 0.95))}`,
  ].join('\n') + '\n');
}

const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-erasure-bench-'));
main(directory)
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(directory, { recursive: true, force: true }));
