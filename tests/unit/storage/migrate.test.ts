import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../../src/storage/migrate';
import { migrations } from '../../../src/storage/migrations';
import { openDatabase } from '../../../src/storage/open-database';

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
});
