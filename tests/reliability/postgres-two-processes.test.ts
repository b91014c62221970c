/**
 * Two server processes on one PostgreSQL database, each with a data directory of its own (as on
 * two machines: nothing shared but the database and the configuration): a donation made on one is
 * read, counted in findings and deleted on the other; an idempotent retry lands on either, also
 * when both arrive at once; rate limits are shared; both sign with the key and check the form
 * tokens of the secret the configuration gives them; a findings release is computed once.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../helpers/test-database';
import { creditScoreDonation } from './donation-bodies';
import { spawnServer, type ServerProcess } from './server-process';

describe('two server processes on one PostgreSQL database', () => {
  let directory: string;
  let databaseUrl: string;
  let servers: ServerProcess[] = [];

  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-pg-two-'));
    databaseUrl = await createTestDatabase();
    const environment = {
      DATABASE_URL: databaseUrl,
      RATE_LIMITS: 'on',
      RELEASE_MIN_CHANGES: '10',
      RELEASE_INTERVAL: 'PT0S',
      // From configuration, as a deployment on several machines gives them (CSRF_SECRET: spawnServer's).
      SIGNING_KEY_PATH: path.join(directory, 'shared', 'signing-key.pem'),
    };
    // Started at once: both migrate the fresh database (an advisory lock lets one do it).
    // If one fails to start, the other is still stopped in afterEach (a server left running keeps
    // jest from exiting, and CI then waits for its time limit instead of reporting the failure).
    const started = await Promise.allSettled([0, 1].map((index) => spawnServer(path.join(directory, `machine-${index}`, 'unused.sqlite'), environment)));
    servers = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
  }, 60_000);

  afterEach(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const count = async (sql: string): Promise<number> => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    } finally {
      await client.end();
    }
  };
  const donate = async (server: ServerProcess, index: number, idempotencyKey = randomUUID()) => {
    const response = await fetch(`${server.url}/api/v1/campaigns/credit-scores/donations`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(creditScoreDonation(index)),
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as { receipt: string; donationId: string } };
  };
  const withReceipt = (receipt: string) => ({ Authorization: `Bearer ${receipt}` });

  test('when a donor donates on one, then the other reads and deletes it, and a retry on either is not a second donation', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const key = randomUUID();
    const made = await donate(first, 1, key);
    expect(made.status).toBe(201);
    const retried = await donate(second, 1, key);
    expect(retried).toMatchObject({ status: 201, replayed: 'true', body: { receipt: made.body.receipt, donationId: made.body.donationId } });
    const read = await fetch(`${second.url}/api/v1/donations/me`, { headers: withReceipt(made.body.receipt) });
    expect(((await read.json()) as { donation: { id: string } }).donation.id).toBe(made.body.donationId);
    expect((await fetch(`${second.url}/api/v1/donations/me`, { method: 'DELETE', headers: withReceipt(made.body.receipt) })).status).toBe(204);
    expect((await fetch(`${first.url}/api/v1/donations/me`, { headers: withReceipt(made.body.receipt) })).status).toBe(401);
    expect(await count('SELECT COUNT(*) AS n FROM records')).toBe(0);
  });

  test('when one Idempotency-Key reaches both at the same moment, then there is one donation and both answer with it', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    for (let round = 0; round < 5; round += 1) {
      const key = randomUUID();
      const [a, b] = await Promise.all([donate(first, round, key), donate(second, round, key)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.receipt).toBe(a.body.receipt);
    }
    expect(await count('SELECT COUNT(*) AS n FROM donations')).toBe(5);
  });

  test('when donations arrive on one, then the other counts them in a release that both serve and that was computed once', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    for (let index = 0; index < 12; index += 1) expect((await donate(first, index)).status).toBe(201);
    // Both asked at once: one computes the release, the other publishes it.
    const [fromSecond, fromFirst] = await Promise.all([second, first].map(async (server) => (await (await fetch(`${server.url}/api/v1/campaigns/credit-scores/findings`)).json()) as { release?: { number: number }; donations?: number }));
    const released = fromSecond.release ? fromSecond : fromFirst;
    // Published counts are rounded to 5.
    expect(released).toMatchObject({ release: { number: 1 }, donations: 10 });
    const again = await Promise.all(servers.map(async (server) => (await fetch(`${server.url}/api/v1/campaigns/credit-scores/findings`)).json()));
    expect(again[0]).toEqual(released);
    expect(again[1]).toEqual(released);
    expect(await count('SELECT COUNT(*) AS n FROM findings_releases')).toBe(1);
  });

  test('when a client guesses receipts on both, then they share one allowance; both sign with the configured key and accept each other\u2019s form tokens', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const form = await fetch(`${first.url}/my-donation`);
    const cookie = form.headers.get('set-cookie')!.split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const { receipt } = (await donate(first, 7)).body;
    const post = (csrfToken: string) => fetch(`${second.url}/my-donation`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie }, body: new URLSearchParams({ _csrf: csrfToken, receipt }).toString(), redirect: 'manual' });
    expect((await post(token)).status).toBe(200);
    expect((await post(`${token.slice(0, -2)}xx`)).status).toBe(403);
    const guess = withReceipt('0000-0000-0000-0000-0000-0000-0000');
    for (let attempt = 3; attempt < 20; attempt += 1) {
      expect((await fetch(`${servers[attempt % 2]!.url}/api/v1/donations/me`, { headers: guess })).status).toBe(401);
    }
    expect((await fetch(`${first.url}/api/v1/donations/me`, { headers: guess })).status).toBe(429);
    expect((await fetch(`${second.url}/api/v1/donations/me`, { headers: guess })).status).toBe(429);
    const keys = await Promise.all(servers.map(async (server) => ((await (await fetch(`${server.url}/api/v1/signing-key`)).json()) as { fingerprint: string }).fingerprint));
    expect(keys[1]).toBe(keys[0]);
    // Nothing is written beside DATABASE_PATH: the secrets come from the configuration, the data from PostgreSQL.
    expect(fs.readdirSync(directory)).toEqual(['shared']);
  });
});
