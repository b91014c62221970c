/**
 * A CSV that forgives: columns named by their titles in any language, answers given as the labels
 * the site shows (any case, accents or not), months in the usual forms, decimal commas, `;`.
 */
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { readMonth } from '../../../src/campaigns/forgiving-values';
import { readCampaignCsv } from '../../../src/csv/read-campaign-csv';

const campaigns = loadCampaigns();
const platform = campaigns.get('platform-decisions')!;
const credit = campaigns.get('credit-scores')!;

describe('a CSV that forgives', () => {
  test('when a German spreadsheet names columns by their German titles and answers with German labels, then every row is read', () => {
    const text = [
      'Plattform;Monat;Art der Entscheidung;Zu Ihrem Nachteil;Bezahlung in Cent;Strecke in km;Altersgruppe;Geschlecht;Staatsangehörigkeit;Migrationshintergrund',
      'Uber;06/2025;Bezahlung eines Auftrags;Nein;1250;4,2;35–44;Weiblich;Deutsch;nein',
      'bolt;Juni 2025;Bezahlung eines Auftrags;ja;980;3,5;35-44;WEIBLICH;deutsch;NEIN',
    ].join('\r\n');
    const titles = Object.fromEntries(platform.schema.fields.map((field) => [field.name, field.translations.de.title]));
    // The test speaks of the dictionary's own titles; if a title changes, the header above must follow.
    expect(text.split('\r\n')[0].split(';')).toEqual(['platform', 'month', 'decision_type', 'adverse', 'pay_cents', 'distance_km', 'age_band', 'sex', 'nationality', 'migration_background'].map((name) => titles[name]));
    const csv = readCampaignCsv(platform, Buffer.from(text, 'utf8'));
    expect(csv.issues).toEqual([]);
    expect(csv.records[0]).toEqual({ platform: 'uber', month: '2025-06', decision_type: 'job-pay', adverse: false, pay_cents: 1250, distance_km: 4.2, age_band: '35-44', sex: 'female', nationality: 'german', migration_background: 'no' });
    expect(csv.records[1]).toMatchObject({ platform: 'bolt', month: '2025-06', adverse: true, sex: 'female', migration_background: 'no' });
  });

  test('when French labels are written without accents and English ones in capitals, then they are recognised', () => {
    const text = ['platform,month,decision_type,adverse,age_band,sex,nationality,migration_background', 'UBER,Jun 2025,JOB-PAY,oui,35-44,Femme,Allemande,Non', 'Bolt,2025-6,job-pay,No,35 – 44,female,GERMAN,no'].join('\n');
    const csv = readCampaignCsv(platform, Buffer.from(text, 'utf8'));
    expect(csv.issues).toEqual([]);
    expect(csv.records.map((record) => [record!.platform, record!.month, record!.sex, record!.nationality, record!.adverse])).toEqual([
      ['uber', '2025-06', 'female', 'german', true],
      ['bolt', '2025-06', 'female', 'german', false],
    ]);
  });

  test('when a row uses exactly the labels the issue found refused ("Uber", "Male", "Berlin", "35–44", "06/2025"), then it is read', () => {
    const text = 'platform,month,decision_type,adverse,age_band,sex,nationality,migration_background,city\nUber,06/2025,job-pay,No,35–44,Male,German,No,Berlin\n';
    const csv = readCampaignCsv(platform, Buffer.from(text, 'utf8'));
    expect(csv.issues).toEqual([]);
    expect(csv.records[0]).toMatchObject({ platform: 'uber', month: '2025-06', age_band: '35-44', sex: 'male', nationality: 'german', city: 'berlin' });
  });

  test.each([
    ['2025-06', '2025-06'],
    ['2025-6', '2025-06'],
    ['06/2025', '2025-06'],
    ['6/2025', '2025-06'],
    ['06.2025', '2025-06'],
    ['06-2025', '2025-06'],
    ['202506', '2025-06'],
    ['Jun 2025', '2025-06'],
    ['June 2025', '2025-06'],
    ['Juni 2025', '2025-06'],
    ['juin 2025', '2025-06'],
    ['Mär. 2025', '2025-03'],
    ['mars 2025', '2025-03'],
    ['déc. 2024', '2024-12'],
    ['Dez 2024', '2024-12'],
    ['2025-06-14', '2025-06'],
    ['14.06.2025', '2025-06'],
  ])('when a month is written as "%s", then it is read as %s', (typed, month) => {
    expect(readMonth(typed)).toBe(month);
  });

  test.each(['13/2025', '2025-00', 'Juil', 'soon', '31.13.2025'])('when "%s" is no month, then it is not guessed', (typed) => {
    expect(readMonth(typed)).toBeUndefined();
  });

  test('when a full postcode is given for a postcode region, then its first two digits are kept', () => {
    const record = credit.coerceRecord({ postcode_region: '10115', sex: 'Männlich', score_value: '97,5', report_month: '03/2024' });
    expect(record).toEqual({ postcode_region: '10', sex: 'male', score_value: 97.5, report_month: '2024-03' });
    expect(credit.coerceRecord({ postcode_region: '1011' })).toEqual({ postcode_region: '10' });
    expect(credit.coerceRecord({ postcode_region: 'abc' })).toEqual({ postcode_region: 'abc' });
  });

  test('when an answer matches no code or label, then it is passed on unchanged for the schema to refuse', () => {
    const csv = readCampaignCsv(platform, Buffer.from('platform,month,decision_type,adverse,age_band,sex,nationality,migration_background\nMyTaxi,2025-06,job-pay,no,35-44,female,german,no\n', 'utf8'));
    expect(csv.issues).toHaveLength(1);
    expect(csv.issues[0]).toMatchObject({ field: 'platform', input: 'MyTaxi' });
  });
});
