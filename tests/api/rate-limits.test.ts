import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import type { AppDependencies } from '../../src/http/dependencies';
import { DatabaseRateLimitStore } from '../../src/http/middleware/database-rate-limit-store';
import { openDatabase } from '../../src/storage/open-database';
import { RateLimitRepository } from '../../src/storage/rate-limit-repository';
import { SqliteStore } from '../../src/storage/sqlite-store';

describe('rate limits', () => {
  const noCampaigns = { get: () => undefined, list: () => [] };
  const guess = 'Bearer 0000-0000-0000-0000-0000-0000-0000';

  test('when receipts are guessed with limits on, then the 21st try gets 429 with Retry-After in the error shape', async () => {
    const app = createApp({ store: new SqliteStore(openDatabase(':memory:')), config: testConfig({ rateLimits: true }), campaigns: noCampaigns });
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await request(app).get('/api/v1/donations/me').set('Authorization', guess).expect(401);
    }
    const limited = await request(app).delete('/api/v1/donations/me').set('Authorization', guess).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('rate_limited');
    await request(app).get('/healthz').expect(200);
  });

  test('when limits are off, then guessing is only refused as unknown', async () => {
    const app = createApp({ store: new SqliteStore(openDatabase(':memory:')), config: testConfig({ rateLimits: false }), campaigns: noCampaigns });
    for (let attempt = 0; attempt < 25; attempt += 1) {
      await request(app).get('/api/v1/donations/me').set('Authorization', guess).expect(401);
    }
  });
});

describe('rate limits shared by every process on one database', () => {
  const guess = 'Bearer 0000-0000-0000-0000-0000-0000-0000';
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-limits-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when a client spreads its guesses over two servers on one database, then both count them together, and its address is stored nowhere', async () => {
    const databasePath = path.join(directory, 'crowdaudit.sqlite');
    // Two apps, two connections to one file: as two processes behind a load balancer.
    const servers = [0, 1].map(() => {
      const db = openDatabase(databasePath);
      const app = createApp({ store: new SqliteStore(db), config: testConfig({ rateLimits: true, databasePath }) });
      return { db, app, dependencies: app.locals.dependencies as AppDependencies };
    });
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await request(servers[attempt % 2]!.app).get('/api/v1/donations/me').set('Authorization', guess).expect(401);
    }
    await request(servers[0]!.app).get('/api/v1/donations/me').set('Authorization', guess).expect(429);
    await request(servers[1]!.app).get('/api/v1/donations/me').set('Authorization', guess).expect(429);
    const rows = servers[0]!.db.prepare('SELECT limiter, client_key AS clientKey, hits FROM rate_limit_hits').all() as Array<{ limiter: string; clientKey: string; hits: number }>;
    expect(rows).toEqual([{ limiter: 'receipts', clientKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), hits: 22 }]);
    for (const server of servers) await server.dependencies.store.close();
    // supertest connects from 127.0.0.1 (IPv4 or mapped into IPv6).
    for (const file of fs.readdirSync(directory)) {
      const bytes = fs.readFileSync(path.join(directory, file));
      expect(bytes.includes(Buffer.from('127.0.0.1'))).toBe(false);
    }
  });

  test('when a window has passed, then the count starts again and the expired row is swept', async () => {
    const db = openDatabase(':memory:');
    let now = 1_000_000;
    const store = new DatabaseRateLimitStore(new SqliteStore(db).rateLimits, 'receipts', Buffer.alloc(32, 7), () => now);
    store.init({ windowMs: 60_000 } as never);
    expect(await store.increment('203.0.113.9')).toEqual({ totalHits: 1, resetTime: new Date(1_060_000) });
    expect((await store.increment('203.0.113.9')).totalHits).toBe(2);
    await store.decrement('203.0.113.9');
    expect((await store.increment('203.0.113.9')).totalHits).toBe(2);
    now += 61_000;
    expect((await store.increment('198.51.100.1')).totalHits).toBe(1);
    expect(await store.increment('203.0.113.9')).toEqual({ totalHits: 1, resetTime: new Date(now + 60_000) });
    await store.resetKey('203.0.113.9');
    expect(db.prepare('SELECT COUNT(*) AS n FROM rate_limit_hits').get()).toEqual({ n: 1 });
  });
});
