/**
 * Durability on PostgreSQL, as for SQLite (concurrent-load, crash-recovery): 3,000 donations from
 * 32 clients are all acknowledged and readable; then the server is SIGKILLed three times while 16
 * clients write, and after each restart every acknowledged donation is there. (The server process
 * is killed, not PostgreSQL: a commit PostgreSQL acknowledged is its own promise, kept by its WAL
 * with the default synchronous_commit = on. The test cluster runs with fsync off, for speed.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '../helpers/test-database';
import { creditScoreDonation } from './donation-bodies';
import { missingDonations, sendDonations, type Acknowledged } from './donation-load';
import { spawnServer } from './server-process';

const ROUNDS = 3;
const KILL_AFTER = 150;

describe('durability on PostgreSQL', () => {
  let directory: string;
  let databaseUrl: string;
  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-pg-durable-'));
    databaseUrl = await createTestDatabase();
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));
  const start = () => spawnServer(path.join(directory, 'unused.sqlite'), { DATABASE_URL: databaseUrl });
  const donationsStored = async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM donations')).rows[0]!.n);
    } finally {
      await client.end();
    }
  };

  test('when 32 clients send 3,000 donations, then every one is acknowledged and readable, and the server stops cleanly', async () => {
    const server = await start();
    try {
      const load = await sendDonations({ url: server.url, clients: 32, donations: 3_000, body: creditScoreDonation });
      expect(load.failures).toEqual([]);
      expect(load.unanswered).toBe(0);
      expect(new Set(load.acknowledged.map((answer) => answer.receipt)).size).toBe(3_000);
      expect(await missingDonations(server.url, load.acknowledged)).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await donationsStored()).toBe(3_000);
  }, 180_000);

  test('when the server is SIGKILLed three times while donations are written, then nothing acknowledged is lost', async () => {
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const server = await start();
      let killed = false;
      const result = await sendDonations({
        url: server.url,
        clients: 16,
        donations: 10_000,
        body: (index) => creditScoreDonation(round * 10_000 + index),
        onAcknowledged: (count) => {
          if (count === KILL_AFTER) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        },
        shouldStop: () => killed,
      });
      expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(result.failures).toEqual([]);
      acknowledged.push(...result.acknowledged);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS * KILL_AFTER);
    const server = await start();
    try {
      expect(await missingDonations(server.url, acknowledged)).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 240_000);
});
