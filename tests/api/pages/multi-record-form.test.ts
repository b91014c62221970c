/**
 * The guided form for many records, without JavaScript: the person's facts once, one block per
 * record, "add another" and "remove" post back and keep every answer, and a change of language
 * on any step (form, review, receipt) loses nothing.
 */
import request from 'supertest';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { buildTestApp, storedCounts, type TestApp } from '../../helpers/test-app';
import { hiddenValue, receiptIn } from '../../helpers/donor-pages';

const campaigns = loadCampaigns();
const platform = campaigns.get('platform-decisions')!;
const credit = campaigns.get('credit-scores')!;

/** Every hidden input of the page's form with this id, as the browser would post it. */
function hiddenFields(page: string, formId: string): Array<[string, string]> {
  const form = new RegExp(`<form[^>]*id="${formId}"[^>]*>([\\s\\S]*?)</form>`).exec(page)![1];
  return [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1], match[2]]);
}

/** A platform worker's two jobs, typed the way the form names them: block 0 plain, block 1 numbered. */
function twoJobs(): Record<string, string> {
  return {
    record_count: '2',
    'record.platform': 'uber',
    'record.month': '2025-06',
    'record.decision_type': 'job-pay',
    'record.adverse': 'no',
    'record.pay_cents': '1250',
    'record.1.platform': 'bolt',
    'record.1.month': '2025-07',
    'record.1.decision_type': 'deactivation',
    'record.1.adverse': 'yes',
    'record.age_band': '35-44',
    'record.sex': 'female',
    'record.nationality': 'german',
    'record.migration_background': 'no',
    'record.city': 'berlin',
    consent_version: platform.consent.version,
    purposes: 'research',
  };
}

