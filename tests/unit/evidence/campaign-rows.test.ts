/** A campaign's records as analysis rows: roles, 0/1 booleans, donors, consent purposes. */
import request from 'supertest';
import { loadCampaignRows, loadCampaignRowsPaged } from '../../../src/evidence/campaign-rows';
import { buildTestApp } from '../../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign } from '../../helpers/donation-body';
import { SqliteStore } from '../../../src/storage/sqlite-store';

describe('campaign rows', () => {
  test('when donations with and without ngo-sharing are stored, then rows follow the roles and the purpose filter', async () => {
    const { app, db, dependencies } = await buildTestApp();
    const campaign = dependencies.campaigns.get('credit-scores')!;
    const publicCampaign = await fetchCampaign(app, 'credit-scores');
    const record = exampleRecord(publicCampaign);
    const plain = donationBody(publicCampaign, [record, record]);
    const sharing = donationBody(publicCampaign, [record]);
    sharing.consent.purposes = publicCampaign.consent.purposes.map((purpose) => purpose.id);
    await request(app).post('/api/v1/campaigns/credit-scores/donations').send(plain).expect(201);
    await request(app).post('/api/v1/campaigns/credit-scores/donations').send(sharing).expect(201);

    const all = await loadCampaignRows(new SqliteStore(db).records, campaign);
    expect(all.columns).toEqual(['donor', ...campaign.schema.fields.filter((field) => field.role !== 'donor-only').map((field) => field.name)]);
    expect(all.rows).toHaveLength(3);
    // Each row has exactly the columns, in their order (the rows are copies of one template, filled in).
    for (const row of all.rows) expect(Object.keys(row)).toEqual(all.columns);
    expect(new Set(all.rows.map((row) => row.donor)).size).toBe(2);
    for (const field of campaign.schema.fields.filter((candidate) => candidate.type === 'boolean' && candidate.role !== 'donor-only')) {
      for (const row of all.rows) expect([0, 1, null]).toContain(row[field.name]);
    }
    expect((await loadCampaignRowsPaged(new SqliteStore(db).records, campaign)).rows).toEqual(all.rows);
    expect(plain.consent.purposes).not.toContain('ngo-sharing');
    expect((await loadCampaignRows(new SqliteStore(db).records, campaign, { purpose: 'ngo-sharing' })).rows).toHaveLength(1);
  });
});
