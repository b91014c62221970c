import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { DONOR_COLUMN, loadCampaignRows } from '../../../src/evidence/campaign-rows';
import { SurveyImporter } from '../../../src/import/import-survey';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { ImportRepository } from '../../../src/storage/import-repository';
import { openDatabase } from '../../../src/storage/open-database';

const campaign = loadCampaigns().get('platform-decisions')!;

describe('imported records as donors', () => {
  test('when 10 survey records are imported in one batch beside a donor\'s 3 records, then the analyses count 11 donors', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-import-donors-'));
    const db = openDatabase(':memory:');
    try {
      const file = path.join(directory, 'survey.csv');
      const rows = Array.from({ length: 10 }, () => 'uber,2026-03,deactivation,yes,25-34,female,non-eu,yes');
      fs.writeFileSync(file, `platform,month,decision_type,adverse,age_band,sex,nationality,migration_background\n${rows.join('\n')}\n`);
      const result = await new SurveyImporter(new ImportRepository(db), new AuditLog(db)).importSurvey({ campaign, file });
      expect(result).toMatchObject({ imported: 10, batches: 1 });
      const record = { platform: 'bolt', month: '2026-02', decision_type: 'job-pay', adverse: false, age_band: '35-44', sex: 'male', nationality: 'german', migration_background: 'no' };
      new DonationRepository(db).insertDonation({
        id: 'donor-1', campaignSlug: campaign.slug, campaignVersion: campaign.version, receiptHash: 'h', consentVersion: campaign.consent.version,
        consentSha256: campaign.consentSha256, purposesJson: '["research"]', locale: 'en', contentSha256: 'x', recordCount: 3, createdOn: '2026-11-23',
      }, [record, record, record]);

      const { rows: loaded } = loadCampaignRows(db, campaign);
      expect(loaded).toHaveLength(13);
      const donors = new Set(loaded.map((row) => row[DONOR_COLUMN]));
      expect(donors.size).toBe(11);
      const imported = loaded.filter((row) => row.platform === 'uber');
      expect(new Set(imported.map((row) => row[DONOR_COLUMN])).size).toBe(10);
    } finally {
      db.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