describe('the guided form for many records', () => {
  let testApp: TestApp;
  let agent: ReturnType<typeof request.agent>;
  let csrfToken: string;

  beforeEach(async () => {
    testApp = await buildTestApp();
    agent = request.agent(testApp.app);
    csrfToken = hiddenValue((await agent.get('/campaigns/platform-decisions/donate').expect(200)).text, '_csrf');
  });

  const post = (path: string, fields: Record<string, string | string[]> | Array<[string, string]>) => {
    const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields).flatMap(([name, value]) => (Array.isArray(value) ? value.map((item) => [name, item]) : [[name, value]])));
    if (!body.has('_csrf')) body.set('_csrf', csrfToken);
    return agent.post(path).type('form').send(body.toString());
  };

  test('when a CSV campaign is opened, then it has the web form too, asking the person once and each record in a block, with a link to the CSV upload', async () => {
    const page = (await agent.get('/campaigns/platform-decisions/donate').expect(200)).text;
    expect(page).toContain('<h2>About you</h2>');
    expect(page).toContain('id="record-1-heading">Record 1</h3>');
    expect(page).toContain('name="record.platform"');
    expect(page).toContain('name="record.age_band"');
    expect(page).toContain('href="/campaigns/platform-decisions/donate/csv"');
    expect(page).toContain('value="add"');
    // One block: nothing to remove.
    expect(page).not.toContain('value="remove:0"');
  });

  test('when "add another" is pressed, then a second empty block appears and every answer is kept', async () => {
    const { record_count: _count, ...firstOnly } = Object.fromEntries(Object.entries(twoJobs()).filter(([name]) => !name.startsWith('record.1.')));
    const page = await post('/campaigns/platform-decisions/donate', { ...firstOnly, record_count: '1', action: 'add' }).expect(200);
    expect(page.text).toContain('name="record_count" value="2"');
    expect(page.text).toContain('id="record-2-heading">Record 2</h3>');
    expect(page.text).toContain('name="record.1.platform"');
    expect(page.text).toMatch(/name="record\.platform" value="uber" checked|<option value="uber" selected>/);
    expect(page.text).toContain('value="1250"');
    expect(page.text).toContain('value="remove:1"');
    expect(page.text).not.toContain('class="error-summary"');
    expect(page.text).toContain('<p class="notice" role="status">A new empty block was added at the end: record 2.</p>');
  });

  test('when a block is removed, then the others move up with their answers', async () => {
    const page = await post('/campaigns/platform-decisions/donate', { ...twoJobs(), action: 'remove:0' }).expect(200);
    expect(page.text).toContain('name="record_count" value="1"');
    expect(page.text).toMatch(/<option value="bolt" selected>|name="record\.platform" value="bolt" checked/);
    expect(page.text).not.toContain('id="record-2-heading"');
  });

  test('when the blocks reach the limit, then no more can be added', async () => {
    const page = await post('/campaigns/platform-decisions/donate', { ...twoJobs(), record_count: '25', action: 'add' }).expect(200);
    expect(page.text).toContain('name="record_count" value="25"');
    expect(page.text).not.toContain('value="add"');
    expect(page.text).toContain('You have reached the limit of 25 records');
  });

  test('when a block was added and left empty, then the review leaves it out instead of reporting it', async () => {
    const { record_count: _count, ...firstOnly } = Object.fromEntries(Object.entries(twoJobs()).filter(([name]) => !name.startsWith('record.1.')));
    const review = await post('/campaigns/platform-decisions/donate', { ...firstOnly, record_count: '2', 'record.1.month': '', 'record.1.pay_cents': '', action: 'review' }).expect(200);
    expect(review.text).toContain('name="record_count" value="1"');
    expect(review.text).not.toContain('Record 2');
  });

  test('when the second record has an error, then the summary names the record and links to its control', async () => {
    const page = await post('/campaigns/platform-decisions/donate', { ...twoJobs(), 'record.1.month': '', action: 'review' }).expect(400);
    expect(page.text).toContain('<a href="#field-1-month">Record 2, Month: Please enter a month like 2024-03.</a>');
    expect(page.text).toContain('id="field-1-month"');
  });

  test('when two records are reviewed and confirmed, then both are stored with the person\'s facts copied into each', async () => {
    const review = await post('/campaigns/platform-decisions/donate', { ...twoJobs(), action: 'review' }).expect(200);
    expect(review.text).toContain('Record 1');
    expect(review.text).toContain('Record 2');
    expect(review.text).toContain('Bolt');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
    const fields = hiddenFields(review.text, 'review-form');
    const receipt = await post('/campaigns/platform-decisions/donate', [...fields, ['action', 'confirm']]).expect(201);
    expect(receiptIn(receipt.text)).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    const stored = (await testApp.dependencies.donations.findByReceipt(receiptIn(receipt.text)))!;
    expect(stored.records).toHaveLength(2);
    expect(stored.records.map((record) => [record.platform, record.month, record.age_band, record.city])).toEqual([
      ['uber', '2025-06', '35-44', 'berlin'],
      ['bolt', '2025-07', '35-44', 'berlin'],
    ]);
  });

  test('when the language is switched on the form, then the same form comes back in that language with every answer', async () => {
    const page = await post('/campaigns/platform-decisions/donate', { ...twoJobs(), lang: 'en', step: 'form', switch_lang: 'de' }).expect(200);
    expect(page.text).toContain('<html lang="de">');
    expect(page.text).toContain('Eintrag 2');
    expect(page.text).toContain('value="1250"');
    expect(page.text).toMatch(/<option value="bolt" selected>|name="record\.1\.platform" value="bolt" checked/);
    expect(page.text).not.toContain('class="error-summary"');
    expect(String(page.headers['set-cookie'])).toContain('lang=de');
  });

  test('when the language is switched on the review page, then the review comes back in that language, answers and key kept', async () => {
    const review = await post('/campaigns/platform-decisions/donate', { ...twoJobs(), action: 'review' }).expect(200);
    const fields = hiddenFields(review.text, 'review-form');
    const key = hiddenValue(review.text, 'idempotency_key');
    const french = await post('/campaigns/platform-decisions/donate', [...fields, ['switch_lang', 'fr']]).expect(200);
    expect(french.text).toContain('<html lang="fr">');
    expect(french.text).toContain('Vérifiez avant d\u2019envoyer'.slice(0, 8));
    expect(french.text).toContain('Entrée 2');
    expect(hiddenValue(french.text, 'idempotency_key')).toBe(key);
    expect(hiddenFields(french.text, 'review-form').filter(([name]) => name.startsWith('record.'))).toEqual(fields.filter(([name]) => name.startsWith('record.')));
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  test('when the language is switched on the receipt page, then the receipt comes back in that language with the same code', async () => {
    const review = await post('/campaigns/platform-decisions/donate', { ...twoJobs(), action: 'review' }).expect(200);
    const receiptPage = await post('/campaigns/platform-decisions/donate', [...hiddenFields(review.text, 'review-form'), ['action', 'confirm']]).expect(201);
    const code = receiptIn(receiptPage.text);
    expect(receiptPage.text).toContain('form="receipt-language" name="switch_lang" value="de"');
    const german = await post('/my-donation/receipt', [...hiddenFields(receiptPage.text, 'receipt-language'), ['switch_lang', 'de']]).expect(200);
    expect(german.text).toContain('<html lang="de">');
    expect(receiptIn(german.text)).toBe(code);
    expect(german.text).toContain('Belegcode');
    await post('/my-donation/receipt', { receipt: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG', switch_lang: 'de' }).set('Accept', 'text/html').expect(404);
  });

  test('when the language is switched while a donation is open on /my-donation, then it stays open in that language', async () => {
    const review = await post('/campaigns/platform-decisions/donate', { ...twoJobs(), action: 'review' }).expect(200);
    const code = receiptIn((await post('/campaigns/platform-decisions/donate', [...hiddenFields(review.text, 'review-form'), ['action', 'confirm']]).expect(201)).text);
    const open = await post('/my-donation', { receipt: code, action: 'view' }).expect(200);
    expect(open.text).toContain('form="donation-language" name="switch_lang" value="fr"');
    const french = await post('/my-donation', [...hiddenFields(open.text, 'donation-language'), ['switch_lang', 'fr']]).expect(200);
    expect(french.text).toContain('<html lang="fr">');
    expect(french.text).toContain('<h1>Votre don');
    expect(french.text).toContain('<h2>Vos entrées</h2>');
  });

  test('when the credit-score form is posted the old way (one record, no count), then it still donates one record', async () => {
    const fields: Record<string, string> = {};
    for (const field of credit.schema.fields.filter((candidate) => candidate.constraints.required)) {
      fields[`record.${field.name}`] = typeof field.example === 'boolean' ? (field.example ? 'yes' : 'no') : String(field.example);
    }
    await post('/campaigns/credit-scores/donate', { ...fields, consent_version: credit.consent.version, purposes: 'research', action: 'confirm', idempotency_key: '0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f' }).expect(201);
    expect((await storedCounts(testApp.store))).toMatchObject({ donations: 1, records: 1 });
  });
});
