import { Writable } from 'node:stream';
import type { Database } from 'better-sqlite3';
import pino from 'pino';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { purgeAndLog, retentionStartDay, RetentionService } from '../../../src/donations/retention';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { ImportRepository } from '../../../src/storage/import-repository';
import { openDatabase } from '../../../src/storage/open-database';
import { RetentionRepository } from '../../../src/storage/retention-repository';
import { storedCounts } from '../../helpers/test-app';
import { SqliteStore } from '../../../src/storage/sqlite-store';

const campaigns = loadCampaigns();
const platform = campaigns.get('platform-decisions')!; // 1095 days
const credit = campaigns.get('credit-scores')!; // 1825 days
const today = new Date('2026-11-23T08:00:00Z');

let db: Database;
let sequence = 0;

function donate(campaignSlug: string, createdOn: string, records = 2, withIdempotencyKey = false): string {
  sequence += 1;
  const id = `donation-${sequence}`;
  const repository = new DonationRepository(db);
  repository.insertDonation({
    id, campaignSlug, campaignVersion: '1', receiptHash: `hash-${sequence}`, consentVersion: '1', consentSha256: 'c',
    purposesJson: '["research"]', locale: 'en', contentSha256: 'x', recordCount: records, createdOn,
  }, Array.from({ length: records }, (_, position) => ({ position })));
  if (withIdempotencyKey) {
    repository.insertIdempotency({ keyHash: `key-${sequence}`, campaignSlug, requestSha256: 'r', donationId: id, sealedResponse: 's', createdOn });
  }
  return id;
}

function service(): RetentionService {
  return new RetentionService(new SqliteStore(db), campaigns, () => today);
}

function remainingIds(): string[] {
  return (db.prepare('SELECT id FROM donations ORDER BY id').all() as Array<{ id: string }>).map((row) => row.id);
}

beforeEach(() => {
  db = openDatabase(':memory:');
});

afterEach(() => db.close());

describe('retention', () => {
  test('when the retention is 1095 days on 2026-11-23, then donations from before 2023-11-24 are past it', () => {
    expect(retentionStartDay(today, 1095)).toBe('2023-11-24');
    expect(retentionStartDay(new Date('2026-11-23T23:59:59Z'), 0)).toBe('2026-11-23');
  });

  test('when donations are past their campaign\'s retention, then only those go, with their records and idempotency keys', async () => {
    const expired = donate('platform-decisions', '2023-11-23', 3, true); // 1096 days old
    const lastDay = donate('platform-decisions', '2023-11-24'); // exactly 1095 days: kept
    const recent = donate('platform-decisions', '2026-11-01', 2, true);
    const creditOld = donate('credit-scores', '2023-11-01'); // 3 years: within credit-scores' 5
    const creditExpired = donate('credit-scores', '2021-11-20', 4);
    new ImportRepository(db).insertBatch({
      id: 'import-old', campaignSlug: 'platform-decisions', campaignVersion: '1', receiptHash: 'import:x', consentSha256: 'c',
      consentBasis: 'survey', purposesJson: '["research"]', contentSha256: 'x', recordCount: 2, createdOn: '2022-01-01',
    }, '{"fields":["pay_cents"],"levels":{}}', '[[1],[2]]');

    const counts = await service().purge();

    expect(counts).toEqual(expect.arrayContaining([
      { campaign: 'platform-decisions', retentionDays: platform.retentionDays, beforeDay: '2023-11-24', donations: 2, records: 5 },
      { campaign: 'credit-scores', retentionDays: credit.retentionDays, beforeDay: '2021-11-24', donations: 1, records: 4 },
    ]));
    expect(remainingIds()).toEqual([lastDay, recent, creditOld].sort());
    expect(remainingIds()).not.toContain(expired);
    expect(remainingIds()).not.toContain(creditExpired);
    expect(await storedCounts(new SqliteStore(db))).toEqual({ donations: 3, records: 2 + 2 + 2, idempotencyKeys: 1 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM records WHERE donation_id IN (@a, 'import-old')").get({ a: expired })).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
    const audit = db.prepare('SELECT at, action, campaign_slug AS campaign, actor, detail_json AS detail FROM audit_log ORDER BY campaign_slug').all();
    expect(audit).toEqual([
      { at: today.toISOString(), action: 'donations.purged', campaign: 'credit-scores', actor: 'retention', detail: JSON.stringify({ donations: 1, records: 4, retentionDays: 1825, beforeDay: '2021-11-24' }) },
      { at: today.toISOString(), action: 'donations.purged', campaign: 'platform-decisions', actor: 'retention', detail: JSON.stringify({ donations: 2, records: 5, retentionDays: 1095, beforeDay: '2023-11-24' }) },
    ]);
  });

  test('when the purge runs again, then nothing more is deleted and the counts are zero', async () => {
    donate('platform-decisions', '2020-01-01');
    await service().purge();
    const again = await service().purge();
    expect(again.map((count) => count.donations)).toEqual([0, 0]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'donations.purged'").get()).toEqual({ n: 4 });
  });

  test('when it is a dry run, then it counts what is due and deletes nothing', async () => {
    donate('platform-decisions', '2020-01-01', 7);
    const counts = await service().purge({ dryRun: true });
    expect(counts.find((count) => count.campaign === 'platform-decisions')).toMatchObject({ donations: 1, records: 7 });
    expect((await storedCounts(new SqliteStore(db))).records).toBe(7);
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });

  test('when the server\'s daily housekeeping purges, then it logs the counts per campaign and no donor data', async () => {
    donate('platform-decisions', '2020-01-01', 3);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
    const counts = await purgeAndLog(service(), logger);
    expect(counts.find((count) => count.campaign === 'platform-decisions')?.donations).toBe(1);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual(expect.arrayContaining([
      expect.objectContaining({ msg: 'purged donations past retention', campaign: 'platform-decisions', donations: 1, records: 3, beforeDay: '2023-11-24' }),
      expect.objectContaining({ msg: 'purged donations past retention', campaign: 'credit-scores', donations: 0, records: 0 }),
    ]));
    expect(lines.join('')).not.toMatch(/hash-|donation-/);
  });
});
