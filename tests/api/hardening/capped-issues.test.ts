/** Every error's issue list is capped, and says how many problems it leaves out. */
import request from 'supertest';
import { MAX_LISTED_ISSUES } from '../../../src/app-error';
import { buildTestApp } from '../../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign } from '../../helpers/donation-body';

describe('capped issue lists', () => {
  it('when a JSON donation holds many bad records, then 100 issues are listed and the rest counted', async () => {
    const { app } = await buildTestApp({ baseUrl: 'http://localhost:3000' });
    const campaign = await fetchCampaign(app, 'platform-decisions');
    // Each record has three unknown fields: three issues a record.
    const bad = Array.from({ length: 200 }, () => ({ ...exampleRecord(campaign), extra_a: 1, extra_b: 2, extra_c: 3 }));
    const body = donationBody(campaign, bad);
    const response = await request(app).post('/api/v1/campaigns/platform-decisions/donations').send(body).expect(400);
    expect(response.body.error.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(response.body.error.issuesOmitted).toBe(600 - MAX_LISTED_ISSUES);
    expect(response.body.error.message).toContain(`The first ${MAX_LISTED_ISSUES} of 600 problems are listed.`);
    expect(response.body.error.issues[0]).toEqual({ path: ['records', 0, 'extra_a'], message: 'Unknown field: remove it' });
    // The answer stays small whatever the body: well under 30 KB here.
    expect(JSON.stringify(response.body).length).toBeLessThan(30_000);
  });

  it('when a body has a few problems, then all are listed and no omitted count is given', async () => {
    const { app } = await buildTestApp();
    const campaign = await fetchCampaign(app, 'credit-scores');
    const response = await request(app).post('/api/v1/campaigns/credit-scores/donations').send({ ...donationBody(campaign), email: 'x' }).expect(400);
    expect(response.body.error.issues).toEqual([{ path: ['email'], message: 'Unknown field: remove it' }]);
    expect(response.body.error).not.toHaveProperty('issuesOmitted');
  });
});
