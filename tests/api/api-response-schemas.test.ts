/** The zod schemas /api/v1/openapi.json is made from hold for what the routes really answer. */
import request from 'supertest';
import type { z } from 'zod';
import { seedDemo } from '../../src/demo/seed-demo';
import { donationViewSchema, personalPackSchema, signingKeySchema } from '../../src/http/api/api-schemas';
import { campaignListSchema, publicCampaignSchema } from '../../src/http/api/campaign-response-schemas';
import { findingsResponseSchema } from '../../src/http/api/findings-response-schema';
import { donationBody, exampleRecord, fetchCampaign } from '../helpers/donation-body';
import { buildTestApp, type TestApp } from '../helpers/test-app';

/** The issues of a parse, as "path: message", so a failure names the key that drifted. */
function issues(schema: z.ZodType, body: unknown): string[] {
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('API answers against the schemas of the OpenAPI document', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await buildTestApp();
  });

  test('when the campaigns and each campaign are read, then they match their schemas exactly (no key left undescribed)', async () => {
    expect(issues(campaignListSchema, (await request(testApp.app).get('/api/v1/campaigns').expect(200)).body)).toEqual([]);
    for (const slug of ['credit-scores', 'platform-decisions']) {
      expect(issues(publicCampaignSchema, (await request(testApp.app).get(`/api/v1/campaigns/${slug}`).expect(200)).body)).toEqual([]);
    }
  });

  test('when findings are read before and after the first release, then both match the findings schema', async () => {
    const fresh = await buildTestApp();
    const before = (await request(fresh.app).get('/api/v1/campaigns/platform-decisions/findings').expect(200)).body;
    expect(before.release).toBeNull();
    expect(issues(findingsResponseSchema, before)).toEqual([]);
    for (const slug of ['credit-scores', 'platform-decisions']) {
      await seedDemo(fresh.dependencies.campaigns.get(slug)!, fresh.dependencies.donations, { count: 150, seed: 4, now: new Date('2026-11-01T00:00:00Z') });
      const after = (await request(fresh.app).get(`/api/v1/campaigns/${slug}/findings?gap=10`).expect(200)).body;
      expect(after.release).not.toBeNull();
      expect(after.effects.some((effect: { suppressed: boolean }) => !effect.suppressed)).toBe(true);
      // Only credit-scores ships population margins: its answer holds the share table and raked figures, which the schema must describe.
      expect(after.representativeness !== undefined).toBe(slug === 'credit-scores');
      expect(after.comparisons.some((comparison: { groups: Array<{ raked?: unknown }> }) => comparison.groups.some((group) => group.raked))).toBe(slug === 'credit-scores');
      expect(issues(findingsResponseSchema, after)).toEqual([]);
    }
  }, 30_000);

  test('when a donor reads the donation and the JSON evidence pack, and anyone the signing key, then each matches its schema', async () => {
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 60, seed: 9, now: new Date('2026-11-01T00:00:00Z') });
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    const receipt = (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send(donationBody(campaign, [exampleRecord(campaign)])).expect(201)).body.receipt;
    const donation = (await request(testApp.app).get('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(200)).body;
    expect(issues(donationViewSchema.strict(), donation)).toEqual([]);
    const pack = (await request(testApp.app).get('/api/v1/donations/me/evidence?format=json').set('Authorization', `Bearer ${receipt}`).expect(200)).body;
    expect(issues(personalPackSchema, pack)).toEqual([]);
    expect(issues(signingKeySchema, (await request(testApp.app).get('/api/v1/signing-key').expect(200)).body)).toEqual([]);
  }, 30_000);
});
