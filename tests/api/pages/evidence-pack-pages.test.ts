/** The evidence pack where donors need it: on the receipt page and on /my-donation, with details for the letters that are never stored. */
import request from 'supertest';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { buildTestApp, type TestApp } from '../../helpers/test-app';
import { hiddenValue, receiptIn } from '../../helpers/donor-pages';

const credit = loadCampaigns().get('credit-scores')!;
const platform = loadCampaigns().get('platform-decisions')!;

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('evidence pack on the donor pages', () => {
  let testApp: TestApp;
  let agent: ReturnType<typeof request.agent>;
  let csrfToken: string;

  beforeEach(async () => {
    testApp = await buildTestApp();
    agent = request.agent(testApp.app);
    csrfToken = hiddenValue((await agent.get('/campaigns/credit-scores/donate').expect(200)).text, '_csrf');
  });

  const post = (path: string, fields: Record<string, string>) => agent.post(path).type('form').send({ _csrf: csrfToken, ...fields });

  test('when a donation is confirmed, then the receipt page offers the pack in one click, with the receipt only in the POST body, and the click gives a PDF', async () => {
    const form: Record<string, string> = { consent_version: credit.consent.version, purposes: 'research', action: 'confirm', idempotency_key: '0c6f1d2e-6a0b-4f3e-9d7c-2b1a0e9f8d7c' };
    for (const field of credit.schema.fields.filter((candidate) => candidate.constraints.required)) {
      form[`record.${field.name}`] = typeof field.example === 'boolean' ? (field.example ? 'yes' : 'no') : String(field.example);
    }
    const page = (await post('/campaigns/credit-scores/donate', form).expect(201)).text;
    // The code is split into one span per group (it wraps only between groups): take its text.
    const receipt = receiptIn(page);
    const packForm = /<form method="post" action="\/my-donation\/evidence">[\s\S]*?<\/form>/.exec(page)![0];
    expect(packForm).toContain(`name="receipt" value="${receipt}"`);
    expect(packForm).toContain('value="pdf"');
    expect(page).not.toMatch(new RegExp(`href="[^"]*${receipt}`));
    const pdf = await post('/my-donation/evidence', { receipt, format: 'pdf', lang: 'en' }).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Right after donating, before any release includes it, the pack still shows the donor's own donation.
    const json = JSON.parse((await post('/my-donation/evidence', { receipt, format: 'json', lang: 'en' }).expect(200)).text);
    expect(json.donation.records).toHaveLength(1);
  });

  test('when a donor fills the details for the letters, then they stand in the letters and in no byte of the database', async () => {
    const record = Object.fromEntries(platform.schema.fields.map((field) => [field.name, field.example]));
    const donated = await testApp.dependencies.donations.donate(platform, { consent: { version: platform.consent.version, purposes: ['research'] }, records: [{ ...record, platform: 'uber', decision_type: 'deactivation' }], locale: 'de' });
    const receipt = donated.receipt.receipt;
    const page = (await post('/my-donation', { receipt, action: 'view' }).expect(200)).text;
    // The pack comes before the records: a worker with 5,000 jobs finds it without paging.
    expect(page.indexOf('action="/my-donation/evidence"')).toBeLessThan(page.indexOf('<dl class="record"'));
    expect(page.indexOf('<dl class="record"')).toBeGreaterThan(0);
    expect(page).toContain('name="email"');
    const details = { name: 'Ana Quellname', address: 'Quellweg 7\n10115 Berlin', email: 'ana.quell@example.org', birthdate: '1990-04-01', account: 'Ich wurde ohne Vorwarnung gesperrt, nach 3000 Fahrten mit 4,9 Sternen.' };
    const pack = JSON.parse((await post('/my-donation/evidence', { receipt, format: 'json', lang: 'de', country: 'de', land: 'BE', ...details }).expect(200)).text);
    const access = pack.letters.find((letter: any) => letter.id === 'access');
    expect(access.recipient.name).toBe('Uber B.V.');
    expect(access.language).toBe('en');
    expect(access.channel).toEqual({ kind: 'webform', url: 'https://uber.com/privacy-dpo' });
    expect(access.text).toContain('E-mail address of my account: ana.quell@example.org');
    expect(access.text).toContain('Ana Quellname');
    expect(access.translation.language).toBe('de');
    expect(access.translation.text).toContain('E-Mail-Adresse meines Kontos: ana.quell@example.org');
    expect(access.howToSend[0]).toBe('Über das Webformular unter https://uber.com/privacy-dpo senden: Betreff und Text hineinkopieren.');
    const appeal = pack.letters.find((letter: any) => letter.id === 'deactivation-appeal');
    expect(appeal.text).toContain(details.account);
    const complaint = pack.letters.find((letter: any) => letter.id === 'complaint');
    expect(complaint.language).toBe('de');
    expect(complaint.recipient.name).toBe('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
    expect(complaint.text).toContain('Quellweg 7');
    expect(pack.summary.caution.deadline.text).toContain('drei Wochen');
    const stored = testApp.db.serialize();
    for (const value of [details.name, details.email, 'Quellweg', 'ohne Vorwarnung']) expect(stored.includes(Buffer.from(value))).toBe(false);
    await post('/my-donation/evidence', { receipt, format: 'json', land: 'XX' }).expect(400);
    // A donor in the Netherlands: the complaint goes to the Dutch authority, in English, and says so.
    const dutch = JSON.parse((await post('/my-donation/evidence', { receipt, format: 'json', lang: 'en', country: 'nl' }).expect(200)).text);
    const toDutch = dutch.letters.find((letter: any) => letter.id === 'complaint');
    expect(toDutch.recipient.name).toBe('Autoriteit Persoonsgegevens (Dutch Data Protection Authority)');
    expect(toDutch.language).toBe('en');
    expect(toDutch.howToSend).toContain('The authority works in Dutch, which crowdaudit does not write yet: this complaint is in English. Ask the authority whether it accepts English, or have it translated.');
  });
});
