import request from 'supertest';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { buildTestApp, storedCounts, type TestApp } from '../../helpers/test-app';
import { hiddenValue, receiptIn, filledForm } from '../../helpers/donor-pages';

const campaign = loadCampaigns().get('credit-scores')!;

describe('donor pages', () => {
  let testApp: TestApp;
  let agent: ReturnType<typeof request.agent>;
  let csrfToken: string;

  beforeEach(async () => {
    testApp = await buildTestApp();
    agent = request.agent(testApp.app);
    const form = await agent.get('/campaigns/credit-scores/donate').expect(200);
    csrfToken = hiddenValue(form.text, '_csrf');
  });

  const post = (path: string, fields: Record<string, string | string[]>) => agent.post(path).type('form').send({ _csrf: csrfToken, ...fields });

  test.each([
    ['de', 'Spenden: Bonitäts-Scores'],
    ['fr', 'Donner : Scores de crédit'],
    ['en', 'Donate: Credit scores'],
  ])('when the browser prefers %s, then the form is in that language', async (locale, heading) => {
    const response = await request(testApp.app).get('/campaigns/credit-scores/donate').set('Accept-Language', `${locale};q=0.9`).expect(200);
    expect(response.text).toContain(`<html lang="${locale}">`);
    expect(response.text).toContain(heading);
  });

  test('when ?lang=fr is chosen, then the page is French and the choice is remembered', async () => {
    const chosen = await agent.get('/?lang=fr').set('Accept-Language', 'de').expect(200);
    expect(chosen.text).toContain('<html lang="fr">');
    const next = await agent.get('/my-donation').set('Accept-Language', 'de').expect(200);
    expect(next.text).toContain('<html lang="fr">');
  });

  test('when the form is rendered, then every field has a label and a hint tied to it', async () => {
    const page = (await request(testApp.app).get('/campaigns/credit-scores/donate')).text;
    for (const field of campaign.schema.fields) {
      expect(page).toMatch(new RegExp(`(<label for="field-${field.name}">|<input type="radio" id="field-${field.name}")`));
      expect(page).toContain(`id="hint-${field.name}"`);
    }
    expect(page).toContain(`name="consent_version" value="${campaign.consent.version}"`);
  });

  test('when any page is rendered, then it has no inline script or style and is not cached', async () => {
    for (const path of ['/', '/campaigns/credit-scores', '/campaigns/platform-decisions/donate', '/my-donation', '/missing']) {
      const response = await request(testApp.app).get(path).set('Accept', 'text/html');
      expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style|\son[a-z]+=/i);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    }
  });

  test('when a form is posted without its CSRF token, then it is refused with 403 and nothing is stored', async () => {
    const { _csrf: _ignored, ...withoutToken } = { _csrf: '', ...filledForm(campaign), action: 'confirm', idempotency_key: 'a1b2c3d4e5f6' };
    const response = await agent.post('/campaigns/credit-scores/donate').type('form').send(withoutToken).set('Accept', 'text/html').expect(403);
    expect(response.text).toContain('This form has expired');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
    await request(testApp.app).post('/my-donation').type('form').send({ receipt: 'x' }).expect(403);
  });

  test('when a required answer is missing, then the form comes back with 400, the values kept and an error summary naming the field', async () => {
    const fields = filledForm(campaign);
    delete fields['record.bureau'];
    const response = await post('/campaigns/credit-scores/donate', { ...fields, 'record.score_value': '97,5', action: 'review' }).expect(400);
    expect(response.text).toContain('class="error-summary"');
    expect(response.text).toContain('<a href="#field-bureau">Credit bureau: Please choose one of the options.</a>');
    expect(response.text).toContain('value="97,5"');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  test('when an answer is given but wrong, then the message says what is expected, not that it is missing', async () => {
    const response = await post('/campaigns/credit-scores/donate', { ...filledForm(campaign), 'record.score_value': '10001', 'record.loans': '1,5', action: 'review' }).expect(400);
    expect(response.text).toContain('Please enter a number from 0 to 10000.');
    expect(response.text).toContain('Please enter a whole number.');
    expect(response.text).not.toContain('Score: Please answer this question.');
  });

  test('when a donor asks /my-donation for the evidence pack, then it comes with the CSRF token only, in the chosen format', async () => {
    const donated = await testApp.dependencies.donations.donate(campaign, { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]))], locale: 'en' });
    const page = await post('/my-donation', { receipt: donated.receipt.receipt, action: 'view' }).expect(200);
    expect(page.text).toContain('action="/my-donation/evidence"');
    const json = await post('/my-donation/evidence', { receipt: donated.receipt.receipt, format: 'json', controller: 'schufa', country: 'at' }).expect(200);
    expect(json.headers['content-disposition']).toMatch(/attachment; filename="crowdaudit-evidence-[0-9a-f]{8}\.json"/);
    expect(Object.keys(JSON.parse(json.text))).toEqual(['summary', 'donation', 'peers', 'prediction', 'effects', 'caveats', 'letters', 'help', 'manifest']);
    await post('/my-donation/evidence', { receipt: donated.receipt.receipt, format: 'docx' }).expect(400);
    await agent.post('/my-donation/evidence').type('form').send({ receipt: donated.receipt.receipt, format: 'pdf' }).set('Accept', 'text/html').expect(403);
    await post('/my-donation/evidence', { receipt: 'AAAA-BBBB', format: 'pdf' }).expect(404);
  });

  test('when research is not ticked, then the consent checkboxes are marked with an error', async () => {
    const response = await post('/campaigns/credit-scores/donate', { ...filledForm(campaign), purposes: 'ngo-sharing', action: 'review' }).expect(400);
    expect(response.text).toContain('id="error-purposes"');
    expect(response.text).toContain('<a href="#purpose-0">');
  });

  test('when the consent version on the form is old, then the form is shown again with the current text', async () => {
    const response = await post('/campaigns/credit-scores/donate', { ...filledForm(campaign), consent_version: '1999-01-01', action: 'confirm' }).expect(409);
    expect(response.text).toContain('The consent text has changed');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  test('when the answers are valid, then review shows them, and confirming twice with its key donates once', async () => {
    const review = await post('/campaigns/credit-scores/donate', { ...filledForm(campaign), 'record.score_value': '97,5', action: 'review' }).expect(200);
    expect(review.text).toContain('Check before you send');
    expect(review.text).toContain('97.5');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
    const key = hiddenValue(review.text, 'idempotency_key');
    const confirm = { ...filledForm(campaign), 'record.score_value': '97,5', action: 'confirm', idempotency_key: key };
    const first = await post('/campaigns/credit-scores/donate', confirm).expect(201);
    const second = await post('/campaigns/credit-scores/donate', confirm).expect(201);
    const receiptOf = receiptIn;
    expect(receiptOf(second.text)).toBe(receiptOf(first.text));
    expect((await storedCounts(testApp.store)).donations).toBe(1);
    expect(first.headers['cache-control']).toBe('no-store');
  });

  test('when the donor uses /my-donation, then they can view, download and delete with confirmation', async () => {
    const outcome = await post('/campaigns/credit-scores/donate', { ...filledForm(campaign), action: 'confirm', idempotency_key: '4a7c1e9b-2d5f-4b8a-9c3e-6f1d0a2b5e7c' }).expect(201);
    const receipt = receiptIn(outcome.text);

    const file = await post('/receipt.txt', { receipt, campaign: 'credit-scores' }).expect(200);
    expect(file.headers['content-disposition']).toContain('crowdaudit-receipt.txt');
    expect(file.text).toContain(receipt);

    const view = await post('/my-donation', { receipt: receipt.toLowerCase(), action: 'view' }).expect(200);
    expect(view.text).toContain('Your donation');
    const json = await post('/my-donation/download', { receipt, format: 'json' }).expect(200);
    expect(JSON.parse(json.text).donation.campaign).toBe('credit-scores');
    const csv = await post('/my-donation/download', { receipt, format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    await post('/my-donation/download', { receipt, format: 'xml' }).set('Accept', 'text/html').expect(400);

    const confirmPage = await post('/my-donation/delete', { receipt }).expect(200);
    expect(confirmPage.text).toContain('Delete your donation for good?');
    expect((await storedCounts(testApp.store)).donations).toBe(1);
    const deleted = await post('/my-donation/delete', { receipt, confirm: 'yes' }).expect(200);
    expect(deleted.text).toContain('Your donation is deleted');
    expect((await storedCounts(testApp.store))).toEqual({ donations: 0, records: 0, idempotencyKeys: 0 });
    const gone = await post('/my-donation', { receipt, action: 'view' }).expect(404);
    expect(gone.text).toContain('We found no donation with this code');
  });

  test('when an unknown campaign page is asked, then a 404 page comes back in the donor language', async () => {
    const response = await request(testApp.app).get('/campaigns/nope').set('Accept', 'text/html').set('Accept-Language', 'de').expect(404);
    expect(response.text).toContain('Seite nicht gefunden');
  });
});
