import { readCampaignCsvText } from '../../../src/csv/read-campaign-csv';
import fs from 'node:fs';
import path from 'node:path';
import { renderCampaignMarkdown } from '../../../src/campaigns/campaign-markdown';
import { DEFAULT_DICTIONARY_DIRECTORY, loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { LOCALES } from '../../../src/campaigns/types';

describe('the shipped data dictionary', () => {
  const campaigns = loadCampaigns();

  test('when the dictionary is loaded, then both campaigns are there', () => {
    expect(campaigns.list().map((campaign) => campaign.slug).sort()).toEqual(['credit-scores', 'platform-decisions']);
  });

  describe.each(loadCampaigns().list().map((campaign) => [campaign.slug, campaign] as const))('%s', (_slug, campaign) => {
    test('when any text is read in any locale, then it is there and not a copy of the English', () => {
      for (const locale of LOCALES) {
        for (const text of [campaign.title, campaign.description, campaign.decisionMaker, campaign.consent.text]) expect(text[locale].trim()).not.toBe('');
        for (const purpose of campaign.consent.purposes) expect(purpose.description[locale].trim()).not.toBe('');
      }
      expect(campaign.consent.text.de).not.toBe(campaign.consent.text.en);
      expect(campaign.consent.text.fr).not.toBe(campaign.consent.text.en);
    });

    test.each(campaign.schema.fields.map((field) => [field.name, field] as const))('when field %s is read, then it has a description and every translation', (_name, field) => {
      expect(field.description.length).toBeGreaterThan(10);
      for (const locale of ['de', 'fr'] as const) {
        const translation = field.translations[locale];
        expect(translation.title.trim()).not.toBe('');
        expect(translation.description.length).toBeGreaterThan(10);
        expect(translation.description).not.toBe(field.description);
        for (const value of field.constraints.enum ?? []) {
          expect(field.enumLabels?.[value]).toBeTruthy();
          expect(translation.enumLabels?.[value]).toBeTruthy();
        }
      }
    });

    test('when the consent text is read, then it states k, the receipt and that nothing identifies the donor', () => {
      expect(campaign.consent.text.en).toContain(String(campaign.minGroupSize));
      expect(campaign.consent.text.en).toMatch(/receipt code/);
      expect(campaign.consent.text.en).toMatch(/do not ask for your name/);
      expect(campaign.consent.purposes.find((purpose) => purpose.id === 'research')?.required).toBe(true);
    });

    test('when the committed Markdown page is compared with the dictionary, then it is up to date (run `npm run docs`)', () => {
      const committed = fs.readFileSync(path.join(DEFAULT_DICTIONARY_DIRECTORY, `${campaign.slug}.md`), 'utf8');
      expect(committed).toBe(renderCampaignMarkdown(campaign));
    });

    test('when the page documents the CSV format, then its example header and row are a file the upload accepts', () => {
      const page = renderCampaignMarkdown(campaign);
      const example = /## CSV upload[\s\S]*?```csv\n([\s\S]*?)```/.exec(page)![1];
      const csv = readCampaignCsvText(campaign, example);
      expect(csv.issues).toEqual([]);
      expect(csv.columns.map((field) => field.name)).toEqual(campaign.schema.fields.map((field) => field.name));
      expect(page).toContain(`/campaigns/${campaign.slug}/template.csv`);
      expect(page).toContain(`up to ${campaign.maxRecords} rows per donation and 5 MB`);
      expect(page).toMatch(/`,` or `;`.*UTF-8 with or without a byte-order mark, Windows-1252/s);
    });

    test('when minimum data is checked, then no field asks for a name, address, e-mail, birth date or free text', () => {
      for (const field of campaign.schema.fields) {
        expect(field.name).not.toMatch(/name$|address|email|birth|phone|comment|note/);
        if (field.type === 'string') expect(field.constraints.enum ?? field.constraints.pattern).toBeDefined();
      }
    });
  });
});
