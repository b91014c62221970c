/** `crowdaudit backup` on PostgreSQL (project unit-postgres): a pg_dump that restores to the same data. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { runBackup } from '../../../src/cli/backup-command';
import { DonationService } from '../../../src/donations/donation-service';
import { openPostgresStore } from '../../../src/storage/postgres/postgres-store';
import { createTestDatabase } from '../../helpers/test-database';

describe('crowdaudit backup on PostgreSQL', () => {
  test('when DATABASE_URL names PostgreSQL, then backup writes a pg_dump readable only by its owner that restores the donations', async () => {
    const campaign = loadCampaigns().get('credit-scores')!;
    const url = await createTestDatabase();
    const store = await openPostgresStore(url);
    const donated = await new DonationService(store).donate(campaign, { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]))], locale: 'en' });
    await store.close();
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-pgdump-'));
    try {
      const out = path.join(directory, 'backup.dump');
      expect(await runBackup({ out }, { DATABASE_URL: url })).toMatch(/^Backed up PostgreSQL \(crowdaudit_test_\w+\) with pg_dump to .*backup\.dump: \d+ tables/);
      expect(fs.statSync(out).mode & 0o777).toBe(0o600);
      await expect(runBackup({ out }, { DATABASE_URL: url })).rejects.toMatchObject({ status: 409 });

      const restoredUrl = await createTestDatabase();
      execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, out]);
      const restored = await openPostgresStore(restoredUrl);
      try {
        expect((await new DonationService(restored).findByReceipt(donated.receipt.receipt))?.id).toBe(donated.receipt.donationId);
        expect(await restored.revisions.state(campaign.slug)).toEqual({ revision: 1, deletions: 0 });
      } finally {
        await restored.close();
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
