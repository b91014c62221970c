import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/storage/open-database';
import { donationBody, fetchCampaign } from '../helpers/donation-body';
import { SqliteStore } from '../../src/storage/sqlite-store';

describe('logs', () => {
  test('when a donor donates, reads back and deletes, then the log holds no receipt, values, body or address', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({ store: new SqliteStore(openDatabase(':memory:')), config: testConfig(), logger: pino({ level: 'info' }, sink) });
    const campaign = await fetchCampaign(app, 'credit-scores');
    const body = donationBody(campaign);
    const { receipt } = (await request(app).post('/api/v1/campaigns/credit-scores/donations').send(body).expect(201)).body;
    await request(app).get('/api/v1/donations/me?format=csv').set('Authorization', `Bearer ${receipt}`).expect(200);
    await request(app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(204);
    await request(app).post('/api/v1/campaigns/credit-scores/donations').set('Content-Type', 'application/json').send('{bad').expect(400);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(log).toContain('"path":"/api/v1/donations/me"');
    expect(log).not.toContain(receipt);
    expect(log).not.toContain(receipt.replace(/-/g, ''));
    expect(log).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
    expect(log).not.toMatch(/authorization|cookie|user-agent/i);
    expect(log).not.toContain('format=csv');
    expect(log).not.toContain(campaign.consent.version);
    for (const [name, value] of Object.entries(body.records[0])) {
      expect(log).not.toContain(`"${name}"`);
      if (typeof value === 'string' && value.length > 3) expect(log).not.toContain(`"${value}"`);
    }
  });
});
