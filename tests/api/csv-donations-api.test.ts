/** Donations as CSV files (multipart), and the campaign's CSV template. */
import iconv from 'iconv-lite';
import request from 'supertest';
import { buildTestApp, storedCounts, type TestApp } from '../helpers/test-app';
import { exampleRecord, fetchCampaign, type PublicCampaign } from '../helpers/donation-body';
import { readCampaignCsv } from '../../src/csv/read-campaign-csv';
import { MAX_LISTED_ROW_ISSUES } from '../../src/http/api/multipart-donation';
import { CSV_MAX_FIELDS } from '../../src/http/middleware/csv-upload';

describe('CSV donations API', () => {
  let testApp: TestApp;
  let campaign: PublicCampaign;
  const url = '/api/v1/campaigns/platform-decisions/donations';

  beforeEach(async () => {
    testApp = await buildTestApp();
    campaign = await fetchCampaign(testApp.app, 'platform-decisions');
  });

  const columns = () => campaign.schema.fields.map((field) => field.name);
  /** `rows` jobs, each the example record with its own pay, as CSV text. */
  function jobsCsv(rows: number, options: { separator?: string; change?: (index: number, cells: string[]) => void } = {}): string {
    const separator = options.separator ?? ',';
    const example = exampleRecord(campaign);
    const lines = Array.from({ length: rows }, (_unused, index) => {
      const cells = columns().map((name) => (name === 'pay_cents' ? String(100 + index) : String(example[name])));
      options.change?.(index, cells);
      return cells.join(separator);
    });
    return `${columns().join(separator)}\r\n${lines.join('\r\n')}\r\n`;
  }
  const post = (file: Buffer | string, fields: Record<string, string | string[]> = { consentVersion: campaign.consent.version, purposes: 'research' }) => {
    const call = request(testApp.app).post(url);
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) call.field(name, item);
    return call.attach('records', Buffer.isBuffer(file) ? file : Buffer.from(file), 'jobs.csv');
  };
  const expectNothingStored = async () => expect(await storedCounts(testApp.store)).toEqual({ donations: 0, records: 0, idempotencyKeys: 0 });
  const payColumn = () => columns().indexOf('pay_cents');

  test('when a 200-row CSV is donated, then it is accepted and the donor reads back the same 200 records', async () => {
    const response = await post(jobsCsv(200)).expect(201);
    expect(response.body.records).toBe(200);
    const json = await request(testApp.app).get('/api/v1/donations/me').set('Authorization', `Bearer ${response.body.receipt}`).expect(200);
    expect(json.body.donation.records).toHaveLength(200);
    expect(json.body.donation.records[199]).toEqual({ ...exampleRecord(campaign), pay_cents: 299 });
    const csv = await request(testApp.app).get('/api/v1/donations/me?format=csv').set('Authorization', `Bearer ${response.body.receipt}`).expect(200);
    expect(csv.text.replace(/\r\n$/, '').split('\r\n')).toHaveLength(201);
    // For a spreadsheet: a byte-order mark; an English donation keeps "," and ".".
    expect(csv.text).toBe(`\ufeff${jobsCsv(200)}`);
  });

  test('when one row has a bad value, then the file is refused naming that row and field, and nothing is stored', async () => {
    const file = jobsCsv(50, { change: (index, cells) => { if (index === 6) cells[payColumn()] = 'twelve'; } });
    const response = await post(file).expect(400);
    expect(response.body.error.code).toBe('invalid_csv');
    expect(response.body.error.message).toMatch(/^1 row has a problem, so nothing was saved\. Row 8, column "pay_cents": /);
    expect(response.body.error.issues).toEqual([{ path: ['records', 6, 'pay_cents'], row: 8, message: expect.stringContaining('Row 8') }]);
    await expectNothingStored();
  });

  test('when several rows are bad, then the message counts the rows and names the first problems, and every problem is listed', async () => {
    const file = jobsCsv(20, { change: (index, cells) => { if ([2, 9, 14].includes(index)) cells[payColumn()] = '-5'; } });
    const response = await post(file).expect(400);
    expect(response.body.error.message).toMatch(/^3 rows have a problem, so nothing was saved\. Row 4, column "pay_cents": .* Row 11, column "pay_cents": .* Row 16, column "pay_cents": /);
    expect(response.body.error.issues.map((issue: { row: number }) => issue.row)).toEqual([4, 11, 16]);
    await expectNothingStored();
  });

  test('when more rows are bad than one answer lists, then the list stops at MAX_LISTED_ROW_ISSUES and the message says so', async () => {
    const file = jobsCsv(150, { change: (_index, cells) => { cells[payColumn()] = 'x'; } });
    const response = await post(file).expect(400);
    expect(response.body.error.message).toMatch(/^150 rows have a problem, so nothing was saved\./);
    expect(response.body.error.message).toContain(`The first ${MAX_LISTED_ROW_ISSUES} of 150 problems are listed.`);
    expect(response.body.error.issues).toHaveLength(MAX_LISTED_ROW_ISSUES);
    expect(response.body.error.issues[MAX_LISTED_ROW_ISSUES - 1]).toMatchObject({ path: ['records', MAX_LISTED_ROW_ISSUES - 1, 'pay_cents'], row: MAX_LISTED_ROW_ISSUES + 1 });
    await expectNothingStored();
  });

  test('when a Windows-1252 file has an umlaut in the header, then the answer quotes it as written, not garbled', async () => {
    const file = jobsCsv(2, { separator: ';' }).replace('city', 'Größe');
    const response = await post(iconv.encode(file, 'win1252')).expect(400);
    expect(response.body.error.message).toContain('Unknown column "Größe"');
    expect(response.body.error.issues).toContainEqual({ path: ['records', 'header', columns().indexOf('city') + 1], message: 'Unknown column "Größe"' });
    await expectNothingStored();
  });

  test('when the bytes are garbage, then the answer is a 4xx saying it is not a CSV text file', async () => {
    const garbage = Buffer.from(Array.from({ length: 2048 }, (_unused, index) => (index * 131 + 7) % 256));
    const response = await post(garbage).expect(400);
    expect(response.body.error.message).toMatch(/not a CSV text file/);
    await expectNothingStored();
  });

  test('when the header has an unknown column, then the answer names it', async () => {
    const response = await post(jobsCsv(3).replace('pay_cents', 'salary')).expect(400);
    expect(response.body.error.message).toContain('Unknown column "salary"');
    expect(response.body.error.issues).toContainEqual({ path: ['records', 'header', payColumn() + 1], message: 'Unknown column "salary"' });
    await expectNothingStored();
  });

  test('when the file is Windows-1252 with semicolons and decimal commas, then it is read correctly', async () => {
    const text = jobsCsv(5, { separator: ';', change: (_index, cells) => { cells[columns().indexOf('rating')] = '4,5'; } });
    const response = await post(iconv.encode(text, 'win1252')).expect(201);
    const json = await request(testApp.app).get('/api/v1/donations/me').set('Authorization', `Bearer ${response.body.receipt}`).expect(200);
    expect(json.body.donation.records[0].rating).toBe(4.5);
  });

  test('when the file is UTF-8 with a byte-order mark, then the first column is still recognised', async () => {
    await post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jobsCsv(2))])).expect(201);
  });

  test('when the file has more rows than a donation may hold, then it is a 413 with a clear message', async () => {
    const response = await post(jobsCsv(5_001)).expect(413);
    expect(response.body.error.message).toBe('The file has 5001 records; one donation holds at most 5000. Split it into several files.');
    await expectNothingStored();
  });

  test('when the file is larger than the size limit, then it is a 413 naming the limit', async () => {
    const response = await post(Buffer.alloc(6 * 1024 * 1024, 'a')).expect(413);
    expect(response.body.error).toMatchObject({ code: 'file_too_large', message: expect.stringContaining('5 MB') });
    await expectNothingStored();
  });

  test('when the consent version or the required purpose is missing, then it is refused like JSON and nothing is stored', async () => {
    const missing = await post(jobsCsv(2), { purposes: 'research' }).expect(400);
    expect(missing.body.error.issues[0].path).toEqual(['consentVersion']);
    const outdated = await post(jobsCsv(2), { consentVersion: 'old', purposes: 'research' }).expect(422);
    expect(outdated.body.error.code).toBe('consent_outdated');
    const noResearch = await post(jobsCsv(2), { consentVersion: campaign.consent.version, purposes: 'ngo-sharing' }).expect(422);
    expect(noResearch.body.error.code).toBe('consent_required');
    await expectNothingStored();
  });

  test('when purposes come repeated or comma-separated, then both are read', async () => {
    const repeated = await post(jobsCsv(1), { consentVersion: campaign.consent.version, purposes: ['research', 'ngo-sharing'] }).expect(201);
    const commas = await post(jobsCsv(1), { consentVersion: campaign.consent.version, purposes: 'research, ngo-sharing' }).expect(201);
    for (const receipt of [repeated.body.receipt, commas.body.receipt]) {
      const json = await request(testApp.app).get('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`);
      expect(json.body.donation.consent.purposes).toEqual(['ngo-sharing', 'research']);
    }
  });

  test('when the file is missing, sent under another name, or an unknown field comes along, then each is named', async () => {
    const noFile = await request(testApp.app).post(url).field('consentVersion', campaign.consent.version).field('purposes', 'research').expect(400);
    expect(noFile.body.error.issues[0].path).toEqual(['records']);
    const otherName = await request(testApp.app).post(url).field('consentVersion', campaign.consent.version).attach('data', Buffer.from(jobsCsv(1)), 'x.csv').expect(400);
    expect(otherName.body.error.message).toContain('"records"');
    const extra = await post(jobsCsv(1), { consentVersion: campaign.consent.version, purposes: 'research', name: 'Erika' }).expect(400);
    expect(extra.body.error.issues).toContainEqual({ path: ['name'], message: 'Unknown field: remove it' });
    await expectNothingStored();
  });

  test('when the form has too many fields or a second file, then it is a 4xx naming the limit, and nothing is stored', async () => {
    const crowded = request(testApp.app).post(url);
    for (let index = 0; index <= CSV_MAX_FIELDS; index += 1) crowded.field(`field${index}`, 'x');
    const tooMany = await crowded.attach('records', Buffer.from(jobsCsv(1)), 'jobs.csv').expect(413);
    expect(tooMany.body.error).toMatchObject({ code: 'too_many_fields', message: expect.stringContaining(`at most ${CSV_MAX_FIELDS}`) });
    const twoFiles = await post(jobsCsv(1)).attach('records', Buffer.from(jobsCsv(1)), 'more.csv').expect(400);
    expect(twoFiles.body.error).toMatchObject({ code: 'unexpected_file', message: 'Send one CSV file, in the field "records".' });
    await expectNothingStored();
  });

  test('when a CSV donation is retried with the same Idempotency-Key, then the first answer comes back', async () => {
    const file = jobsCsv(3);
    const first = await post(file).set('Idempotency-Key', '0b6e4d2c-9a8f-4e1d-b3c5-7f9a1e2d4c6b').expect(201);
    const second = await post(file).set('Idempotency-Key', '0b6e4d2c-9a8f-4e1d-b3c5-7f9a1e2d4c6b').expect(201);
    expect(second.body).toEqual(first.body);
    expect((await storedCounts(testApp.store)).donations).toBe(1);
  });

  test('when the body is neither JSON nor multipart, then it is a 415 naming both', async () => {
    const response = await request(testApp.app).post(url).set('Content-Type', 'text/csv').send(jobsCsv(1)).expect(415);
    expect(response.body.error.message).toContain('multipart/form-data');
  });

  test('when a multipart body is cut off, then it is a 400, not a 500', async () => {
    const response = await request(testApp.app).post(url).set('Content-Type', 'multipart/form-data; boundary=xyz').send('--xyz\r\nContent-Disposition: form-data; name="consentVersion"\r\n\r\n1').expect(400);
    expect(response.body.error.code).toBe('invalid_multipart');
  });

  test.each(['credit-scores', 'platform-decisions'])('when the %s template is downloaded, then it has every field and one example row the upload accepts', async (slug) => {
    const response = await request(testApp.app).get(`/campaigns/${slug}/template.csv`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${slug}-template.csv"`);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const dictionary = testApp.dependencies.campaigns.get(slug)!;
    const csv = readCampaignCsv(dictionary, bytes);
    expect(csv.columns.map((field) => field.name)).toEqual(dictionary.schema.fields.map((field) => field.name));
    expect(csv.issues).toEqual([]);
    expect(csv.records).toEqual([Object.fromEntries(dictionary.schema.fields.map((field) => [field.name, field.example]))]);
  });

  test.each([
    ['credit-scores', 'de', ';', 'Monat der Auskunft'],
    ['platform-decisions', 'fr', ';', 'Plateforme'],
    ['platform-decisions', 'en', ',', 'Platform'],
  ])('when the %s template is downloaded in %s with labels, then it speaks with titles and labels, and the upload reads it back to the same record', async (slug, lang, delimiter, firstTitle) => {
    const response = await request(testApp.app).get(`/campaigns/${slug}/template.csv?lang=${lang}&labels=true`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const bytes = response.body as Buffer;
    const text = bytes.toString('utf8');
    expect(text.slice(1).startsWith(`${firstTitle}${delimiter}`)).toBe(true);
    const dictionary = testApp.dependencies.campaigns.get(slug)!;
    const csv = readCampaignCsv(dictionary, bytes);
    expect(csv.delimiter).toBe(delimiter);
    expect(csv.issues).toEqual([]);
    expect(csv.records).toEqual([Object.fromEntries(dictionary.schema.fields.map((field) => [field.name, field.example]))]);
  });

  test('when the column guide is opened in German, then every column is listed with its meaning and each accepted value with its label', async () => {
    const page = (await request(testApp.app).get('/campaigns/platform-decisions/columns?lang=de').expect(200)).text;
    const dictionary = testApp.dependencies.campaigns.get('platform-decisions')!;
    expect(page).toContain('<html lang="de">');
    for (const field of dictionary.schema.fields) {
      expect(page).toContain(`id="column-${field.name}"`);
      expect(page).toContain(`<code>${field.name}</code>`);
      for (const value of field.constraints.enum ?? []) expect(page).toContain(`<tr><td><code>${value}</code></td><td>${field.translations.de.enumLabels![value]}</td></tr>`);
    }
    expect(page).toContain('06/2025');
  });

  test('when a client reads the OpenAPI document, then the donation route takes multipart with a CSV file, and 413/415 and row numbers are described', async () => {
    const openApi = (await request(testApp.app).get('/api/v1/openapi.json').expect(200)).body;
    const multipart = openApi.paths['/api/v1/campaigns/platform-decisions/donations'].post.requestBody.content['multipart/form-data'];
    expect(multipart.schema.required).toEqual(['consentVersion', 'purposes', 'records']);
    expect(multipart.schema.properties.records.format).toBe('binary');
    const donate = openApi.paths['/api/v1/campaigns/platform-decisions/donations'].post;
    expect(Object.keys(donate.responses)).toEqual(expect.arrayContaining(['201', '400', '413', '415', '422']));
    expect(donate.description).toContain('spreadsheet `row`');
  });

  test('when the template of an unknown campaign is asked for, then it is a 404', async () => {
    await request(testApp.app).get('/campaigns/nope/template.csv').expect(404);
  });
});
