import request from 'supertest';
import { buildTestApp } from '../helpers/test-app';

describe('campaigns API, health and OpenAPI', () => {
  let app: Awaited<ReturnType<typeof buildTestApp>>['app'];
  beforeAll(async () => {
    ({ app } = await buildTestApp());
  });

  test('when /healthz is asked, then it answers ok', async () => {
    const response = await request(app).get('/healthz').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  test('when the campaigns are listed, then both shipped campaigns are there', async () => {
    const response = await request(app).get('/api/v1/campaigns').expect(200);
    const slugs = response.body.campaigns.map((campaign: { slug: string }) => campaign.slug);
    expect(slugs).toEqual(expect.arrayContaining(['credit-scores', 'platform-decisions']));
    for (const campaign of response.body.campaigns) expect(campaign).toMatchObject({ slug: expect.any(String), title: expect.any(Object), status: 'open' });
  });

  test('when one campaign is asked, then it has k, its Table Schema and consent with purposes', async () => {
    const response = await request(app).get('/api/v1/campaigns/credit-scores').expect(200);
    expect(response.body.minGroupSize).toBeGreaterThanOrEqual(5);
    expect(response.body.schema.fields.length).toBeGreaterThan(10);
    expect(response.body.consent).toMatchObject({ version: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(response.body.consent.purposes).toContainEqual(expect.objectContaining({ id: 'research', required: true }));
  });

  test('when an unknown campaign is asked, then 404 in the error shape', async () => {
    const response = await request(app).get('/api/v1/campaigns/nope').expect(404);
    expect(response.body).toEqual({ error: { code: 'campaign_not_found', message: expect.stringContaining('nope'), issues: [{ path: ['slug'], message: 'Unknown campaign' }] } });
  });

  test('when an unknown API path is asked, then 404 JSON', async () => {
    const response = await request(app).get('/api/v1/nothing-here').expect(404);
    expect(response.body.error.code).toBe('not_found');
  });

  test('when the OpenAPI document is asked, then it describes each campaign body from the zod schema', async () => {
    const response = await request(app).get('/api/v1/openapi.json').expect(200);
    expect(response.body.openapi).toBe('3.1.0');
    const post = response.body.paths['/api/v1/campaigns/credit-scores/donations'].post;
    const ref = post.requestBody.content['application/json'].schema.$ref as string;
    const schema = response.body.components.schemas[ref.split('/').pop()!];
    expect(schema.required).toEqual(expect.arrayContaining(['consent', 'records']));
    expect(schema.additionalProperties).toBe(false);
    const campaign = (await request(app).get('/api/v1/campaigns/credit-scores')).body;
    const recordSchema = schema.properties.records.items;
    expect(Object.keys(recordSchema.properties).sort()).toEqual(campaign.schema.fields.map((f: { name: string }) => f.name).sort());
  });

  test('when any page is served, then the CSP forbids inline script and style', async () => {
    const response = await request(app).get('/healthz');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
