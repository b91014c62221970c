/**
 * A receipt is a promise: the donation survives a crash. The server is killed with SIGKILL
 * (no shutdown code runs) three times while 16 clients are writing; after each restart every
 * acknowledged donation is there and SQLite's integrity check passes.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { creditScoreDonation } from './donation-bodies';
import { missingDonations, sendDonations, type Acknowledged } from './donation-load';
import { spawnServer } from './server-process';

const ROUNDS = 3;
/** Kill once this many donations of the round have been acknowledged: mid-stream, never idle. */
const KILL_AFTER = 150;

describe('crash recovery', () => {
  let directory: string;
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-crash-'));
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when the server is SIGKILLed three times while donations are written, then nothing acknowledged is lost', async () => {
    const databasePath = path.join(directory, 'crash.sqlite');
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const server = await spawnServer(databasePath);
      let killed = false;
      const result = await sendDonations({
        url: server.url,
        clients: 16,
        donations: 10_000,
        body: (index) => creditScoreDonation(round * 10_000 + index),
        // Killed from inside the stream of answers, so up to 15 requests are in flight at that moment.
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

    const server = await spawnServer(databasePath);
    try {
      expect(await missingDonations(server.url, acknowledged)).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const db = new BetterSqlite3(databasePath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 180_000);
});

