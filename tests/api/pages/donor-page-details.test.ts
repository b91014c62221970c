/**
 * The smaller things a donor meets (issue 14, point 7): what a missing answer is told, optional
 * yes/no answers that can be cleared, "prefer not to say" never confused with "not answered", a
 * full postcode kept as its region, French punctuation, no placeholder on a month input, the
 * receipt file's link to this very server, and findings sentences that name the question.
 */
import request from 'supertest';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../src/demo/seed-demo';
import { buildTestApp, type TestApp } from '../../helpers/test-app';
import { receiptIn, filledForm } from '../../helpers/donor-pages';

const credit = loadCampaigns().get('credit-scores')!;

describe('details of the donor pages', () => {
  let testApp: TestApp;
  let agent: ReturnType<typeof request.agent>;
  let csrfToken: string;

  beforeEach(async () => {
    testApp = await buildTestApp();
    agent = request.agent(testApp.app);
    csrfToken = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/campaigns/credit-scores/donate').expect(200)).text)![1];
  });

  const post = (path: string, fields: Record<string, string>) => agent.post(path).type('form').send({ _csrf: csrfToken, ...fields });

  test('when required answers are missing, then each is told what kind of answer is wanted, not one sentence for all', async () => {
    const page = (await post('/campaigns/credit-scores/donate', { consent_version: credit.consent.version, action: 'review' }).expect(400)).text;
    expect(page).toContain('<a href="#field-report_month">Month of the report: Please enter a month like 2024-03.</a>');
    expect(page).toContain('<a href="#field-bureau">Credit bureau: Please choose one of the options.</a>');
    expect(page).toContain('<a href="#field-score_value">Score value: Please enter a number from 0 to 10000.</a>');
  });

  test('when the form is French, then the error summary puts a space before the colon', async () => {
    const page = (await post('/campaigns/credit-scores/donate', { consent_version: credit.consent.version, action: 'review', lang: 'fr' }).expect(400)).text;
    expect(page).toContain('Valeur du score\u00a0: ');
    expect(page).not.toContain('Valeur du score: ');
  });

  test('when an optional yes/no answer was given, then "No answer" clears it and the review says it was not answered', async () => {
    const form = (await agent.get('/campaigns/credit-scores/donate').expect(200)).text;
    expect(form).toMatch(/<input type="radio" id="field-payment_reminders-2" name="record\.payment_reminders" value="" checked><label for="field-payment_reminders-2">No answer<\/label>/);
    // A required question has no such way out.
    expect(form).not.toMatch(/name="record\.sex" value="" /);
    const review = (await post('/campaigns/credit-scores/donate', { ...filledForm(credit), 'record.payment_reminders': '', action: 'review' }).expect(200)).text;
    expect(review).toMatch(/<dt>Payment reminders<\/dt><dd>Not answered<\/dd>/);
  });

  test('when the form is German, then "prefer not to say" and "not answered" read differently', async () => {
    const form = (await agent.get('/campaigns/credit-scores/donate?lang=de').expect(200)).text;
    expect(form).toContain('Möchte ich nicht sagen');
    expect(form).not.toContain('Keine Angabe');
    const review = (await post('/campaigns/credit-scores/donate', { ...filledForm(credit), 'record.sex': 'not-stated', action: 'review', lang: 'de' }).expect(200)).text;
    expect(review).toContain('<dd>Möchte ich nicht sagen</dd>');
    expect(review).toContain('<dd>Nicht beantwortet</dd>');
  });

  test('when a full postcode is typed, then it is kept as its region', async () => {
    const review = (await post('/campaigns/credit-scores/donate', { ...filledForm(credit), 'record.postcode_region': '10115', action: 'review' }).expect(200)).text;
    expect(review).toMatch(/<dt>Postcode region<\/dt><dd>10<\/dd>/);
    const key = /name="idempotency_key" value="([^"]+)"/.exec(review)![1];
    const receipt = (await post('/campaigns/credit-scores/donate', { ...filledForm(credit), 'record.postcode_region': '10115', action: 'confirm', idempotency_key: key }).expect(201)).text;
    const code = receiptIn(receipt);
    expect((await testApp.dependencies.donations.findByReceipt(code))!.records[0].postcode_region).toBe('10');
  });

  test('when the consent offers sharing with NGOs, then "coarsened" is explained in plain words beside it', async () => {
    const form = (await agent.get('/campaigns/credit-scores/donate').expect(200)).text;
    expect(form).toContain('in a coarsened form');
    expect(form).toContain('“Coarsened” means made less exact');
    const german = (await agent.get('/campaigns/credit-scores/donate?lang=de').expect(200)).text;
    expect(german).toContain('„Vergröbert“ heißt ungenauer gemacht');
  });

  test('when a month is asked, then the input has no placeholder (invalid on type=month)', async () => {
    const form = (await agent.get('/campaigns/credit-scores/donate').expect(200)).text;
    expect(form).toMatch(/<input type="month"[^>]*id="field-report_month"/);
    expect(form).not.toMatch(/<input type="month"[^>]*placeholder=/);
  });

  test('when the receipt file is saved and BASE_URL is not set, then its link points at the server the donor used', async () => {
    const file = await post('/receipt.txt', { receipt: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG', campaign: 'credit-scores' }).set('Host', '127.0.0.1:8123').expect(200);
    expect(file.text).toContain('http://127.0.0.1:8123/my-donation');
    const configured = await buildTestApp({ baseUrl: 'http://audit.example.org' });
    const configuredAgent = request.agent(configured.app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await configuredAgent.get('/my-donation').expect(200)).text)![1];
    const fromConfig = await configuredAgent.post('/receipt.txt').type('form').send({ _csrf: token, receipt: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG' }).set('Host', '127.0.0.1:8123').expect(200);
    expect(fromConfig.text).toContain('http://audit.example.org/my-donation');
  });

  test.each([
    ['en', /\b(No|Yes) differs from\b/],
    ['de', /\bvon (Deutsch|Nein|Ja)\b/],
    ['fr', /celle de (Allemande|Non|Oui)\b/],
  ])('when findings are read in %s, then sentences name the question with the group, never a bare label', async (lang, awkward) => {
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 300, seed: 5 });
    const page = (await request(testApp.app).get(`/campaigns/credit-scores?lang=${lang}`).expect(200)).text;
    expect(page).toContain('class="effect-sentences"');
    expect(page).not.toMatch(awkward);
    expect(page).not.toContain('p (Holm)');
  });
});
