import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { replayErasures } from './erasure-log';
import { migrate } from './migrate';

/**
 * Opens (creating if needed) and migrates the database. WAL lets readers run beside the writer;
 * `synchronous = FULL` makes every committed donation durable across a power cut, which is the
 * promise a receipt makes. (The store, sqlite-store.ts, keeps that promise another way: its
 * connection commits in NORMAL and it syncs the WAL off the event loop before answering.) The
 * file is created with mode 0600: it holds donors' records.
 */
export function openDatabase(databasePath: string): Database {
  if (databasePath !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(databasePath)) fs.closeSync(fs.openSync(databasePath, 'a', 0o600));
  }
  const db = new BetterSqlite3(databasePath);
  db.pragma('journal_mode = WAL');
  // A withdrawn donation's bytes must not survive its deletion: zero deleted cells, freed pages
  // and overflow pages instead of leaving them readable (see wal-erasure.ts for the WAL).
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // A restored backup may hold donations withdrawn since it was taken: delete them again.
  replayErasures(db);
  return db;
}
