/**
 * The clients of bench/release-latency.js, in processes of their own so that the server's event
 * loop holds only the server (as it would behind real clients). Role 'probe' asks `/healthz`
 * every 10 ms, at a raised priority where allowed (nice -10, as root): on a 2-core machine the
 * donating clients and the server's worker would otherwise delay the probe's own process, and
 * its worst latency would measure that. Role 'donate' posts donations from N clients. Each runs
 * until the parent sends 'stop', then sends back what it measured. Role 'views' asks, once each,
 * for what a new release is first read for: the findings API and the findings page in en, de and
 * fr; then it exits.
 * Started by the bench with fork(): argv = role, base URL, donation body (JSON), number of clients.
 */
'use strict';
const os = require('node:os');

const [role, base, body, clientsText] = process.argv.slice(2);
const PROBE_EVERY_MS = 10;

let done = false;
let started = Date.now();
const latencies = [];
/** When each probe was sent, in ms since the clients started (to place the worst one in the job). */
const sentAt = [];
let failed = 0;
let accepted = 0;

// A server that stalls long enough drops kept-alive connections: that counts as a failure.
async function attempt(request) {
  try {
    const response = await request();
    await response.arrayBuffer();
    return response.status;
  } catch {
    failed += 1;
    return 0;
  }
}

async function probe() {
  while (!done) {
    const sent = process.hrtime.bigint();
    await attempt(() => fetch(`${base}/healthz`));
    latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
    sentAt.push(Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
}

async function donate() {
  while (!done) {
    const status = await attempt(() => fetch(`${base}/api/v1/campaigns/credit-scores/donations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }));
    if (status === 201) accepted += 1;
  }
}

function raisePriority() {
  try {
    os.setPriority(-10);
    return 'nice -10';
  } catch {
    return 'nice 0 (raising it needs root)';
  }
}

async function views() {
  await attempt(() => fetch(`${base}/api/v1/campaigns/credit-scores/findings`));
  for (const lang of ['en', 'de', 'fr']) await attempt(() => fetch(`${base}/campaigns/credit-scores?lang=${lang}`));
  process.exit(failed === 0 ? 0 : 1);
}

async function main() {
  if (role === 'views') return views();
  const priority = role === 'probe' ? raisePriority() : undefined;
  // fetch loads its HTTP client on first use (tens of ms): not the server's latency.
  await attempt(() => fetch(`${base}/healthz`));
  started = Date.now();
  const running = role === 'probe' ? [probe()] : Array.from({ length: Number(clientsText) }, donate);
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    done = true;
    await Promise.all(running);
    const seconds = (Date.now() - started) / 1000;
    process.send({ latencies, sentAt, perSecond: accepted / seconds, seconds, failed, priority }, () => process.exit(0));
  });
  process.send('started');
}

void main();
