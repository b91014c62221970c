/** /my-donation: withdraw one optional purpose with the receipt in the body and the CSRF token. */
import request from 'supertest';
import { buildTestApp, type TestApp } from '../../helpers/test-app';
import { hiddenValue } from '../../helpers/donor-pages';

describe('withdrawing one purpose on /my-donation', () => {
  let testApp: TestApp;
  let agent: ReturnType<typeof request.agent>;
  let csrfToken: string;
  let receipt: string;

  beforeEach(async () => {
    testApp = await buildTestApp();
    agent = request.agent(testApp.app);
    csrfToken = hiddenValue((await agent.get('/my-donation').expect(200)).text, '_csrf');
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    const record = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
    receipt = (await testApp.dependencies.donations.donate(campaign, { consent: { version: campaign.consent.version, purposes: ['research', 'ngo-sharing'] }, records: [record], locale: 'en' })).receipt.receipt;
  });

  const post = (path: string, fields: Record<string, string>) => agent.post(path).type('form').send({ _csrf: csrfToken, ...fields });
  const purposes = async () => (await testApp.dependencies.donations.findByReceipt(receipt))!.consent.purposes;

  test('when the donation is shown, then it offers a button for each optional purpose it still holds, never for research', async () => {
    const page = (await post('/my-donation', { receipt, action: 'view' }).expect(200)).text;
    expect(page).toContain('<button type="submit" name="purpose" value="ngo-sharing" class="button button-secondary">Withdraw: Sharing with NGOs (optional)</button>');
    expect(page).not.toContain('name="purpose" value="research"');
    expect(page).not.toContain('name="purpose" value="collective-action"');
  });

  test.each([
    ['en', 'From now on your records are no longer used for: Sharing with NGOs (optional). The rest of your donation stays.'],
    ['de', 'Ab jetzt werden Ihre Daten nicht mehr genutzt für: Weitergabe an Organisationen (freiwillig). Der Rest Ihrer Spende bleibt.'],
    ['fr', 'Désormais, vos données ne servent plus à : Partage avec des associations (facultatif). Le reste de votre don est conservé.'],
  ])('when ngo-sharing is withdrawn in %s, then the page says so plainly and the donation keeps research only', async (lang, sentence) => {
    const page = (await post('/my-donation/purposes/withdraw', { receipt, purpose: 'ngo-sharing', lang }).expect(200)).text;
    expect(page).toContain(sentence.replace(/'/g, '&#39;'));
    expect(await purposes()).toEqual(['research']);
    const again = (await post('/my-donation', { receipt, action: 'view', lang: 'en' }).expect(200)).text;
    expect(again).toContain('You have no optional purpose left to withdraw. To withdraw everything, delete the donation.');
  });

  test('when research is posted for withdrawal, then a 409 page says to delete the whole donation and offers it, and nothing changes', async () => {
    const page = (await post('/my-donation/purposes/withdraw', { receipt, purpose: 'research' }).expect(409)).text;
    expect(page).toContain('This purpose is needed for every donation. To withdraw it, delete the whole donation.');
    expect(page).toContain('action="/my-donation/delete"');
    expect(await purposes()).toEqual(['ngo-sharing', 'research']);
  });

  test('when the CSRF token is missing or the receipt is unknown, then nothing is withdrawn', async () => {
    await agent.post('/my-donation/purposes/withdraw').type('form').send({ receipt, purpose: 'ngo-sharing' }).set('Accept', 'text/html').expect(403);
    await post('/my-donation/purposes/withdraw', { receipt: 'AAAA-BBBB', purpose: 'ngo-sharing' }).expect(404);
    await post('/my-donation/purposes/withdraw', { receipt }).set('Accept', 'text/html').expect(400);
    expect(await purposes()).toEqual(['ngo-sharing', 'research']);
  });
});
