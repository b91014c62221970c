#!/usr/bin/env node
/**
 * How long the findings take to compute (analyseCampaign, on the server's thread) for the
 * credit-scores demo: seeds N synthetic donations into a fresh SQLite file, then computes the
 * findings several times and prints the median, with how many comparisons and effects of each
 * kind they hold. Uses the built code (npm run build).
 * Usage: node bench/findings-time.js [--donations 2000] [--runs 5]
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const dist = path.resolve(process.env.BENCH_DIST ?? path.join(__dirname, '../dist/src'));
const { createApp } = require(`${dist}/app`);
const { testConfig } = require(`${dist}/config`);
const { openDatabase } = require(`${dist}/storage/open-database`);
const { SqliteStore } = require(`${dist}/storage/sqlite-store`);
const { seedDemo } = require(`${dist}/demo/seed-demo`);
const { analyseCampaign } = require(`${dist}/evidence/campaign-analyses`);

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

async function main() {
  const donations = argument('donations', 2_000);
  const runs = argument('runs', 5);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'findings-time-'));
  const databasePath = path.join(folder, 'bench.sqlite');
  const store = new SqliteStore(openDatabase(databasePath));
  const app = createApp({ store, config: testConfig({ databasePath }) });
  const { dependencies } = app.locals;
  const campaign = dependencies.campaigns.get('credit-scores');
  await seedDemo(campaign, dependencies.donations, { count: donations, seed: 1, now: new Date('2026-11-01T00:00:00Z') });
  const times = [];
  let last;
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    last = await analyseCampaign(store, campaign);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const count = (items) => items.reduce((counts, item) => ({ ...counts, [item.kind]: (counts[item.kind] ?? 0) + 1 }), {});
  times.sort((first, second) => first - second);
  console.log(JSON.stringify({
    donations,
    records: last.records,
    runs,
    medianMs: Math.round(times[Math.floor(runs / 2)]),
    timesMs: times.map(Math.round),
    comparisons: count(last.comparisons),
    effects: count(last.effects),
    notAnalysed: last.notAnalysed,
  }, null, 2));
  await store.close?.();
  fs.rmSync(folder, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
