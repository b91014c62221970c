import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvRowSource } from '../../../analysis/load-csv';
import { sqliteRowSource } from '../../../analysis/load-sqlite';
import { disparity } from '../../../analysis/disparity';
import { openDatabase } from '../../../src/storage/open-database';

describe('loaders', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-loaders-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when a CSV has a BOM, quoted cells and NA, then rows come back as text with missing cells kept', async () => {
    const file = path.join(directory, 'data.csv');
    fs.writeFileSync(file, '\uFEFFy,"group name"\n1,"a, b"\nNA,c\n');
    const source = csvRowSource(file);
    expect(await source.columns()).toEqual(['y', 'group name']);
    const rows = [];
    for await (const row of source.rows()) rows.push(row);
    expect(rows).toEqual([{ y: '1', 'group name': 'a, b' }, { y: 'NA', 'group name': 'c' }]);
  });

  test('when a CSV row has more cells than the header, then the error names the row', async () => {
    const file = path.join(directory, 'bad.csv');
    fs.writeFileSync(file, 'y,g\n1,a\n0,b,extra\n');
    await expect(disparity(csvRowSource(file), { outcome: 'y', groups: ['g'] })).rejects.toThrow(/data row 2 has more cells/);
  });

  test('when a campaign is read from SQLite, then booleans are 0/1, absent fields missing, and other campaigns left out', async () => {
    const file = path.join(directory, 'crowdaudit.sqlite');
    const db = openDatabase(file);
    const insertDonation = db.prepare(`INSERT INTO donations (id, campaign_slug, campaign_version, receipt_hash, consent_version, consent_sha256, purposes_json, locale, content_sha256, record_count, created_on)
      VALUES (@id, @slug, '1', @id, 'v', 'h', '[]', 'en', 'c', 1, '2026-01-01')`);
    const insertRecord = db.prepare('INSERT INTO records (donation_id, campaign_slug, position, data) VALUES (@id, @slug, 0, @data)');
    const records = [
      { slug: 'credit-scores', data: { refused: true, sex: 'female' } },
      { slug: 'credit-scores', data: { refused: false, sex: 'male' } },
      { slug: 'credit-scores', data: { sex: 'male' } },
      { slug: 'other', data: { refused: true, sex: 'x' } },
    ];
    records.forEach((record, index) => {
      insertDonation.run({ id: `d${index}`, slug: record.slug });
      insertRecord.run({ id: `d${index}`, slug: record.slug, data: JSON.stringify(record.data) });
    });
    db.close();
    const source = sqliteRowSource(file, 'credit-scores');
    expect(await source.columns()).toEqual(['refused', 'sex']);
    const rows = [];
    for await (const row of source.rows()) rows.push(row);
    expect(rows).toEqual([{ refused: 1, sex: 'female' }, { refused: 0, sex: 'male' }, { refused: null, sex: 'male' }]);
    await expect(sqliteRowSource(file, 'missing').columns()).rejects.toThrow(/selection is empty: campaign "missing" has no records/);
  });

  test('when the database predates stored import batches, then the analyses ask for it to be upgraded by starting the server once', async () => {
    const file = path.join(directory, 'old.sqlite');
    const db = openDatabase(file);
    // What a database of migration 004 looks like: no import_batches table, no record of 005.
    db.exec('DROP TABLE import_batches; DELETE FROM schema_migrations WHERE version = 5');
    db.close();
    await expect(sqliteRowSource(file, 'credit-scores').columns()).rejects.toThrow(`${file} was written by an older crowdaudit. Start the server on it once (crowdaudit serve --db ${file}) to upgrade it, then try again.`);
  });
});
