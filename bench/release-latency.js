#!/usr/bin/env node
/**
 * Do findings releases and collective packs keep off the request path? While a release of a
 * campaign with many donations is computed, /healthz is probed every 10 ms and donations are
 * posted 4 at a time; the same is done while the server is idle, as the reference of the same
 * run. The clients run in processes of their own, so the server's event loop holds only the
 * server, and the probe's at a raised priority where allowed (see bench/lib/probe-load.js).
 * Measured for a release in a worker thread (as the server does), the first views of the new
 * release (the findings API and page, once each), a collective pack built in a worker thread (as
 * served), 20 personal PDFs rendered one after the other (as served: in a render thread) and, for
 * comparison, a release in the server's own thread. Uses the built code (npm run build) and a
 * database file in a temporary folder.
 * Usage: node bench/release-latency.js [--donations 100000] [--jobs release,views,pack,pdfs,reference]
 * Goal (issue 16): worst /healthz latency under 50 ms during a recomputation.
 */
'use strict';
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const dist = path.resolve(__dirname, '../dist/src');
const { createApp } = require(`${dist}/app`);
const { testConfig } = require(`${dist}/config`);
const { openDatabase } = require(`${dist}/storage/open-database`);
const { SqliteStore } = require(`${dist}/storage/sqlite-store`);
const { seedDemo } = require(`${dist}/demo/seed-demo`);
const { LOCALES } = require(`${dist}/campaigns/types`);
const { loadIntlData } = require(`${dist}/i18n/intl-formats`);
const { FindingsReleases } = require(`${dist}/evidence/releases/findings-releases`);
const { prepareInThisThread } = require(`${dist}/evidence/releases/prepare-release`);

const { argument } = require('./lib/arguments');
const donations = argument('donations', 100_000);
const jobs = argument('jobs', 'release,views,pack,pdfs,reference').split(',');
const DONATING_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);

const percentile = (values, share) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(share * values.length) - 1)];

/**
 * Probes /healthz and posts donations from processes of their own (bench/lib/probe-load.js) until
 * the promise `begin()` returns settles (begun once the clients run); returns the probe's
 * latencies and the donations accepted per second, with the longest block of this (the server's)
 * event loop.
 */
async function load(base, body, begin) {
  const clients = ['probe', 'donate'].map((role) => fork(path.join(__dirname, 'lib/probe-load.js'), [role, base, body, String(DONATING_CLIENTS)]));
  await Promise.all(clients.map((client) => new Promise((resolve) => client.once('message', resolve))));
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  await begin();
  // A block that ends the job is recorded at the monitor's next tick.
  await new Promise((resolve) => setTimeout(resolve, 20));
  loopDelay.disable();
  const [probed, donated] = await Promise.all(clients.map((client) => {
    const measured = new Promise((resolve) => client.once('message', resolve));
    client.send('stop');
    return measured;
  }));
  return { latencies: probed.latencies, sentAt: probed.sentAt, probePriority: probed.priority, perSecond: donated.perSecond, seconds: donated.seconds, failed: probed.failed + donated.failed, loopMaxMs: loopDelay.max / 1e6 };
}

async function main() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-release-bench-'));
  const databasePath = path.join(directory, 'crowdaudit.sqlite');
  const store = new SqliteStore(openDatabase(databasePath));
  // One release a day for the server: the measured one is its first, and no other is cut in the
  // background while the pack, the PDFs and the reference are measured.
  const app = createApp({ store, config: testConfig({ databasePath, releaseMinChanges: 10, releaseInterval: 'P1D' }) });
  const dependencies = app.locals.dependencies;
  // As startServer does before it listens.
  loadIntlData(LOCALES);
  const campaign = dependencies.campaigns.get('credit-scores');
  let started = Date.now();
  await seedDemo(campaign, dependencies.donations, { count: donations, seed: 1 });
  console.log(`cores: ${os.cpus().length}; seeded ${donations} donations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const record = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  const body = JSON.stringify({ consent: { version: campaign.consent.version, purposes: ['research'] }, records: [record], locale: 'en' });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  // Warm up connections and code paths, so that the first measured request is not the first one.
  const warmUp = await load(base, body, () => new Promise((resolve) => setTimeout(resolve, 1000)));
  console.log(`the /healthz probe runs at ${warmUp.probePriority}`);
  const rule = () => ({ minChanges: 10, interval: 'PT0S', intervalMs: 0 });
  const inThisThread = new FindingsReleases(store, rule, { prepare: prepareInThisThread() });
  const { receipt } = (await dependencies.donations.donate(campaign, JSON.parse(body))).receipt;
  const donor = await dependencies.donations.findByReceipt(receipt);
  const pdfs = async () => {
    for (let index = 0; index < 20; index += 1) {
      const pack = await dependencies.personalPacks.build(donor, { locale: 'en' });
      await dependencies.personalPacks.renderPdf(pack, 'en');
    }
  };
  // From a process of its own, as clients would: reading megabytes of answers is not the server's work.
  const firstViews = () => new Promise((resolve, reject) => fork(path.join(__dirname, 'lib/probe-load.js'), ['views', base, body, '0'])
    .once('exit', (code) => (code === 0 ? resolve() : reject(new Error('a first view of the release failed')))));
  const runs = [
    ['release', 'release in a worker thread (as served)', () => dependencies.findings.cutIfDue(campaign)],
    ['views', 'first views of the release: findings API, page in en, de, fr (made in render threads)', firstViews],
    ['pack', 'collective pack in a worker thread (as served)', () => dependencies.collectivePacks.build(campaign, 'bench')],
    ['pdfs', '20 personal PDFs in a render thread (as served)', pdfs],
    ['reference', 'release in the server thread (reference)', () => inThisThread.cutIfDue(campaign)],
  ].filter(([name]) => jobs.includes(name));
  const results = [];
  for (const [, label, job] of runs) {
    console.log(`${label}: starts at ${process.hrtime.bigint() / 1000n} µs`);
    started = Date.now();
    const during = await load(base, body, job);
    const computeSeconds = (Date.now() - started) / 1000;
    const idle = await load(base, body, () => new Promise((resolve) => setTimeout(resolve, during.seconds * 1000)));
    results.push({ label, computeSeconds, during, idle });
  }
  for (const { label, computeSeconds, during, idle } of results) {
    const worst = Math.max(...during.latencies);
    const worstAt = during.sentAt[during.latencies.indexOf(worst)] / 1000;
    console.log(`${label}: done in ${computeSeconds.toFixed(1)} s; /healthz during it: worst ${worst.toFixed(1)} ms (${worstAt.toFixed(1)} s in), p99 ${percentile(during.latencies, 0.99).toFixed(1)} ms (idle worst ${Math.max(...idle.latencies).toFixed(1)} ms; goal worst < 50 ms: ${worst < 50 ? 'met' : 'NOT met'}); event loop blocked at most ${during.loopMaxMs.toFixed(1)} ms (idle ${idle.loopMaxMs.toFixed(1)} ms); donations accepted ${during.perSecond.toFixed(0)}/s against ${idle.perSecond.toFixed(0)}/s idle (ratio ${(during.perSecond / idle.perSecond).toFixed(2)}); failed requests ${during.failed} (idle ${idle.failed})`);
  }
  server.close();
  await store.close();
  fs.rmSync(directory, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
