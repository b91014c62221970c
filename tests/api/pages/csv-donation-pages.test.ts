/** The CSV donation pages without JavaScript: upload, review with row removal, confirm. */
import request from 'supertest';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { CSV_MAX_FILE_BYTES } from '../../../src/csv/csv-limits';
import { buildTestApp, storedCounts, type TestApp } from '../../helpers/test-app';
import { hiddenValue } from '../../helpers/donor-pages';

const campaign = loadCampaigns().get('platform-decisions')!;
const columns = campaign.schema.fields.map((field) => field.name);

function jobsCsv(pays: string[]): string {
  const rows = pays.map((pay) => campaign.schema.fields.map((field) => (field.name === 'pay_cents' ? pay : String(field.example))).join(';'));
  return `${columns.join(';')}\n${rows.join('\n')}\n`;
}

describe('CSV donation pages', () => {
  let testApp: TestApp;
  let agent: ReturnType<typeof request.agent>;
  let csrfToken: string;
  const path = '/campaigns/platform-decisions/donate';
  const formPath = `${path}/csv`;

  beforeEach(async () => {
    testApp = await buildTestApp();
    agent = request.agent(testApp.app);
    const form = await agent.get(`${formPath}?lang=en`).expect(200);
    csrfToken = hiddenValue(form.text, '_csrf');
  });

  const upload = (file: string | undefined, fields: Record<string, string | string[]> = {}) => {
    const call = agent.post(path).field('_csrf', csrfToken).field('consent_version', campaign.consent.version);
    for (const [name, value] of Object.entries({ purposes: 'research', action: 'review', lang: 'en', ...fields })) for (const item of [value].flat()) call.field(name, item);
    return file === undefined ? call : call.attach('records', Buffer.from(file), 'jobs.csv');
  };

  test('when the CSV campaign form is opened, then it offers the file, the template and the preview script, with no inline code', async () => {
    const page = (await agent.get(formPath).expect(200)).text;
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('type="file" id="records" name="records"');
    expect(page).toContain('href="/campaigns/platform-decisions/template.csv?lang=en&amp;labels=true"');
    expect(page).toContain('href="/campaigns/platform-decisions/columns"');
    expect(page).toContain('<script src="/static/build/donate-csv.js" defer></script>');
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\sstyle=/i);
    expect(page).toContain('data-campaign="{&quot;slug&quot;:&quot;platform-decisions&quot;');
  });

  test('when a file with one bad row is uploaded, then the review marks that row with its number and reason and offers no donation', async () => {
    const response = await upload(jobsCsv(['1200', '1300', 'lots', '1500'])).expect(400);
    expect(response.text).toContain('Check your rows before you send');
    expect(response.text).toContain('1 row needs attention');
    expect(response.text).toContain('<a href="#row-4">Row 4, column “Pay in cents”: Please enter a number from 0 to 100000.</a>');
    // The problem row comes first in the table.
    expect(response.text.indexOf('id="row-4"')).toBeLessThan(response.text.indexOf('id="row-2"'));
    expect(response.text).toContain('Row 4: Please enter a number from 0 to 100000.');
    expect(response.text).toMatch(/<input type="checkbox" name="remove" value="2" id="remove-2" checked>/);
    expect(response.text).not.toContain('value="confirm"');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  test('when the bad row is removed and the donor confirms, then exactly the good rows are donated', async () => {
    const review = await upload(jobsCsv(['1200', '1300', 'lots', '1500'])).expect(400);
    const removed = await upload(undefined, { records_csv: hiddenValue(review.text, 'records_csv'), remove: '2', action: 'remove' }).expect(200);
    expect(removed.text).toContain('All rows are fine.');
    expect(removed.text).toContain('Rows to send: 3');
    const confirm = { records_csv: hiddenValue(removed.text, 'records_csv'), idempotency_key: hiddenValue(removed.text, 'idempotency_key'), action: 'confirm' };
    const receipt = await upload(undefined, confirm).expect(201);
    expect(receipt.text).toContain('id="receipt-code"');
    await upload(undefined, confirm).expect(201);
    expect((await storedCounts(testApp.store))).toMatchObject({ donations: 1, records: 3 });
    const pays = (testApp.db.prepare('SELECT data FROM records ORDER BY position').all() as Array<{ data: string }>).map((row) => JSON.parse(row.data).pay_cents);
    expect(pays).toEqual([1200, 1300, 1500]);
  });

  test('when the language is switched on the CSV review, then the same rows come back in that language and nothing is donated', async () => {
    const review = await upload(jobsCsv(['1200', '1300', 'lots'])).expect(400);
    expect(review.text).toContain('form="csv-review-form" name="switch_lang" value="fr"');
    const rows = hiddenValue(review.text, 'records_csv');
    const french = await upload(undefined, { records_csv: rows, step: 'review', switch_lang: 'fr', idempotency_key: hiddenValue(review.text, 'idempotency_key') }).expect(400);
    expect(french.text).toContain('<html lang="fr">');
    expect(french.text).toContain('Ligne 4, colonne « Paiement en centimes »'.slice(0, 18));
    expect(hiddenValue(french.text, 'records_csv')).toBe(rows);
    expect(String(french.headers['set-cookie'])).toContain('lang=fr');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  test('when the hidden rows are tampered with before confirming, then they are checked again and nothing bad is stored', async () => {
    const response = await upload(undefined, { records_csv: jobsCsv(['1200', '-5']), idempotency_key: 'tampered-key-1', action: 'confirm' }).expect(400);
    expect(response.text).toContain('Row 3: Please enter a number from 0 to 100000.');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  test('when the header has an unknown column, then the form comes back naming it, in the donor\'s language', async () => {
    const response = await upload(jobsCsv(['1200']).replace('pay_cents', 'lohn'), { lang: 'de' }).expect(400);
    expect(response.text).toContain('<html lang="de">');
    expect(response.text).toContain('Die Spaltennamen in der ersten Zeile passen nicht zur Vorlage. Nicht in der Vorlage: lohn.');
    expect(response.text).toContain('type="file"');
  });

  test('when no file is chosen or the file is not text, then the form says so', async () => {
    expect((await upload(undefined).expect(400)).text).toContain('Please choose a CSV file.');
    const binary = String.fromCharCode(...Array.from({ length: 600 }, (_unused, index) => index % 32));
    expect((await upload(binary).expect(400)).text).toContain('This is not a CSV text file.');
  });

  test('when research is not ticked, then the form asks for it and keeps the file', async () => {
    const response = await upload(jobsCsv(['1200', '1300']), { purposes: 'ngo-sharing' }).expect(400);
    expect(response.text).toContain('id="error-purposes"');
    expect(response.text).toContain('Your file with 2 rows is kept.');
    expect(hiddenValue(response.text, 'records_csv')).toContain('1300');
  });

  test('when the file has more rows than one donation may hold, then the form comes back with a 413 naming both numbers', async () => {
    const pays = Array.from({ length: campaign.maxRecords + 1 }, () => '1200');
    const response = await upload(jobsCsv(pays)).expect(413);
    expect(response.text).toContain(`The file has ${campaign.maxRecords + 1} rows. One donation can hold at most ${campaign.maxRecords}.`);
    expect(response.text).toContain('type="file" id="records" name="records"');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  test('when the file is over the size limit, then the form comes back with a 413 asking to split it, in the donor\'s language', async () => {
    const tooBig = jobsCsv(['1200']) + 'x'.repeat(CSV_MAX_FILE_BYTES);
    const response = await agent.post(path).field('lang', 'de').field('_csrf', csrfToken).field('consent_version', campaign.consent.version).field('purposes', 'research').attach('records', Buffer.from(tooBig), 'jobs.csv').expect(413);
    expect(response.text).toContain('Die Datei ist zu groß. Bitte teilen Sie sie auf mehrere Dateien auf.');
    expect(response.text).toContain('type="file" id="records" name="records"');
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  test('when the CSV form is posted without its CSRF token, then it is refused with 403', async () => {
    await agent.post(path).field('consent_version', campaign.consent.version).field('purposes', 'research').attach('records', Buffer.from(jobsCsv(['1'])), 'jobs.csv').set('Accept', 'text/html').expect(403);
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });
});
