import { csvTemplate } from '../../../src/campaigns/csv-template';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { LOCALES } from '../../../src/campaigns/types';
import { toCsv } from '../../../src/csv/csv-cell';
import { readCampaignCsv } from '../../../src/csv/read-campaign-csv';
import type { DonationView } from '../../../src/donations/donation-service';
import { donationCsv } from '../../../src/http/donation-csv';

const campaigns = loadCampaigns().list();
const BOM = '\ufeff';

function exampleOf(slug: string) {
  const campaign = campaigns.find((candidate) => candidate.slug === slug)!;
  return Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
}

describe('CSV files for people', () => {
  test('when the German or French template is made, then it has a byte-order mark, ";" between cells and "," as decimal mark', () => {
    for (const locale of ['de', 'fr'] as const) {
      const text = csvTemplate(campaigns.find((campaign) => campaign.slug === 'credit-scores')!, locale);
      const [header, row] = text.slice(1).split('\r\n');
      expect(text.startsWith(BOM)).toBe(true);
      expect(header.startsWith('report_month;bureau;score_type;')).toBe(true);
      expect(header).not.toContain(',');
      // score_value 97.5 is a number; score_version "3.0" is text and stays as typed.
      expect(row.split(';')).toEqual(expect.arrayContaining(['97,5', '3.0', '2024-03']));
    }
  });

  test('when the English template is made, then it has a byte-order mark, "," between cells and "." as decimal mark', () => {
    const text = csvTemplate(campaigns.find((campaign) => campaign.slug === 'credit-scores')!, 'en');
    expect(text.startsWith(`${BOM}report_month,bureau,`)).toBe(true);
    expect(text.split('\r\n')[1].split(',')).toContain('97.5');
  });

  test.each(campaigns.flatMap((campaign) => LOCALES.map((locale) => [campaign.slug, locale] as const)))(
    'when the %s template in %s is uploaded as it is, then it reads as the example record',
    (slug, locale) => {
      const campaign = campaigns.find((candidate) => candidate.slug === slug)!;
      const csv = readCampaignCsv(campaign, Buffer.from(csvTemplate(campaign, locale), 'utf8'));
      expect(csv.issues).toEqual([]);
      expect(csv.records).toEqual([exampleOf(slug)]);
    },
  );

  test.each(LOCALES)("when a donor downloads a donation in %s, then the upload reads the same records back from it", (locale) => {
    const campaign = campaigns.find((candidate) => candidate.slug === 'platform-decisions')!;
    const records = [exampleOf('platform-decisions'), { ...exampleOf('platform-decisions'), distance_km: 12.75, rating: 3.9, pay_cents: 990, city: 'munich' }];
    const text = donationCsv(campaign, { records } as unknown as DonationView, locale);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.includes(';')).toBe(locale !== 'en');
    expect(readCampaignCsv(campaign, Buffer.from(text, 'utf8')).records).toEqual(records);
  });

  test('when a CSV is written for programs (the NGO pack), then it stays RFC 4180: no byte-order mark, "," and "."', () => {
    expect(toCsv(['a', 'b'], [{ a: 1.5, b: -2.25 }])).toBe('a,b\r\n1.5,-2.25\r\n');
  });

  test('when a negative number is written with a decimal comma, then it is a number, not a formula with an apostrophe', () => {
    expect(toCsv(['a', 'b'], [{ a: -1.5, b: '-x' }], { delimiter: ';', decimalMark: ',', byteOrderMark: false })).toBe("a;b\r\n-1,5;'-x\r\n");
  });
});
