import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { writeSyntheticSurveyCsv } from '../../../src/import/synthetic-survey-csv';
import { RecordRepository } from '../../../src/storage/record-repository';
import { runCli } from './capture-cli';

const campaign = loadCampaigns().get('platform-decisions')!;
let directory: string;

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-import-cli-'));
});

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

function counts(file: string): { donations: number; records: number } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare("SELECT COUNT(*) AS donations, COALESCE(SUM(record_count), 0) AS records FROM donations WHERE source = 'import'").get() as { donations: number; records: number };
  } finally {
    db.close();
  }
}

describe('crowdaudit import', () => {
  test('when a 100,000-record survey is imported, then all records are stored and the command says how many', async () => {
    const file = path.join(directory, 'survey.csv');
    writeSyntheticSurveyCsv(campaign, file, { rows: 100_000, seed: 11 });
    const database = path.join(directory, 'large.sqlite');
    const result = await runCli('import', file, '--db', database, '--campaign', 'platform-decisions', '--consent-basis', 'Survey consent form, 2026');
    expect(result).toEqual({ output: 'Imported 100,000 records into platform-decisions (none rejected).\n', errors: '', exitCode: 0 });
    expect(counts(database)).toEqual({ donations: 10, records: 100_000 });
    // Every record can be read back as the analyses read it, each its own respondent.
    const db = new BetterSqlite3(database, { readonly: true });
    const donors = new Set([...new RecordRepository(db).iterate('platform-decisions')].map((stored) => stored.donorKey));
    db.close();
    expect(donors.size).toBe(100_000);
  }, 60_000);

  test('when rows are rejected, then the command names the count and the report file', async () => {
    const file = path.join(directory, 'mixed.csv');
    fs.writeFileSync(file, 'platform;month;decision_type;adverse;age_band;sex;nationality;migration_background\n'
      + 'uber;2026-03;job-pay;no;25-34;female;non-eu;yes\nuber;2026-03;job-pay;perhaps;25-34;female;non-eu;yes\n');
    const database = path.join(directory, 'mixed.sqlite');
    const rejects = path.join(directory, 'left-out.csv');
    const result = await runCli('import', file, '--db', database, '--campaign', 'platform-decisions', '--rejects', rejects, '--purposes', 'research,ngo-sharing');
    expect(result.output).toBe(`Imported 1 record into platform-decisions (1 rejected, see ${rejects}).\n`);
    expect(fs.readFileSync(rejects, 'utf8')).toContain('3;adverse;Answer yes or no;uber;2026-03;job-pay;perhaps');
  });

  test('when the header is wrong, then it exits 1 naming the column and the database stays empty', async () => {
    const file = path.join(directory, 'bad-header.csv');
    fs.writeFileSync(file, 'platfrom,month\nuber,2026-03\n');
    const database = path.join(directory, 'bad.sqlite');
    const result = await runCli('import', file, '--db', database, '--campaign', 'platform-decisions');
    expect(result.exitCode).toBe(1);
    expect(result.errors).toMatch(/Unknown column "platfrom"/);
    expect(counts(database)).toEqual({ donations: 0, records: 0 });
  });

  test('when --dry-run is given, then it says what would be imported and writes nothing', async () => {
    const file = path.join(directory, 'dry.csv');
    writeSyntheticSurveyCsv(campaign, file, { rows: 50, seed: 2 });
    const database = path.join(directory, 'dry.sqlite');
    const result = await runCli('import', file, '--db', database, '--campaign', 'platform-decisions', '--dry-run');
    expect(result.output).toBe(`Checked ${file}: 50 records would be imported into platform-decisions (none rejected). Nothing was written.\n`);
    expect(result.errors).toMatch(/no --consent-basis given/);
    expect(counts(database)).toEqual({ donations: 0, records: 0 });
  });

  test('when --threads is not a whole number of at least 1, then it exits 1 naming the option and writes nothing', async () => {
    const file = path.join(directory, 'threads.csv');
    writeSyntheticSurveyCsv(campaign, file, { rows: 20, seed: 4 });
    const database = path.join(directory, 'threads.sqlite');
    const refused = await runCli('import', file, '--db', database, '--campaign', 'platform-decisions', '--threads', '0');
    expect(refused.exitCode).toBe(1);
    expect(refused.errors).toMatch(/--threads must be a whole number of at least 1/);
    expect(fs.existsSync(database)).toBe(false);
    const one = await runCli('import', file, '--db', database, '--campaign', 'platform-decisions', '--threads', '1');
    expect(one.output).toBe('Imported 20 records into platform-decisions (none rejected).\n');
  });

  test('when the campaign is unknown, then it exits 1 listing the known ones', async () => {
    const result = await runCli('import', path.join(directory, 'dry.csv'), '--db', path.join(directory, 'x.sqlite'), '--campaign', 'nope');
    expect(result.exitCode).toBe(1);
    expect(result.errors).toMatch(/Unknown campaign "nope". Known: .*platform-decisions/);
  });
});
