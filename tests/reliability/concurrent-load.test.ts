/**
 * Many donors at once: 3,000 donations from 32 concurrent clients against the real server on
 * loopback. Every acknowledged donation must be readable with its receipt, and nothing may
 * answer 5xx. Then SIGTERM: the server finishes, exits 0 and leaves an intact database.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creditScoreDonation } from './donation-bodies';
import { missingDonations, sendDonations } from './donation-load';
import { spawnServer } from './server-process';

describe('concurrent donations', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-load-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when 32 clients send 3,000 donations, then every one is acknowledged, readable, and the database is intact', async () => {
    const databasePath = path.join(directory, 'load.sqlite');
    const server = await spawnServer(databasePath);
    try {
      const load = await sendDonations({ url: server.url, clients: 32, donations: 3_000, body: creditScoreDonation });
      expect(load.failures).toEqual([]);
      expect(load.unanswered).toBe(0);
      expect(load.acknowledged).toHaveLength(3_000);
      expect(new Set(load.acknowledged.map((answer) => answer.receipt)).size).toBe(3_000);
      expect(await missingDonations(server.url, load.acknowledged)).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const db = new BetterSqlite3(databasePath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT COUNT(*) AS n FROM donations').get()).toEqual({ n: 3_000 });
    db.close();
  }, 120_000);
});
