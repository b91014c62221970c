/**
 * Random and hostile input at every endpoint: nulls, huge numbers, deep nesting, `__proto__`,
 * SQL and path fragments, invalid UTF-8, oversized arrays, garbage files. Every answer is a 4xx
 * in the error shape (or a normal success where the input happens to be valid), never a 5xx,
 * and a refused request stores nothing.
 */
import fc from 'fast-check';
import request from 'supertest';
import { buildTestApp, storedCounts, type TestApp } from '../helpers/test-app';
import { donationBody, fetchCampaign, type PublicCampaign } from '../helpers/donation-body';

const HOSTILE_STRINGS = [
  '__proto__', 'constructor', 'prototype', "'; DROP TABLE donations; --", '" OR 1=1 --', '../../etc/passwd', '..%2f..%2fetc%2fpasswd',
  '%00', '\u0000', '<script>alert(1)</script>', '=HYPERLINK("http://x")', '\ud800', 'A'.repeat(10_000), '💥', '\u202e',
];
const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 40 }));
const hostileNumber = fc.oneof(fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 1e-320), fc.double());
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null), fc.boolean(), hostileNumber, hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('hostile input', () => {
  let testApp: TestApp;
  let campaign: PublicCampaign;
  const url = '/api/v1/campaigns/credit-scores/donations';

  beforeAll(async () => {
    testApp = await buildTestApp();
    campaign = await fetchCampaign(testApp.app, 'credit-scores');
  });

  const expectErrorShape = (response: request.Response) => {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    if (response.type === 'application/json') {
      expect(response.body.error).toEqual({ code: expect.any(String), message: expect.any(String), issues: expect.any(Array) });
    }
  };
  const expectNothingStored = async () => expect(await storedCounts(testApp.store)).toEqual({ donations: 0, records: 0, idempotencyKeys: 0 });

  test('when random JSON values are posted as a donation, then each is a 4xx in the error shape and nothing is stored', async () => {
    await fc.assert(fc.asyncProperty(hostileValue, async (body) => {
      const response = await request(testApp.app).post(url).set('Content-Type', 'application/json').send(JSON.stringify(body));
      expectErrorShape(response);
    }), { numRuns: 150 });
    await expectNothingStored();
  });

  test('when a valid donation has one field replaced by a hostile value, then it is refused naming a field', async () => {
    const base = donationBody(campaign);
    const fields = Object.keys(base.records[0]);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...fields), hostileValue, async (name, value) => {
      const body = { ...base, records: [{ ...base.records[0], [name]: value }] };
      const response = await request(testApp.app).post(url).send(body);
      if (response.status === 201) {
        // The hostile value happened to be a valid answer (e.g. a number in range): then it is stored as sent.
        for (const slug of ['credit-scores', 'platform-decisions']) await testApp.store.retention.deleteCreatedBefore(slug, '9999-12-31');
        return;
      }
      expectErrorShape(response);
      expect(response.body.error.issues.length).toBeGreaterThan(0);
    }), { numRuns: 150 });
    await expectNothingStored();
  });

  test('when keys like __proto__ and constructor are sent, then they are refused as unknown fields and nothing is polluted', async () => {
    const base = donationBody(campaign);
    const text = JSON.stringify(base).replace('"records":[{', '"records":[{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},');
    const response = await request(testApp.app).post(url).set('Content-Type', 'application/json').send(text).expect(400);
    expect(response.body.error.issues.map((issue: { path: unknown[] }) => issue.path.join('.'))).toEqual(expect.arrayContaining(['records.0.__proto__', 'records.0.constructor']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectNothingStored();
  });

  test('when bodies are deeply nested, oversized, not UTF-8 or not JSON, then each is a 4xx', async () => {
    expectErrorShape(await request(testApp.app).post(url).set('Content-Type', 'application/json').send(nested(100_000)));
    expectErrorShape(await request(testApp.app).post(url).set('Content-Type', 'application/json').send(JSON.stringify({ ...donationBody(campaign), records: Array.from({ length: 100_000 }, () => ({})) })));
    expectErrorShape(await request(testApp.app).post(url).set('Content-Type', 'application/json').send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])));
    expectErrorShape(await request(testApp.app).post(url).set('Content-Type', 'application/json; charset=latin1').send('{}'));
    expectErrorShape(await request(testApp.app).post(url).set('Content-Type', 'application/json').send('{"consent":'));
    expectErrorShape(await request(testApp.app).post(url).set('Content-Type', 'application/json').send(JSON.stringify({ ...donationBody(campaign), records: Array.from({ length: 21 }, () => donationBody(campaign).records[0]) })));
    await expectNothingStored();
  });

  test('when random bytes are uploaded as a CSV donation, then each is a 4xx and nothing is stored', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...HOSTILE_STRINGS), async (bytes, purpose) => {
      const response = await request(testApp.app).post('/api/v1/campaigns/platform-decisions/donations')
        .field('consentVersion', '2026-11-01').field('purposes', purpose).attach('records', Buffer.from(bytes), 'x.csv');
      expectErrorShape(response);
    }), { numRuns: 100 });
    await expectNothingStored();
  });

  test('when random paths, queries and headers are requested, then nothing answers 5xx', async () => {
    const segment = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 10)), fc.string({ maxLength: 20 })).map(encodeURIComponent);
    await fc.assert(fc.asyncProperty(
      fc.constantFrom('/api/v1/campaigns/', '/campaigns/', '/api/v1/', '/', '/static/', '/api/v1/campaigns/credit-scores/'),
      segment, segment,
      fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
      async (prefix, first, second, method) => {
        const path = `${prefix}${first}/${second}?format=${first}&gap=${second}&lang=${first}`;
        const call = method === 'GET' ? request(testApp.app).get(path) : method === 'POST' ? request(testApp.app).post(path) : method === 'PUT' ? request(testApp.app).put(path) : request(testApp.app).delete(path);
        // A header may only hold visible ASCII: the client refuses anything else before it is sent.
        const response = await call.set('Authorization', `Bearer ${decodeURIComponent(first).replace(/[^\x21-\x7e]/g, '') || 'x'}`);
        expect(response.status).toBeLessThan(500);
      },
    ), { numRuns: 200 });
    for (const query of ['?format[]=csv', '?format=json&format=csv', '?gap[$gt]=1', '?lang=__proto__']) {
      expect((await request(testApp.app).get(`/api/v1/campaigns/credit-scores/findings${query}`)).status).toBeLessThan(500);
      expect((await request(testApp.app).get(`/api/v1/donations/me${query}`).set('Authorization', 'Bearer x')).status).toBeLessThan(500);
    }
    await expectNothingStored();
  });

  test('when random form fields are posted to the donor pages, then each answer is a 4xx page and nothing is stored', async () => {
    const agent = request.agent(testApp.app);
    const form = await agent.get('/campaigns/credit-scores/donate').expect(200);
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    await fc.assert(fc.asyncProperty(fc.dictionary(hostileString, hostileString, { maxKeys: 6 }), fc.constantFrom('/campaigns/credit-scores/donate', '/campaigns/platform-decisions/donate', '/my-donation', '/my-donation/download', '/my-donation/delete', '/receipt.txt'), async (fields, path) => {
      const response = await agent.post(path).type('form').send({ ...fields, _csrf: csrfToken, action: 'confirm' }).set('Accept', 'text/html');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }), { numRuns: 120 });
    await expectNothingStored();
  });
});
