/**
 * SIGTERM under load: the server stops taking new connections, finishes the requests in flight,
 * closes the database and exits 0. Every donation it acknowledged is there after a restart.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creditScoreDonation } from './donation-bodies';
import { missingDonations, sendDonations } from './donation-load';
import { spawnServer } from './server-process';

const TERMINATE_AFTER = 200;

describe('graceful shutdown', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-shutdown-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when SIGTERM arrives while 16 clients donate, then requests in flight finish, new ones are refused and the database closes cleanly', async () => {
    const databasePath = path.join(directory, 'shutdown.sqlite');
    const server = await spawnServer(databasePath);
    let exited = false;
    void server.exited.then(() => {
      exited = true;
    });
    const result = await sendDonations({
      url: server.url,
      clients: 16,
      donations: 10_000,
      body: creditScoreDonation,
      onAcknowledged: (count) => {
        if (count === TERMINATE_AFTER) server.child.kill('SIGTERM');
      },
      shouldStop: () => exited,
    });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(result.failures).toEqual([]);
    expect(result.acknowledged.length).toBeGreaterThanOrEqual(TERMINATE_AFTER);
    expect(server.output()).not.toMatch(/"level":(50|60)/);

    // Closed cleanly: the WAL was checkpointed into the main file when the last connection closed.
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
    const db = new BetterSqlite3(databasePath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT COUNT(*) AS n FROM donations').get() as { n: number }).n).toBe(result.acknowledged.length);
    db.close();

    const restarted = await spawnServer(databasePath);
    try {
      expect(await missingDonations(restarted.url, result.acknowledged)).toEqual([]);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  }, 120_000);
});
