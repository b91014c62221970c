#!/usr/bin/env node
/**
 * Donation ingest against the same server's /healthz, in one run (DESIGN.md "Performance":
 * POST …/donations sustains at least 40% of GET /healthz, with no error and no lost donation).
 * Starts the built server (npm run build) on a fresh database file with RATE_LIMITS=off, loads it
 * with autocannon on loopback, then counts the stored donations against the 201s received.
 * Usage: node bench/ingest.js [--seconds 10] [--connections 32]
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const BetterSqlite3 = require('better-sqlite3');

const { argument } = require('./lib/arguments');
const seconds = argument('seconds', 10);
const connections = argument('connections', 32);
const root = path.resolve(__dirname, '..');

function startServer(databasePath) {
  const child = spawn(process.execPath, [path.join(root, 'dist/src/server.js')], {
    env: { PATH: process.env.PATH, DATABASE_PATH: databasePath, HOST: '127.0.0.1', PORT: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function run(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections, duration: seconds, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function main() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-ingest-'));
  const databasePath = path.join(directory, 'ingest.sqlite');
  const { child, url } = await startServer(databasePath);
  try {
    const campaign = await (await fetch(`${url}/api/v1/campaigns/credit-scores`)).json();
    const record = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
    let counter = 0;
    const health = await run({ url: `${url}/healthz` });
    const ingest = await run({
      url: `${url}/api/v1/campaigns/credit-scores/donations`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [{
        setupRequest: (request) => {
          counter += 1;
          const body = { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [{ ...record, score_value: 1 + (counter % 9999) }], locale: 'en' };
          return { ...request, body: JSON.stringify(body) };
        },
      }],
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const db = new BetterSqlite3(databasePath, { readonly: true });
    const stored = db.prepare('SELECT COUNT(*) AS n FROM donations').get().n;
    db.close();
    const created = ingest['2xx'];
    // autocannon stops counting at the deadline; up to one request per connection is still in flight then and is
    // stored without being counted, so stored may exceed created by at most `connections` — never fall short.
    const nothingLost = stored >= created && stored - created <= connections;
    const ratio = ingest.requests.average / health.requests.average;
    console.log(`GET /healthz           ${health.requests.average.toFixed(0)} req/s, p99 ${health.latency.p99} ms`);
    console.log(`POST …/donations       ${ingest.requests.average.toFixed(0)} req/s, p50 ${ingest.latency.p50} ms, p99 ${ingest.latency.p99} ms`);
    console.log(`errors ${ingest.errors}, non-2xx ${ingest.non2xx}, timeouts ${ingest.timeouts}; 201s ${created}, stored ${stored}${nothingLost ? '' : ' — MISMATCH'}`);
    console.log(`ratio ingest/healthz = ${ratio.toFixed(3)} (goal ≥ 0.40): ${ratio >= 0.4 && ingest.non2xx === 0 && ingest.errors === 0 && nothingLost ? 'met' : 'NOT met'}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
