#!/usr/bin/env node
/**
 * Donation ingest on PostgreSQL, by one and by two server processes on one database, against
 * one process's GET /healthz measured in the same run. Each measurement gets a fresh database on
 * the cluster given (it must allow CREATE DATABASE). Starts the built server (npm run build) with
 * RATE_LIMITS=off and loads it with autocannon on loopback; then counts the stored donations
 * against the 201s received.
 * Usage: node bench/ingest-postgres.js --url postgres://user@host:port/postgres [--seconds 10] [--connections 32]
 */
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');

const { argument } = require('./lib/arguments');
const clusterUrl = argument('url', process.env.TEST_DATABASE_URL);
const seconds = argument('seconds', 10);
const connections = argument('connections', 32);
const root = path.resolve(__dirname, '..');

async function query(url, sql) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function freshDatabase() {
  const name = `crowdaudit_bench_${randomBytes(5).toString('hex')}`;
  await query(clusterUrl, `CREATE DATABASE ${name}`);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function startServer(databaseUrl) {
  const child = spawn(process.execPath, [path.join(root, 'dist/src/server.js')], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', RATE_LIMITS: 'off', LOG_LEVEL: 'silent', CSRF_SECRET: 'bench-secret-bench-secret-bench-secret-0123' },
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
    autocannon({ duration: seconds, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function donationLoad(url, campaign, record, share) {
  let counter = 0;
  return run({
    url: `${url}/api/v1/campaigns/credit-scores/donations`,
    connections: share,
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
}

async function measure(processes) {
  const databaseUrl = await freshDatabase();
  const servers = [];
  for (let index = 0; index < processes; index += 1) servers.push(await startServer(databaseUrl));
  try {
    const campaign = await (await fetch(`${servers[0].url}/api/v1/campaigns/credit-scores`)).json();
    const record = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
    const health = processes === 1 ? await run({ url: `${servers[0].url}/healthz`, connections }) : undefined;
    const results = await Promise.all(servers.map((server) => donationLoad(server.url, campaign, record, Math.ceil(connections / processes))));
    const rate = results.reduce((sum, result) => sum + result.requests.average, 0);
    const created = results.reduce((sum, result) => sum + result['2xx'], 0);
    const failures = results.reduce((sum, result) => sum + result.errors + result.non2xx + result.timeouts, 0);
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((server) => new Promise((resolve) => server.child.once('exit', resolve))));
    const stored = Number((await query(databaseUrl, 'SELECT COUNT(*) AS n FROM donations'))[0].n);
    return { health, rate, created, stored, failures, p99: Math.max(...results.map((result) => result.latency.p99)) };
  } finally {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  }
}

async function main() {
  if (!clusterUrl) throw new Error('Give --url postgres://… (a cluster where this user may CREATE DATABASE), or set TEST_DATABASE_URL.');
  const one = await measure(1);
  const two = await measure(2);
  const healthRate = one.health.requests.average;
  console.log(`GET /healthz (1 process)          ${healthRate.toFixed(0)} req/s`);
  for (const [label, result] of [['1 process ', one], ['2 processes', two]]) {
    const nothingLost = result.stored >= result.created && result.stored - result.created <= connections;
    console.log(`POST …/donations, ${label}     ${result.rate.toFixed(0)} donations/s, p99 ${result.p99} ms, ratio to /healthz ${(result.rate / healthRate).toFixed(3)}; failures ${result.failures}; 201s ${result.created}, stored ${result.stored}${nothingLost ? '' : ' — MISMATCH'}`);
  }
  console.log(`two processes / one process = ${(two.rate / one.rate).toFixed(2)} (${os.cpus().length} cores: the processes and PostgreSQL share them)`);
}
const os = require('node:os');

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
