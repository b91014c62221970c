import request from 'supertest';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/storage/open-database';

describe('rate limits', () => {
  const noCampaigns = { get: () => undefined, list: () => [] };
  const guess = 'Bearer 0000-0000-0000-0000-0000-0000-0000';

  test('when receipts are guessed with limits on, then the 21st try gets 429 with Retry-After in the error shape', async () => {
    const app = createApp({ db: openDatabase(':memory:'), config: testConfig({ rateLimits: true }), campaigns: noCampaigns });
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await request(app).get('/api/v1/donations/me').set('Authorization', guess).expect(401);
    }
    const limited = await request(app).delete('/api/v1/donations/me').set('Authorization', guess).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('rate_limited');
    await request(app).get('/healthz').expect(200);
  });

  test('when limits are off, then guessing is only refused as unknown', async () => {
    const app = createApp({ db: openDatabase(':memory:'), config: testConfig({ rateLimits: false }), campaigns: noCampaigns });
    for (let attempt = 0; attempt < 25; attempt += 1) {
      await request(app).get('/api/v1/donations/me').set('Authorization', guess).expect(401);
    }
  });
});
