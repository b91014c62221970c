/**
 * Online backup with SQLite's backup API (better-sqlite3's `db.backup()`), copying every page in
 * one step: one read transaction, so the copy is the snapshot of the moment it started. In WAL
 * mode the server keeps writing meanwhile. (Copying in small steps would let SQLite restart the
 * copy each time the server commits, and on a busy server it might never finish.) The copy is written under a temporary name with mode
 * 0600 (it holds donors' records), switched out of WAL mode so it is one self-contained file,
 * checked with `PRAGMA integrity_check`, and only then renamed into place.
 */
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../app-error';

export interface BackupResult {
  path: string;
  integrity: 'ok';
  donations: number;
  records: number;
  bytes: number;
}

export interface BackupOptions {
  /** Replace an existing file at the destination. */
  force?: boolean;
}

/** sqlite3_backup_step's page count for "all remaining pages" (better-sqlite3 clamps negatives to 0). */
const ALL_PAGES = 0x7fffffff;

/**
 * @throws AppError 404 when the database does not exist, 409 when the destination exists and
 *   `force` is not set, 500 when the copy fails its integrity check (the copy is then removed)
 */
export async function backupDatabase(databasePath: string, destination: string, options: BackupOptions = {}): Promise<BackupResult> {
  if (!fs.existsSync(databasePath)) throw new AppError(404, 'not_found', `No such database file: ${databasePath}`);
  if (fs.existsSync(destination) && !options.force) {
    throw new AppError(409, 'file_exists', `${destination} already exists. Choose another file, or give --force to replace it.`);
  }
  const temporary = `${destination}.partial-${process.pid}`;
  fs.closeSync(fs.openSync(temporary, 'wx', 0o600));
  const source = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // Every connection that may write (here: the checkpoint when it closes) keeps deleted bytes zeroed.
    source.pragma('secure_delete = ON');
    await source.backup(temporary, { progress: () => ALL_PAGES });
    const counts = checkCopy(temporary);
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, destination);
    return { path: destination, integrity: 'ok', ...counts, bytes: fs.statSync(destination).size };
  } catch (error) {
    for (const leftover of [temporary, `${temporary}-wal`, `${temporary}-shm`]) fs.rmSync(leftover, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

function checkCopy(file: string): { donations: number; records: number } {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    copy.pragma('secure_delete = ON');
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AppError(500, 'backup_corrupt', `The backup copy failed its integrity check: ${String(integrity)}`);
    const count = (sql: string) => (copy.prepare(sql).get() as { n: number }).n;
    return { donations: count('SELECT COUNT(*) AS n FROM donations'), records: count('SELECT COALESCE(SUM(record_count), 0) AS n FROM donations') };
  } finally {
    copy.close();
  }
}
