import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import Papa from 'papaparse';
import { sqliteRowSource } from '../../../analysis/load-sqlite';
import { AppError } from '../../../src/app-error';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { SurveyImporter, type ImportSurveyOptions } from '../../../src/import/import-survey';
import { writeSyntheticSurveyCsv } from '../../../src/import/synthetic-survey-csv';
import { AuditLog } from '../../../src/storage/audit-log';
import { ImportRepository } from '../../../src/storage/import-repository';
import { RecordRepository } from '../../../src/storage/record-repository';
import { openDatabase } from '../../../src/storage/open-database';
import { storedCounts } from '../../helpers/test-app';
import { closeTestStores, sqliteStoreOn } from '../../helpers/test-database';

const campaign = loadCampaigns().get('platform-decisions')!;
const header = 'platform,month,decision_type,adverse,pay_cents,age_band,sex,nationality,migration_background';
const good = 'uber,2026-03,job-pay,no,1250,25-34,female,non-eu,yes';

let directory: string;
let db: Database;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-import-'));
  db = openDatabase(path.join(directory, 'crowdaudit.sqlite'));
});

afterEach(async () => {
  await closeTestStores();
  if (db.open) db.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, content);
  return file;
}

function importFile(file: string, options: Partial<ImportSurveyOptions> = {}) {
  const importer = new SurveyImporter(sqliteStoreOn(db));
  return importer.importSurvey({ campaign, file, now: () => new Date('2026-11-23T10:00:00Z'), ...options });
}

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

function storedRecords(): Array<Record<string, unknown>> {
  return [...new RecordRepository(db).iterate(campaign.slug)].map((stored) => stored.record);
}

