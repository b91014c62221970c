/**
 * Two server processes on one database, as behind a load balancer: a donation made on one is
 * read, counted and deleted on the other; an idempotent retry lands on either; rate limits,
 * form tokens and the signing key are the same on both; a findings release is computed once.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { creditScoreDonation } from './donation-bodies';
import { spawnServer, type ServerProcess } from './server-process';

const json = (body: unknown) => ({ 'Content-Type': 'application/json', body: JSON.stringify(body) });

describe('two server processes on one database', () => {
  let directory: string;
  let servers: ServerProcess[] = [];

  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-two-'));
    const databasePath = path.join(directory, 'crowdaudit.sqlite');
    const environment = { RATE_LIMITS: 'on', RELEASE_MIN_CHANGES: '10', RELEASE_INTERVAL: 'PT0S' };
    // One after the other: the first creates and migrates the database, the second finds it ready.
    servers = [await spawnServer(databasePath, environment)];
    servers.push(await spawnServer(databasePath, environment));
  });

  afterEach(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const donate = async (server: ServerProcess, index: number, idempotencyKey = randomUUID()) => {
    const { body, ...headers } = json(creditScoreDonation(index));
    const response = await fetch(`${server.url}/api/v1/campaigns/credit-scores/donations`, { method: 'POST', headers: { ...headers, 'Idempotency-Key': idempotencyKey }, body });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as { receipt: string; donationId: string } };
  };
  const withReceipt = (receipt: string) => ({ Authorization: `Bearer ${receipt}` });

  test('when a donor donates on one and comes back on the other, then the donation is there, a retry is not a second donation, and deleting it works', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const key = randomUUID();
    const made = await donate(first, 1, key);
    expect(made.status).toBe(201);
    const retried = await donate(second, 1, key);
    expect(retried).toMatchObject({ status: 201, replayed: 'true', body: { receipt: made.body.receipt, donationId: made.body.donationId } });
    const read = await fetch(`${second.url}/api/v1/donations/me`, { headers: withReceipt(made.body.receipt) });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { donation: { id: string } }).donation.id).toBe(made.body.donationId);
    expect((await fetch(`${second.url}/api/v1/donations/me`, { method: 'DELETE', headers: withReceipt(made.body.receipt) })).status).toBe(204);
    expect((await fetch(`${first.url}/api/v1/donations/me`, { headers: withReceipt(made.body.receipt) })).status).toBe(401);
  });

  test('when donations arrive on one, then the other publishes them in a release that both serve and that was computed once', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    for (let index = 0; index < 12; index += 1) expect((await donate(first, index)).status).toBe(201);
    const fromSecond = (await (await fetch(`${second.url}/api/v1/campaigns/credit-scores/findings`)).json()) as { release: { number: number }; donations: number };
    const fromFirst = (await (await fetch(`${first.url}/api/v1/campaigns/credit-scores/findings`)).json()) as { release: { number: number }; donations: number };
    expect(fromSecond).toMatchObject({ release: { number: 1 }, donations: 10 });
    expect(fromFirst).toEqual(fromSecond);
    const db = new BetterSqlite3(path.join(directory, 'crowdaudit.sqlite'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM findings_releases').get()).toEqual({ n: 1 });
    db.close();
  });

  test('when a client guesses receipts on both, then they share one allowance; both sign with one key and accept each other\u2019s form tokens', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    // Before guessing, which also spends the pages' allowance: a form served by the first and sent to the second: the token and its cookie hold there too.
    const form = await fetch(`${first.url}/my-donation`);
    const cookie = form.headers.get('set-cookie')!.split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const { receipt } = (await donate(first, 7)).body;
    const post = (csrfToken: string) => fetch(`${second.url}/my-donation`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie }, body: new URLSearchParams({ _csrf: csrfToken, receipt }).toString(), redirect: 'manual' });
    expect((await post(token)).status).toBe(200);
    expect((await post(`${token.slice(0, -2)}xx`)).status).toBe(403);

    const guess = withReceipt('0000-0000-0000-0000-0000-0000-0000');
    // The allowance is 20 a minute; the form above spent 3 of it (one page, two posts).
    for (let attempt = 3; attempt < 20; attempt += 1) {
      expect((await fetch(`${servers[attempt % 2]!.url}/api/v1/donations/me`, { headers: guess })).status).toBe(401);
    }
    expect((await fetch(`${first.url}/api/v1/donations/me`, { headers: guess })).status).toBe(429);
    expect((await fetch(`${second.url}/api/v1/donations/me`, { headers: guess })).status).toBe(429);

    const keys = await Promise.all(servers.map(async (server) => ((await (await fetch(`${server.url}/api/v1/signing-key`)).json()) as { fingerprint: string }).fingerprint));
    expect(keys[1]).toBe(keys[0]);

  });
});
