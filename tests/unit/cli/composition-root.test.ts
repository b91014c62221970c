/**
 * Every command builds its services where the server does (`services.ts`): a campaign that only
 * DATA_DICTIONARY_DIR holds, and the operator named in the consent, reach `seed-demo`, `import`,
 * `purge` and `export` as they reach the server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { loadConfig, testConfig, type Config } from '../../../src/config';
import { buildServices } from '../../../src/services';
import { openDatabase } from '../../../src/storage/open-database';
import { runCli } from './capture-cli';
import { SqliteStore } from '../../../src/storage/sqlite-store';

const OPERATOR = {
  OPERATOR_NAME: 'Verein für faire Scores e.V.',
  OPERATOR_ADDRESS: 'Musterstraße 1;10115 Berlin',
  OPERATOR_EMAIL: 'kontakt@example.org',
  OPERATOR_DPO_EMAIL: 'datenschutz@example.org',
  OPERATOR_COUNTRY: 'de',
  OPERATOR_AUTHORITY: 'deberlbdi',
};

describe('one composition root for the app and every command', () => {
  let directory: string;
  let dictionaries: string;
  const saved = { ...process.env };

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-root-'));
    dictionaries = path.join(directory, 'dictionaries');
    fs.mkdirSync(dictionaries);
    // A campaign that exists only in this folder: the shipped dictionaries do not know it.
    const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../data-dictionary/credit-scores.json'), 'utf8'));
    fs.writeFileSync(path.join(dictionaries, 'local-scores.json'), JSON.stringify({ ...file, slug: 'local-scores', releaseMinChanges: 12 }));
    Object.assign(process.env, { DATA_DICTIONARY_DIR: dictionaries, ...OPERATOR, LOG_LEVEL: 'silent' });
  });

  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    fs.rmSync(directory, { recursive: true, force: true });
  });

  test('when DATA_DICTIONARY_DIR names a campaign, then seed-demo, purge and export work on it', async () => {
    const database = path.join(directory, 'crowdaudit.sqlite');
    const seeded = await runCli('seed-demo', '--db', database, '--campaign', 'local-scores', '--count', '20');
    expect(seeded).toMatchObject({ exitCode: 0, output: expect.stringContaining('Seeded 20 donations') });
    expect(await runCli('purge', '--db', database, '--dry-run')).toMatchObject({ exitCode: 0, output: expect.stringContaining('local-scores: would delete 0 donations') });
    const exported = await runCli('export', '--campaign', 'local-scores', '--out', path.join(directory, 'pack.zip'), '--db', database);
    expect(exported.exitCode).toBe(0);
    // The release rule of that dictionary (12 changes) was used: 20 seeded donations made release 1.
    const db = new BetterSqlite3(database, { readonly: true });
    expect(db.prepare('SELECT campaign_slug AS slug, number, revision FROM findings_releases').all()).toEqual([{ slug: 'local-scores', number: 1, revision: 20 }]);
    db.close();
  });

  test('when an operator is configured, then donations seeded by the command store the consent hash the server states', async () => {
    const database = path.join(directory, 'crowdaudit.sqlite');
    await runCli('seed-demo', '--db', database, '--campaign', 'local-scores', '--count', '3');
    const seededDb = new BetterSqlite3(database, { readonly: true });
    const stored = seededDb.prepare('SELECT DISTINCT consent_sha256 AS hash FROM donations').all() as Array<{ hash: string }>;
    seededDb.close();
    const hashWith = (config: Config) => {
      const db = openDatabase(':memory:');
      const hash = buildServices({ store: new SqliteStore(db), config }).campaigns.get('local-scores')!.consentSha256;
      db.close();
      return hash;
    };
    // What a server with this environment states, and what a demo server without an operator would.
    expect(stored).toEqual([{ hash: hashWith(loadConfig(process.env)) }]);
    expect(stored[0]!.hash).not.toBe(hashWith(testConfig({ dataDictionaryDir: dictionaries })));
  });

  test('when the campaign is unknown, then the command names the campaigns there are', async () => {
    const result = await runCli('export', '--campaign', 'nope', '--out', path.join(directory, 'x.zip'), '--db', path.join(directory, 'crowdaudit.sqlite'));
    expect(result.exitCode).toBe(1);
    expect(result.errors).toContain('Unknown campaign "nope". Known: local-scores');
  });
});
