import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../src/demo/seed-demo';
import { DonationService } from '../../../src/donations/donation-service';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { openDatabase } from '../../../src/storage/open-database';
import { SqliteStore } from '../../../src/storage/sqlite-store';

describe('seed-demo', () => {
  const campaigns = loadCampaigns();

  async function seeded(slug: string, count: number, seed = 7) {
    const db = openDatabase(':memory:');
    const result = await seedDemo(campaigns.get(slug)!, new DonationService(new SqliteStore(db)), { count, seed, now: new Date('2026-11-01') });
    return { db, result };
  }

  function rateBy(db: ReturnType<typeof openDatabase>, slug: string, group: string, outcome: string): Map<string, number> {
    const rows = db.prepare(`SELECT json_extract(data, '$.' || @group) AS level, AVG(json_extract(data, '$.' || @outcome)) AS rate
      FROM records WHERE campaign_slug = @slug AND json_extract(data, '$.' || @outcome) IS NOT NULL GROUP BY level`).all({ slug, group, outcome }) as Array<{ level: string; rate: number }>;
    return new Map(rows.map((row) => [row.level, row.rate]));
  }

  test('when credit-scores is seeded, then every donation is stored and non-EU donors are refused more often', async () => {
    const { db, result } = await seeded('credit-scores', 400);
    expect(result.donations).toBe(400);
    const stored = db.prepare('SELECT COUNT(*) AS donations, SUM(record_count) AS records FROM donations').get();
    expect(stored).toEqual({ donations: 400, records: result.records });
    const refusal = rateBy(db, 'credit-scores', 'nationality', 'application_refused');
    expect(refusal.get('non-eu')!).toBeGreaterThan(refusal.get('german')! + 0.1);
  });

  test('when platform-decisions is seeded, then donations hold many records each', async () => {
    const { result } = await seeded('platform-decisions', 30);
    expect(result.records / result.donations).toBeGreaterThan(5);
  });

  test('when the same seed is used twice, then the same records come out', async () => {
    // Row ids are random (no insertion order), so the records are compared as a sorted set.
    const records = async (seed: number) => (await seeded('credit-scores', 20, seed)).db.prepare('SELECT data FROM records ORDER BY data').all();
    expect(await records(3)).toEqual(await records(3));
    expect(await records(3)).not.toEqual(await records(4));
  });
});
