import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { DonationService } from '../../../src/donations/donation-service';
import { RevisionCache } from '../../../src/evidence/revision-cache';
import { AuditLog } from '../../../src/storage/audit-log';
import { campaignRevisionState } from '../../../src/storage/campaign-revision';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { openDatabase } from '../../../src/storage/open-database';
import { SqliteStore } from '../../../src/storage/sqlite-store';

describe('revision cache', () => {
  const campaign = loadCampaigns().get('credit-scores')!;
  const record = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  const body = { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [record] };

  function setUp() {
    const db = openDatabase(':memory:');
    const donations = new DonationService(new SqliteStore(db));
    let computations = 0;
    // The "work" reports which revision it saw, so a test can tell stale from fresh.
    const cache = new RevisionCache(new SqliteStore(db).revisions, async () => {
      computations += 1;
      return campaignRevisionState(db, campaign.slug).revision;
    });
    return { db, donations, cache, computations: () => computations };
  }

  test('when donations are added and deleted, then the revision and the deletion count rise by trigger', async () => {
    const { db, donations } = setUp();
    const { receipt } = (await donations.donate(campaign, body)).receipt;
    await donations.donate(campaign, body);
    expect(campaignRevisionState(db, campaign.slug)).toEqual({ revision: 2, deletions: 0 });
    await donations.deleteByReceipt(receipt);
    expect(campaignRevisionState(db, campaign.slug)).toEqual({ revision: 3, deletions: 1 });
  });

  test('when only new donations arrived, then the last result is served at once while the new one is computed', async () => {
    const { donations, cache, computations } = setUp();
    await donations.donate(campaign, body);
    expect(await cache.get(campaign)).toBe(1);
    await donations.donate(campaign, body);
    expect(await cache.get(campaign)).toBe(1);
    expect(computations()).toBe(2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get(campaign)).toBe(2);
    expect(computations()).toBe(2);
  });

  test('when a donation was deleted, then no earlier result is served: the request waits for the new one', async () => {
    const { donations, cache } = setUp();
    const { receipt } = (await donations.donate(campaign, body)).receipt;
    await donations.donate(campaign, body);
    expect(await cache.get(campaign)).toBe(2);
    await donations.deleteByReceipt(receipt);
    expect(await cache.get(campaign)).toBe(3);
  });

  test('when several requests arrive during one computation, then they share it', async () => {
    const { donations, cache, computations } = setUp();
    await donations.donate(campaign, body);
    const results = await Promise.all([cache.get(campaign), cache.get(campaign), cache.get(campaign)]);
    expect(results).toEqual([1, 1, 1]);
    expect(computations()).toBe(1);
  });
});
