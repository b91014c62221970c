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
import { SqliteStore } from '../../../src/storage/sqlite-store';

const campaign = loadCampaigns().get('platform-decisions')!;

describe('imported records as donors', () => {
  test('when 10 survey records are imported in one batch beside a donor\'s 3 records, then the analyses count 11 donors', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-import-donors-'));
    const db = openDatabase(':memory:');
    try {
      const file = path.join(directory, 'survey.csv');
      const rows = Array.from({ length: 10 }, () => 'uber,2026-03,deactivation,yes,25-34,female,non-eu,yes');
      fs.writeFileSync(file, `platform,month,decision_type,adverse,age_band,sex,nationality,migration_background\n${rows.join('\n')}\n`);
      const result = await new SurveyImporter(new SqliteStore(db)).importSurvey({ campaign, file });
      expect(result).toMatchObject({ imported: 10, batches: 1 });
      const record = { platform: 'bolt', month: '2026-02', decision_type: 'job-pay', adverse: false, age_band: '35-44', sex: 'male', nationality: 'german', migration_background: 'no' };
      new DonationRepository(db).insertDonation({
        id: 'donor-1', campaignSlug: campaign.slug, campaignVersion: campaign.version, receiptHash: 'h', consentVersion: campaign.consent.version,
        consentSha256: campaign.consentSha256, purposesJson: '["research"]', locale: 'en', contentSha256: 'x', recordCount: 3, createdOn: '2026-11-23',
      }, [record, record, record]);

      const { rows: loaded } = await loadCampaignRows(new SqliteStore(db).records, campaign);
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

  test('when records were imported before batches were stored whole (one records row each), then they are still read, each its own respondent', async () => {
    const db = openDatabase(':memory:');
    try {
      const record = { platform: 'uber', month: '2026-03', decision_type: 'deactivation', adverse: true, age_band: '25-34', sex: 'female', nationality: 'non-eu', migration_background: 'yes' };
      // How migration 004's import wrote a batch of three: a donation row and one records row per record.
      db.prepare(`INSERT INTO donations (id, campaign_slug, campaign_version, receipt_hash, consent_version, consent_sha256, purposes_json, locale,
          content_sha256, record_count, created_on, source, consent_basis)
        VALUES ('old-batch', @slug, '1', 'import:old', 'import', 'c', '["research"]', 'und', 'x', 3, '2026-10-01', 'import', 'survey')`).run({ slug: campaign.slug });
      const insertRecord = db.prepare('INSERT INTO records (donation_id, campaign_slug, position, data) VALUES (\'old-batch\', @slug, @position, @data)');
      for (const position of [0, 1, 2]) insertRecord.run({ slug: campaign.slug, position, data: JSON.stringify({ ...record, month: `2026-0${position + 1}` }) });

      const { rows } = await loadCampaignRows(new SqliteStore(db).records, campaign);
      expect(rows.map((row) => row.month)).toEqual(['2026-01', '2026-02', '2026-03']);
      expect(rows.map((row) => row.adverse)).toEqual([1, 1, 1]);
      expect(new Set(rows.map((row) => row[DONOR_COLUMN])).size).toBe(3);
    } finally {
      db.close();
    }
  });
});
