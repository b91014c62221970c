import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../../src/storage/migrate';
import { migrations } from '../../../src/storage/migrations';
import { openDatabase } from '../../../src/storage/open-database';
import { parseReleaseDocument } from '../../../src/evidence/releases/release-document';
import { ReleaseRepository } from '../../../src/storage/release-repository';
import { TEXT_RELEASES } from '../../helpers/text-releases';

describe('migrations', () => {
  test('when a fresh database is migrated twice, then every migration applies once', () => {
    const db = new BetterSqlite3(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'donations', 'idempotency_keys', 'records', 'schema_migrations']));
  });

  test('when a migration fails, then nothing of it stays and it is not recorded', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [{ version: 1, name: 'broken', sql: 'CREATE TABLE a (x INTEGER); CREATE TABLE oops (' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
  });

  test('when a database file is opened, then it is created with mode 0600, WAL and full sync', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-'));
    const file = path.join(directory, 'nested', 'crowdaudit.sqlite');
    const db = openDatabase(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    fs.rmSync(directory, { recursive: true });
  });

  test('when a database with releases stored as text is migrated to compressed releases (010), then each reads as before and the column takes only bytes', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations.filter((migration) => migration.version < 10));
    const insert = db.prepare("INSERT INTO findings_releases (campaign_slug, number, released_at, revision, findings_json) VALUES ('credit-scores', ?, '2026-11-01T00:00:00.000Z', 7, ?)");
    for (const { number, text } of TEXT_RELEASES) insert.run(number, text);
    expect(migrate(db)).toEqual([10]);
    const releases = new ReleaseRepository(db);
    for (const { number, read } of TEXT_RELEASES) expect(parseReleaseDocument(releases.document('credit-scores', number)!)).toEqual(read);
    expect(releases.latest('credit-scores')).toEqual({ campaignSlug: 'credit-scores', number: 2, releasedAt: '2026-11-01T00:00:00.000Z', revision: 7 });
    // STRICT: text in the document column is refused, so every new row is bytes.
    expect(() => db.prepare("INSERT INTO findings_releases VALUES ('credit-scores', 3, '2026-11-02T00:00:00.000Z', 8, '{}')").run()).toThrow(/cannot store TEXT value in BLOB column/);
    expect(releases.insert({ campaignSlug: 'credit-scores', number: 3, releasedAt: '2026-11-02T00:00:00.000Z', revision: 8, document: new Uint8Array([0x1f, 0x8b, 1]) })).toBe(true);
  });
});