describe('importing a survey', () => {
  test('when a file has 25 valid rows and a batch size of 10, then 3 import donations hold the 25 records in order', async () => {
    const rows = Array.from({ length: 25 }, (_, index) => `uber,2026-03,job-pay,no,${1000 + index},25-34,female,non-eu,yes`);
    const file = writeFile('survey.csv', `${header}\n${rows.join('\n')}\n`);
    const result = await importFile(file, { batchSize: 10, consentBasis: 'Art. 6(1)(a) GDPR, survey consent form v2' });
    expect(result).toMatchObject({ imported: 25, rejected: 0, batches: 3, rejectsPath: undefined, encoding: 'utf-8', delimiter: ',' });
    const donations = db.prepare('SELECT * FROM donations ORDER BY record_count DESC').all() as Array<Record<string, unknown>>;
    expect(donations.map((d) => d.record_count)).toEqual([10, 10, 5]);
    for (const donation of donations) {
      expect(donation).toMatchObject({
        source: 'import', consent_version: 'import', campaign_slug: 'platform-decisions', purposes_json: '["research"]',
        consent_basis: 'Art. 6(1)(a) GDPR, survey consent form v2', created_on: '2026-11-23',
        consent_sha256: createHash('sha256').update('Art. 6(1)(a) GDPR, survey consent form v2').digest('hex'),
      });
      // No receipt hashes to this: receipt hashes are 64 hex digits.
      expect(donation.receipt_hash).toMatch(/^import:[0-9a-f-]{36}$/);
    }
    const records = storedRecords();
    expect(records).toHaveLength(25);
    expect(records[0]).toEqual({ platform: 'uber', month: '2026-03', decision_type: 'job-pay', adverse: false, pay_cents: 1000, age_band: '25-34', sex: 'female', nationality: 'non-eu', migration_background: 'yes' });
    expect(records.map((record) => record.pay_cents)).toEqual(Array.from({ length: 25 }, (_, index) => 1000 + index));
    // Stored a batch per row: the fields and enum levels once, then each record's values in that
    // order, an enum value as its level's position.
    const batches = db.prepare('SELECT b.layout_json, b.records_json, d.content_sha256 FROM import_batches b JOIN donations d ON d.id = b.donation_id ORDER BY b.id').all() as Array<Record<string, string>>;
    expect(batches).toHaveLength(3);
    const layout = JSON.parse(batches[0].layout_json) as { fields: string[]; levels: Record<string, string[]> };
    expect(layout.fields).toEqual(['platform', 'month', 'decision_type', 'adverse', 'pay_cents', 'age_band', 'sex', 'nationality', 'migration_background']);
    expect(Object.keys(layout.levels)).toEqual(['platform', 'decision_type', 'age_band', 'sex', 'nationality', 'migration_background']);
    const at = (name: string, level: string) => layout.levels[name].indexOf(level);
    const stored = (pay: number) => `[${at('platform', 'uber')},"2026-03",${at('decision_type', 'job-pay')},false,${pay},${at('age_band', '25-34')},${at('sex', 'female')},${at('nationality', 'non-eu')},${at('migration_background', 'yes')}]`;
    expect(batches[2].records_json).toBe(`[${Array.from({ length: 5 }, (_, index) => stored(1020 + index)).join(',')}]`);
    expect(batches[2].content_sha256).toBe(createHash('sha256').update(batches[2].records_json).digest('hex'));
    const audit = db.prepare("SELECT action, campaign_slug, actor, detail_json FROM audit_log").all();
    expect(audit).toEqual([{ action: 'records.imported', campaign_slug: 'platform-decisions', actor: 'cli', detail_json: '{"records":25,"rejected":0,"batches":3}' }]);
  });

  test('when some rows are invalid, then they go to the rejects report with row number, column and reason, and the rest is imported', async () => {
    const file = writeFile('survey.csv', [
      header,
      good,
      'uber,2026-13,job-pay,no,1250,25-34,female,non-eu,yes', // row 3: bad month
      '',
      'tesla,2026-03,job-pay,maybe,1250,25-34,female,non-eu,yes', // row 5: platform and adverse
      '=HYPERLINK("x"),2026-03,job-pay,no,1250,25-34,female,non-eu,yes', // row 6: formula
      good,
    ].join('\n'));
    const result = await importFile(file);
    expect(result).toMatchObject({ imported: 2, rejected: 3, rejectsPath: rejectsOf(file) });
    expect(storedRecords()).toHaveLength(2);
    expect(fs.statSync(rejectsOf(file)).mode & 0o777).toBe(0o600);
    const report = Papa.parse<string[]>(fs.readFileSync(rejectsOf(file), 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(report[0]).toEqual(['row', 'column', 'reason', ...header.split(',')]);
    expect(report[1].slice(0, 2)).toEqual(['3', 'month']);
    expect(report[1][2]).toMatch(/YYYY-MM/);
    expect(report[1].slice(3)).toEqual('uber,2026-13,job-pay,no,1250,25-34,female,non-eu,yes'.split(','));
    expect(report[2].slice(0, 2)).toEqual(['5', 'platform, adverse']);
    expect(report[2][2]).toMatch(/yes or no/);
    expect(report[3].slice(0, 2)).toEqual(['6', 'platform']);
    // The NGO's own cell comes back, but never as a live formula.
    expect(report[3][3]).toBe('\'=HYPERLINK("x")');
  });

  test('when the last row has a stray quotation mark, then that row is rejected for it and the others are imported', async () => {
    const file = writeFile('quotes.csv', `${header}\n${good}\n${good}\nuber,"2026"-03,job-pay,no,1250,25-34,female,non-eu,yes\n`);
    const result = await importFile(file);
    expect(result).toMatchObject({ imported: 2, rejected: 1 });
    expect(fs.readFileSync(rejectsOf(file), 'utf8')).toMatch(/\r\n4,,"A quotation mark is not closed/);
  });

  test('when the header names an unknown column, then the import stops and nothing is written', async () => {
    const file = writeFile('survey.csv', `${header},salary\n${good},3000\n`);
    const error = await thrown(importFile(file));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/Unknown column "salary"/);
    expect(await storedCounts(sqliteStoreOn(db))).toEqual({ donations: 0, records: 0, idempotencyKeys: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(fs.existsSync(rejectsOf(file))).toBe(false);
  });

  test('when a required column is missing, then the import stops naming it', async () => {
    const file = writeFile('survey.csv', `platform,month\nuber,2026-03\n`);
    const error = await thrown(importFile(file));
    expect(error.message).toMatch(/Required column "decision_type" is missing/);
    expect((await storedCounts(sqliteStoreOn(db))).records).toBe(0);
  });

  test('when the file is Windows-1252 with semicolons and decimal commas, then it is read as such', async () => {
    const text = `${header};distance_km;city\n`.replace(/,/g, ';') + 'wolt;2026-04;job-pay;nein;980;35-44;male;german;no;3,5;munich\n'
      + 'wolt;2026-04;job-pay;nein;980;35-44;Männchen;german;no;3,5;munich\n';
    const result = await importFile(writeFile('umfrage.csv', iconvEncode(text)));
    expect(result).toMatchObject({ encoding: 'windows-1252', delimiter: ';', imported: 1, rejected: 1 });
    expect(storedRecords()[0]).toMatchObject({ distance_km: 3.5, adverse: false, city: 'munich', sex: 'male' });
    const report = fs.readFileSync(path.join(directory, 'umfrage.rejected.csv'), 'utf8');
    // The report is UTF-8, so the umlaut the NGO typed survives.
    expect(report).toContain('Männchen');
    expect(report.split('\r\n')[1]).toMatch(/^3;sex;/);
  });

  test('when the file is UTF-16 with a byte-order mark, then it is read', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header.replace(/,/g, '\t')}\r\n${good.replace(/,/g, '\t')}\r\n`, 'utf16le')]);
    const result = await importFile(writeFile('survey.txt', bytes));
    expect(result).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', imported: 1, rejected: 0 });
  });

  test('when a dry run is asked for, then rows are checked and the report written, but nothing stored', async () => {
    const file = writeFile('survey.csv', `${header}\n${good}\nuber,2026-03,job-pay,no,-5,25-34,female,non-eu,yes\n`);
    const result = await importFile(file, { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, imported: 1, rejected: 1, batches: 0 });
    expect((await storedCounts(sqliteStoreOn(db))).donations).toBe(0);
    expect(fs.readFileSync(rejectsOf(file), 'utf8')).toMatch(/\r\n3,pay_cents,/);
  });

  test('when the purposes leave out the required one or name an unknown one, then nothing is imported', async () => {
    const file = writeFile('survey.csv', `${header}\n${good}\n`);
    expect((await thrown(importFile(file, { purposes: ['ngo-sharing'] }))).message).toMatch(/must include research/);
    expect((await thrown(importFile(file, { purposes: ['research', 'marketing'] }))).message).toMatch(/Unknown purpose "marketing"/);
    expect((await storedCounts(sqliteStoreOn(db))).donations).toBe(0);
    await importFile(file, { purposes: ['ngo-sharing', 'research'] });
    expect(db.prepare('SELECT purposes_json FROM donations').get()).toEqual({ purposes_json: '["ngo-sharing","research"]' });
  });

  test('when the file is empty or binary, then it is refused', async () => {
    expect((await thrown(importFile(writeFile('empty.csv', '')))).message).toMatch(/empty/);
    expect((await thrown(importFile(writeFile('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]))))).message).toMatch(/not a CSV/);
  });

  test('when synthetic survey rows are imported, then each stored record is what the campaign schema makes of its row', async () => {
    const file = path.join(directory, 'synthetic.csv');
    writeSyntheticSurveyCsv(campaign, file, { rows: 2_000, seed: 7, delimiter: ';' });
    const result = await importFile(file, { batchSize: 500 });
    expect(result).toMatchObject({ imported: 2_000, rejected: 0, batches: 4, delimiter: ';' });
    const rows = Papa.parse<string[]>(fs.readFileSync(file, 'utf8'), { delimiter: ';', skipEmptyLines: true }).data;
    const names = rows[0];
    const expected = rows.slice(1).map((cells) => campaign.recordSchema.parse(campaign.coerceRecord(Object.fromEntries(names.map((name, index) => [name, cells[index]])))));
    expect(storedRecords()).toEqual(expected);
    // Each imported record is its own respondent: a donor key per record, numbered within its batch.
    const keys = [...new RecordRepository(db).iterate(campaign.slug)].map((stored) => stored.donorKey);
    expect(new Set(keys).size).toBe(2_000);
    expect(keys.slice(498, 502).map((key) => key.split('#')[1])).toEqual(['498', '499', '0', '1']);
  });

  test('when a large file is read in three parts at once, then the same records and the same rejects report come out as from one', async () => {
    const file = path.join(directory, 'parts.csv');
    writeSyntheticSurveyCsv(campaign, file, { rows: 3_000, seed: 5 });
    // Bad rows spread over the file, so that each part rejects some, numbered as in the whole file.
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    for (const row of [2, 700, 1_500, 2_999]) lines[row - 1] = lines[row - 1].replace(/^[^,]*/, 'tesla');
    fs.writeFileSync(file, lines.join('\n'));
    const single = path.join(directory, 'single.rejected.csv');
    const parallel = path.join(directory, 'parallel.rejected.csv');

    const inParts = await importFile(file, { readers: 3, minPartBytes: 32 * 1024, rejectsPath: parallel, batchSize: 250 });
    const partsRecords = storedRecords();
    db.close();
    db = openDatabase(path.join(directory, 'single.sqlite'));
    const whole = await importFile(file, { readers: 1, rejectsPath: single, batchSize: 250 });

    expect(inParts).toMatchObject({ imported: 2_996, rejected: 4, parts: 3 });
    expect(whole).toMatchObject({ imported: 2_996, rejected: 4, parts: 1 });
    const sorted = (records: Array<Record<string, unknown>>) => records.map((record) => JSON.stringify(record)).sort();
    expect(sorted(partsRecords)).toEqual(sorted(storedRecords()));
    expect(fs.readFileSync(parallel, 'utf8')).toBe(fs.readFileSync(single, 'utf8'));
    const report = Papa.parse<string[]>(fs.readFileSync(parallel, 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(report.slice(1).map((cells) => cells[0])).toEqual(['2', '700', '1500', '2999']);
    // No part's own report is left behind.
    expect(fs.readdirSync(directory).filter((name) => name.includes('.part-'))).toEqual([]);
  });

  test('when writing fails half-way, then the committed batches stay, the failing one is not stored, and the error and audit log say how many', async () => {
    const file = path.join(directory, 'failing.csv');
    writeSyntheticSurveyCsv(campaign, file, { rows: 100, seed: 9 });
    const insertBatch = ImportRepository.prototype.insertBatch;
    let calls = 0;
    jest.spyOn(ImportRepository.prototype, 'insertBatch').mockImplementation(function (this: ImportRepository, row, layoutJson, recordsJson) {
      calls += 1;
      insertBatch.call(this, row, layoutJson, recordsJson);
      if (calls === 3) throw new Error('disk I/O error');
    });
    const importer = new SurveyImporter(sqliteStoreOn(db));
    await expect(importer.importSurvey({ campaign, file, batchSize: 25 }))
      .rejects.toThrow('disk I/O error (50 records in 2 batches were imported before this error; the batch being written was not.)');
    expect(await storedCounts(sqliteStoreOn(db))).toMatchObject({ donations: 2, records: 50 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM import_batches').get()).toEqual({ n: 2 });
    expect(db.prepare('SELECT action, detail_json FROM audit_log').all()).toEqual([{ action: 'records.import-failed', detail_json: '{"records":50,"batches":2}' }]);
    expect(fs.readdirSync(directory).filter((name) => name.includes('.part-'))).toEqual([]);
  });

  test('when records are imported, then the analyses read them from the database', async () => {
    const file = path.join(directory, 'synthetic.csv');
    writeSyntheticSurveyCsv(campaign, file, { rows: 300, seed: 3 });
    db.close();
    db = openDatabase(path.join(directory, 'crowdaudit.sqlite'));
    await importFile(file);
    const source = sqliteRowSource(path.join(directory, 'crowdaudit.sqlite'), 'platform-decisions');
    let rows = 0;
    let adverse = 0;
    for await (const row of source.rows()) {
      rows += 1;
      adverse += row.adverse === 1 ? 1 : 0;
    }
    expect(rows).toBe(300);
    const stored = storedRecords().filter((record) => record.adverse === true).length;
    expect(adverse).toBe(stored);
  });
});

function rejectsOf(file: string): string {
  return file.replace(/\.csv$/, '.rejected.csv');
}

function iconvEncode(text: string): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('iconv-lite') as typeof import('iconv-lite')).encode(text, 'windows-1252');
}
