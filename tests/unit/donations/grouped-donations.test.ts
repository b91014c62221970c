import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import type { DonationBody } from '../../../src/campaigns/types';
import { DonationService } from '../../../src/donations/donation-service';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { openDatabase } from '../../../src/storage/open-database';
import { SqliteStore } from '../../../src/storage/sqlite-store';

describe('donations with group commit', () => {
  const campaign = loadCampaigns().get('credit-scores')!;
  const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  const body = (score: number): DonationBody => ({
    consent: { version: campaign.consent.version, purposes: ['research'] },
    records: [{ ...example, score_value: score }],
    locale: 'en',
  });

  test('when 50 donations arrive at once, then each gets its own receipt and all are stored', async () => {
    const db = openDatabase(':memory:');
    const service = new DonationService(new SqliteStore(db));
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_unused, index) => service.donateGrouped(campaign, body(index + 1))));
    expect(new Set(outcomes.map((outcome) => outcome.receipt.receipt)).size).toBe(50);
    expect(db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 50 });
    for (const outcome of outcomes) expect((await service.findByReceipt(outcome.receipt.receipt))?.records[0].score_value).toBeGreaterThan(0);
    db.close();
  });

  test('when a retry with the same Idempotency-Key lands in the same group, then it gets the first answer and no second donation', async () => {
    const db = openDatabase(':memory:');
    const service = new DonationService(new SqliteStore(db));
    const [first, retry, reused] = await Promise.allSettled([
      service.donateGrouped(campaign, body(500), 'same-key-0001'),
      service.donateGrouped(campaign, body(500), 'same-key-0001'),
      service.donateGrouped(campaign, body(600), 'same-key-0001'),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(retry).toEqual({ status: 'fulfilled', value: { receipt: (first as PromiseFulfilledResult<any>).value.receipt, replayed: true } });
    expect(reused.status).toBe('rejected');
    expect((reused as PromiseRejectedResult).reason.code).toBe('idempotency_key_reused');
    expect(db.prepare('SELECT COUNT(*) AS n FROM donations').get()).toEqual({ n: 1 });
    db.close();
  });

  test('when the consent is outdated, then it is refused before anything is queued', () => {
    const db = openDatabase(':memory:');
    const service = new DonationService(new SqliteStore(db));
    expect(() => service.donateGrouped(campaign, { ...body(1), consent: { version: 'old', purposes: ['research'] } })).toThrow(/consent text has changed/);
    db.close();
  });
});
