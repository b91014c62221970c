import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '../../src/config';
import { startServer } from '../../src/server';
import type { SqliteStore } from '../../src/storage/sqlite-store';
import { donationBody, type PublicCampaign } from '../helpers/donation-body';

describe('server', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-server-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when started on a new file, then it creates the database, serves /healthz and stops cleanly', async () => {
    const databasePath = path.join(directory, 'data', 'crowdaudit.sqlite');
    const running = await startServer(testConfig({ databasePath }));
    const response = await fetch(`${running.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(fs.statSync(databasePath).mode & 0o777).toBe(0o600);
    await running.stop();
    expect((running.store as SqliteStore).db.open).toBe(false);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  test('when a donation is in flight at shutdown, then it completes and is stored before the database closes', async () => {
    const databasePath = path.join(directory, 'db.sqlite');
    const running = await startServer(testConfig({ databasePath }));
    const campaign = (await (await fetch(`${running.url}/api/v1/campaigns/credit-scores`)).json()) as PublicCampaign;
    const body = JSON.stringify(donationBody(campaign));
    const answer = new Promise<{ status: number }>((resolve, reject) => {
      const req = http.request(`${running.url}/api/v1/campaigns/credit-scores/donations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      // The rest arrives only after shutdown has begun.
      setTimeout(() => req.end(body.slice(10)), 100);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = running.stop();
    expect((await answer).status).toBe(201);
    await stopped;
    expect((running.store as SqliteStore).db.open).toBe(false);
    const reopened = new BetterSqlite3(databasePath, { readonly: true });
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM donations').get()).toEqual({ n: 1 });
    reopened.close();
  });

  test('when a campaign file is broken, then the server refuses to start naming the file and the field', async () => {
    const dictionary = path.join(directory, 'dictionary');
    fs.mkdirSync(dictionary);
    const source = path.resolve(__dirname, '../../data-dictionary/credit-scores.json');
    const campaign = JSON.parse(fs.readFileSync(source, 'utf8'));
    campaign.schema.fields[0].type = 'colour';
    fs.writeFileSync(path.join(dictionary, 'credit-scores.json'), JSON.stringify(campaign));
    await expect(startServer(testConfig({ databasePath: path.join(directory, 'db.sqlite'), dataDictionaryDir: dictionary })))
      .rejects.toThrow(/credit-scores\.json.*schema\.fields\[?\.?0\]?.*type|credit-scores\.json.*fields.*0.*type/);
  });
});
