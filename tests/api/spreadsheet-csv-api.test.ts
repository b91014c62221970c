/** The CSV files people download follow their language; the NGO pack's stay RFC 4180. */
import request from 'supertest';
import { donationBody, exampleRecord, fetchCampaign } from '../helpers/donation-body';
import { buildTestApp, type TestApp } from '../helpers/test-app';

describe('CSV downloads for spreadsheets', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await buildTestApp();
  });

  test('when the template is asked with lang=de or in French by the browser, then it uses ";" and a decimal comma; in English "," and "."', async () => {
    const german = await request(testApp.app).get('/campaigns/platform-decisions/template.csv?lang=de').expect(200);
    expect(german.text.startsWith('\ufeffplatform;month;')).toBe(true);
    expect(german.text).toContain(';4,2;');
    const french = await request(testApp.app).get('/campaigns/platform-decisions/template.csv').set('Accept-Language', 'fr-FR,fr;q=0.9').expect(200);
    expect(french.text.startsWith('\ufeffplatform;month;')).toBe(true);
    const english = await request(testApp.app).get('/campaigns/platform-decisions/template.csv').set('Accept-Language', 'en').expect(200);
    expect(english.text.startsWith('\ufeffplatform,month,')).toBe(true);
    expect(english.text).toContain(',4.2,');
  });

  test('when a donor who gave in German downloads the donation as CSV, then it has a byte-order mark, ";" and "," decimals, and uploads again as is', async () => {
    const campaign = await fetchCampaign(testApp.app, 'platform-decisions');
    const receipt = (await request(testApp.app).post('/api/v1/campaigns/platform-decisions/donations').send({ ...donationBody(campaign, [exampleRecord(campaign)]), locale: 'de' }).expect(201)).body.receipt;
    const csv = await request(testApp.app).get('/api/v1/donations/me?format=csv').set('Authorization', `Bearer ${receipt}`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.startsWith('\ufeffplatform;month;decision_type;')).toBe(true);
    expect(csv.text).toContain(';4,2;');
    const again = await request(testApp.app)
      .post('/api/v1/campaigns/platform-decisions/donations')
      .field('consentVersion', campaign.consent.version)
      .field('purposes', 'research')
      .attach('records', Buffer.from(csv.text, 'utf8'), { filename: 'mine.csv', contentType: 'text/csv' })
      .expect(201);
    expect(again.body.records).toBe(1);
  });
});
