/**
 * The erasure log: the ids of donations their donors withdrew, with the day, and nothing else.
 * A backup taken before a withdrawal still holds the donation; restoring it would bring the
 * donation back. The log lives beside the database in a file of its own (`<name>.erasures`, not
 * `<name>.sqlite-…`, so that clearing a stale WAL after a restore leaves it alone), outside the
 * database and so outside every backup, and every opening of the database (`openDatabase`:
 * server, CLI) deletes the listed donations again. An entry is written, and flushed to disk,
 * before the deletion: a crash between the two still ends in the donation's deletion.
 *
 * A donation's id is a random UUID that links to nothing once the donation is gone, except in a
 * backup, which is what it is kept for. Entries are kept `ERASURE_LOG_DAYS`, longer than any
 * backup may be kept (SECURITY.md, "Erasure"), and pruned with the retention purge.
 * Retention purges are not logged: a restored database is purged again when it is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AuditLog } from './audit-log';
import { eraseFromWal } from './wal-erasure';

/** How long an erasure is remembered: three times the 30 days a backup may be kept. */
export const ERASURE_LOG_DAYS = 90;

const DAY_MS = 86_400_000;
const ENTRY = /^(\d{4}-\d{2}-\d{2}) (\S+)$/;

interface ErasureEntry {
  day: string;
  donationId: string;
}

/** The log's file for a database file, or undefined for an in-memory database. */
export function erasureLogPath(db: Database): string | undefined {
  if (db.memory) return undefined;
  const file = path.resolve(db.name);
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.erasures`);
}

/** Appends a withdrawal and waits until it is on disk. */
export function recordErasure(db: Database, donationId: string, now: Date = new Date()): void {
  const file = erasureLogPath(db);
  if (!file) return;
  const descriptor = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(descriptor, `${now.toISOString().slice(0, 10)} ${donationId}\n`);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * Deletes every listed donation that is (again) in the database, e.g. after a backup was
 * restored, with an audit entry of the count; then erases their bytes from the WAL.
 * @returns how many donations were deleted
 */
export function replayErasures(db: Database, now: Date = new Date()): number {
  const entries = readEntries(db);
  if (entries.length === 0) return 0;
  const exists = db.prepare('SELECT 1 FROM donations WHERE id = ?').pluck();
  const present = entries.filter((entry) => exists.get(entry.donationId) !== undefined);
  if (present.length === 0) return 0;
  const remove = db.prepare('DELETE FROM donations WHERE id = ?');
  const auditLog = new AuditLog(db);
  db.transaction(() => {
    for (const entry of present) remove.run(entry.donationId);
    auditLog.write({ action: 'donations.erasures-replayed', actor: 'erasure-log', detail: { donations: present.length } }, now);
  }).immediate();
  eraseFromWal(db);
  return present.length;
}

/** Drops entries older than `ERASURE_LOG_DAYS`; returns how many went. */
export function pruneErasureLog(db: Database, now: Date = new Date()): number {
  const file = erasureLogPath(db);
  if (!file || !fs.existsSync(file)) return 0;
  const text = fs.readFileSync(file, 'utf8');
  const entries = parseEntries(text);
  const firstKept = new Date(now.getTime() - ERASURE_LOG_DAYS * DAY_MS).toISOString().slice(0, 10);
  const kept = entries.filter((entry) => entry.day >= firstKept);
  if (kept.length === entries.length) return 0;
  // Written aside and renamed, so that a crash leaves the old log or the new one, never half.
  const temporary = `${file}.partial-${process.pid}`;
  fs.writeFileSync(temporary, kept.map((entry) => `${entry.day} ${entry.donationId}\n`).join(''), { mode: 0o600 });
  // Another process (the server, while `crowdaudit purge` runs) may have appended meanwhile.
  const appended = fs.readFileSync(file, 'utf8').slice(text.length);
  if (appended) fs.appendFileSync(temporary, appended);
  fs.renameSync(temporary, file);
  return entries.length - kept.length;
}

function readEntries(db: Database): ErasureEntry[] {
  const file = erasureLogPath(db);
  return file && fs.existsSync(file) ? parseEntries(fs.readFileSync(file, 'utf8')) : [];
}

function parseEntries(text: string): ErasureEntry[] {
  return text.split('\n').flatMap((line) => {
    const match = ENTRY.exec(line);
    return match ? [{ day: match[1], donationId: match[2] }] : [];
  });
}
