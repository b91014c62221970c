/**
 * On a database file, the server's thread never reads a release's document: the findings API's
 * answer, the findings page and a donor's personal pack are made in render threads, which read the
 * release themselves (parsing it built tens of MB of objects on the event loop at 100,000
 * donations). The answers are still those of the release.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { seedDemo } from '../../src/demo/seed-demo';
import { openDatabase } from '../../src/storage/open-database';
import { ReleaseRepository } from '../../src/storage/release-repository';
import { closeTestStores, sqliteStoreOn } from '../helpers/test-database';
import { donationBody, fetchCampaign } from '../helpers/donation-body';

describe('release views on a database file', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-off-thread-'));
  });
  afterEach(async () => {
    await closeTestStores();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('when the findings API, the page and a personal pack are asked for, then each shows the release and this thread never reads its document', async () => {
    // Spied before the store is made: it takes the repository's methods when it is made.
    const documents = jest.spyOn(ReleaseRepository.prototype, 'document');
    const databasePath = path.join(directory, 'crowdaudit.sqlite');
    const store = sqliteStoreOn(openDatabase(databasePath));
    const app = createApp({ store, config: testConfig({ databasePath, releaseMinChanges: 10, releaseInterval: 'P1D' }) });
    const { dependencies } = app.locals;
    await seedDemo(dependencies.campaigns.get('credit-scores')!, dependencies.donations, { count: 120, seed: 6 });
    const { receipt } = (await request(app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(await fetchCampaign(app, 'credit-scores'))).expect(201)).body as { receipt: string };

    const findings = await request(app).get('/api/v1/campaigns/credit-scores/findings').expect(200);
    expect(findings.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(findings.body.release.number).toBe(1);
    expect(findings.body.comparisons.length).toBeGreaterThan(4);
    await request(app).get('/api/v1/campaigns/credit-scores/findings').set('If-None-Match', findings.headers.etag!).expect(304);
    const withGaps = await request(app).get('/api/v1/campaigns/credit-scores/findings?gap=10').expect(200);
    expect(withGaps.body.plannerGaps).toEqual({ ratePoints: 10, meanEffectSize: 0.2 });
    expect((await request(app).get('/campaigns/credit-scores?lang=fr').expect(200)).text).toContain('findings-summary-heading');
    const pack = await request(app).get('/api/v1/donations/me/evidence?lang=de').set('Authorization', `Bearer ${receipt}`).expect(200);
    expect(pack.body.manifest.release).toBe(1);

    expect(documents).not.toHaveBeenCalled();
    documents.mockRestore();
  }, 60_000);
});
