/**
 * What every store promises, run on SQLite (project unit) and on PostgreSQL (project
 * unit-postgres, when TEST_DATABASE_URL names a cluster): the same calls, the same answers.
 */
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import type { DonationBody } from '../../../src/campaigns/types';
import { DonationService } from '../../../src/donations/donation-service';
import { DATA_TABLES } from '../../../src/storage/data-tables';
import type { Store } from '../../../src/storage/store';
import { testEngine, testStore } from '../../helpers/test-database';

describe(`the store (${testEngine()})`, () => {
  const campaign = loadCampaigns().get('credit-scores')!;
  const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  const body = (score: number): DonationBody => ({
    consent: { version: campaign.consent.version, purposes: ['research'] },
    records: [{ ...example, score_value: score }, { ...example, score_value: score + 1 }],
    locale: 'en',
  });
  let store: Store;
  beforeEach(async () => {
    store = await testStore();
  });
  afterEach(async () => {
    await store.close();
  });

  test('when donations are written and one deleted, then revisions rise by trigger and the deletion takes records and keys with it', async () => {
    const service = new DonationService(store);
    const kept = await service.donate(campaign, body(100));
    const deleted = await service.donate(campaign, body(200), 'key-0000000001');
    expect(await store.revisions.state(campaign.slug)).toEqual({ revision: 2, deletions: 0 });
    expect(await store.records.counts(campaign.slug)).toEqual({ donations: 2, records: 4 });
    expect((await service.findByReceipt(kept.receipt.receipt))!.records.map((record) => record.score_value)).toEqual([100, 101]);
    expect(await service.deleteByReceipt(deleted.receipt.receipt)).toBe(true);
    expect(await store.revisions.state(campaign.slug)).toEqual({ revision: 3, deletions: 1 });
    expect(await store.tables.count('records')).toBe(2);
    expect(await store.tables.count('idempotency_keys')).toBe(0);
    const pages = [];
    for await (const page of store.records.pages(campaign.slug, 1)) pages.push(page.map((stored) => stored.record.score_value));
    expect(pages.flat().sort()).toEqual([100, 101]);
    expect(await store.records.fieldNames(campaign.slug)).toEqual(Object.keys(example).sort());
  });

  test('when one Idempotency-Key arrives twice at once, then there is one donation and both get its answer', async () => {
    const service = new DonationService(store);
    const [first, second] = await Promise.all([service.donateGrouped(campaign, body(300), 'key-0000000002'), service.donate(campaign, body(300), 'key-0000000002')]);
    expect(second.receipt).toEqual(first.receipt);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(await store.tables.count('donations')).toBe(1);
  });

  test('when a transaction fails, then none of its writes stay', async () => {
    await expect(store.transaction(async (tx) => {
      await tx.auditLog.write({ action: 'test', actor: 'test' });
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await store.tables.count('audit_log')).toBe(0);
  });

  test('when two writers store the same release number, then one is stored and the other told so', async () => {
    const row = { campaignSlug: campaign.slug, number: 1, releasedAt: '2026-12-01T00:00:00.000Z', revision: 3, document: Buffer.from('{}') };
    const stored = await Promise.all([store.releases.insert(row), store.releases.insert({ ...row, document: Buffer.from('{"second":true}') })]);
    expect(stored.sort()).toEqual([false, true]);
    expect(await store.releases.latest(campaign.slug)).toEqual({ campaignSlug: campaign.slug, number: 1, releasedAt: row.releasedAt, revision: 3 });
    expect(await store.releases.insert({ ...row, number: 3 })).toBe(false);
  });

  test('when work of one name is running, then a second call of that name does not run', async () => {
    let release!: () => void;
    const first = store.once('release:test', () => new Promise<string>((resolve) => {
      release = () => resolve('first');
    }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await store.once('release:test', async () => 'second')).toBeUndefined();
    release();
    expect(await first).toBe('first');
    expect(await store.once('release:test', async () => 'third')).toBe('third');
  });

  test('when a client is counted, then hits rise in its window and start again after it', async () => {
    expect(await store.rateLimits.increment('receipts', 'client', 1_000, 60_000)).toEqual({ hits: 1, resetsAt: 61_000 });
    expect(await store.rateLimits.increment('receipts', 'client', 2_000, 60_000)).toEqual({ hits: 2, resetsAt: 61_000 });
    await store.rateLimits.decrement('receipts', 'client');
    expect(await store.rateLimits.increment('receipts', 'client', 70_000, 60_000)).toEqual({ hits: 1, resetsAt: 130_000 });
    expect(await store.rateLimits.deleteExpiredBefore(200_000)).toBe(1);
  });

  test('when tokens are created and revoked, then ids come in order and a revoked token stays listed', async () => {
    const first = await store.tokens.insert({ label: 'A', role: 'ngo', tokenHash: 'hash-a', createdAt: '2026-12-01T00:00:00Z' });
    const second = await store.tokens.insert({ label: 'B', role: 'analyst', tokenHash: 'hash-b', createdAt: '2026-12-01T00:00:00Z' });
    expect(second).toBeGreaterThan(first);
    expect(await store.tokens.revoke(first, '2026-12-02T00:00:00Z')).toBe(true);
    expect(await store.tokens.revoke(first, '2026-12-02T00:00:00Z')).toBe(false);
    expect((await store.tokens.list()).map((token) => [token.label, token.revokedAt])).toEqual([['A', '2026-12-02T00:00:00Z'], ['B', null]]);
  });

  test('when every data table is counted, then each answers, the empty ones with 0', async () => {
    for (const table of DATA_TABLES) expect(await store.tables.count(table)).toBe(0);
  });
});
