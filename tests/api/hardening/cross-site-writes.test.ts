/** State-changing API requests from another web site are refused; scripts and this site still work. */
import request from 'supertest';
import { loadConfig } from '../../../src/config';
import { buildTestApp, storedCounts } from '../../helpers/test-app';
import { donationBody, fetchCampaign } from '../../helpers/donation-body';

const url = '/api/v1/campaigns/credit-scores/donations';

async function setUp(allowedOrigins?: string[]) {
  const testApp = await buildTestApp({ baseUrl: 'https://audit.example.org', ...(allowedOrigins ? { allowedOrigins } : {}) });
  const campaign = await fetchCampaign(testApp.app, 'credit-scores');
  return { ...testApp, body: donationBody(campaign) };
}

describe('cross-site API writes', () => {
  it.each([
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }, 'sec-fetch-site'],
    ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }, 'sec-fetch-site'],
    ['Origin of another site', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, 'origin'],
    ['Origin null (a sandboxed page)', { Origin: 'null' }, 'origin'],
    ['Origin of this host over http', { Origin: 'http://audit.example.org' }, 'origin'],
  ])('when a donation comes with %s, then 403 cross_site_request names the header and nothing is stored', async (_name, headers, header) => {
    const { app, store, body } = await setUp();
    const response = await request(app).post(url).set(headers).send(body).expect(403);
    expect(response.body.error.code).toBe('cross_site_request');
    expect(response.body.error.issues).toEqual([{ path: ['headers', header], message: expect.any(String) }]);
    expect((await storedCounts(store)).donations).toBe(0);
  });

  it('when a withdrawal comes from another site, then it is refused and the donation stays', async () => {
    const { app, store, body } = await setUp();
    const { receipt } = (await request(app).post(url).send(body).expect(201)).body as { receipt: string };
    await request(app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).set('Origin', 'https://evil.example').expect(403);
    expect((await storedCounts(store)).donations).toBe(1);
  });

  it('when a request has no Origin or Sec-Fetch-Site (curl, a script), or comes from this site, then it is stored', async () => {
    const { app, store, body } = await setUp();
    await request(app).post(url).send(body).expect(201);
    await request(app).post(url).set({ Origin: 'https://audit.example.org', 'Sec-Fetch-Site': 'same-origin' }).send(body).expect(201);
    await request(app).post(url).set('Sec-Fetch-Site', 'none').send(body).expect(201);
    expect((await storedCounts(store)).donations).toBe(3);
  });

  it('when the origin is in ALLOWED_ORIGINS, then its pages may donate; reading stays open to all', async () => {
    const { app, store, body } = await setUp(['https://ngo.example.org']);
    await request(app).post(url).set({ Origin: 'https://ngo.example.org', 'Sec-Fetch-Site': 'cross-site' }).send(body).expect(201);
    await request(app).post(url).set({ Origin: 'https://other.example.org' }).send(body).expect(403);
    await request(app).get('/api/v1/campaigns/credit-scores').set({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }).expect(200);
    expect((await storedCounts(store)).donations).toBe(1);
  });

  it('when ALLOWED_ORIGINS is set, then it is parsed into origins; a path or a non-URL is refused naming the variable', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://ngo.example.org, http://localhost:8080' }).allowedOrigins).toEqual(['https://ngo.example.org', 'http://localhost:8080']);
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://ngo.example.org/donate' })).toThrow(/ALLOWED_ORIGINS: "https:\/\/ngo.example.org\/donate" is not an origin/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'ngo' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
