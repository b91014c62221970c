/**
 * `crowdaudit migrate` from a SQLite file into PostgreSQL (project unit-postgres: needs the
 * cluster of TEST_DATABASE_URL). The moved deployment must answer as the old one did.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { runMigrate } from '../../../src/cli/migrate-command';
import { seedDemo } from '../../../src/demo/seed-demo';
import { DonationService } from '../../../src/donations/donation-service';
import { FindingsReleases } from '../../../src/evidence/releases/findings-releases';
import { parseReleaseDocument } from '../../../src/evidence/releases/release-document';
import { openPostgresStore } from '../../../src/storage/postgres/postgres-store';
import { openSqliteStore } from '../../../src/storage/sqlite-store';
import { createTestDatabase } from '../../helpers/test-database';

describe('crowdaudit migrate', () => {
  const campaign = loadCampaigns().get('credit-scores')!;
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-migrate-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when a SQLite deployment is migrated, then every table agrees by count and hash, and receipts, revisions, tokens and a findings release work on PostgreSQL', async () => {
    const file = path.join(directory, 'crowdaudit.sqlite');
    const sqlite = openSqliteStore(file);
    await seedDemo(campaign, new DonationService(sqlite), { count: 30, seed: 3, now: new Date('2026-11-01T00:00:00Z') });
    const kept = await new DonationService(sqlite).donate(campaign, { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]))], locale: 'de' }, 'key-migrate-0001');
    await sqlite.tokens.insert({ label: 'Union A', role: 'ngo', tokenHash: 'hash-a', createdAt: '2026-12-01T00:00:00Z' });
    // A findings release: its document is bytes (a BLOB), copied into a BYTEA.
    expect(await new FindingsReleases(sqlite, () => ({ minChanges: 1, interval: 'PT0S', intervalMs: 0 })).cutIfDue(campaign)).toBe(true);
    const released = parseReleaseDocument((await sqlite.releases.document(campaign.slug, 1))!);
    const revision = await sqlite.revisions.state(campaign.slug);
    await sqlite.close();

    const url = await createTestDatabase();
    const output = await runMigrate({ from: `sqlite:${file}`, to: url });
    expect(output).toMatch(/^donations: 31 rows, sha256 [0-9a-f]{64} \(same in both\)$/m);
    expect(output).toMatch(/^audit_log: \d+ rows/m);
    expect(output).toMatch(/^findings_releases: 1 rows, sha256 [0-9a-f]{64} \(same in both\)$/m);

    const postgres = await openPostgresStore(url);
    try {
      const moved = await new DonationService(postgres).findByReceipt(kept.receipt.receipt);
      expect(moved).toMatchObject({ id: kept.receipt.donationId, locale: 'de', records: [expect.objectContaining({ score_value: expect.any(Number) })] });
      expect(await postgres.revisions.state(campaign.slug)).toEqual(revision);
      expect(parseReleaseDocument((await postgres.releases.document(campaign.slug, 1))!)).toEqual(released);
      // Identity columns go on after the copied ids.
      expect(await postgres.tokens.insert({ label: 'Lab', role: 'analyst', tokenHash: 'hash-b', createdAt: '2026-12-02T00:00:00Z' })).toBe(2);
      // The retry of a donation made before the move still gets its first answer.
      const retried = await new DonationService(postgres).donate(campaign, { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]))], locale: 'de' }, 'key-migrate-0001');
      expect(retried).toEqual({ receipt: kept.receipt, replayed: true });
    } finally {
      await postgres.close();
    }
    await expect(runMigrate({ from: `sqlite:${file}`, to: url })).rejects.toThrow(/not empty: its table donations holds 31 rows/);
  });

  test('when --from or --to is not what it must be, then the error names the option', async () => {
    await expect(runMigrate({ from: 'crowdaudit.sqlite', to: 'postgres://x@localhost/y' })).rejects.toThrow(/--from must be sqlite:FILE/);
    await expect(runMigrate({ from: 'sqlite:x.sqlite', to: 'mysql://x' })).rejects.toThrow(/--to must be a postgres:\/\/ URL/);
    await expect(runMigrate({ from: `sqlite:${path.join(directory, 'missing.sqlite')}`, to: 'postgres://x@localhost/y' })).rejects.toThrow(/--from: no such SQLite file/);
  });
});
