/**
 * `crowdaudit purge`: deletes donations past their campaign's retention period, with their
 * records. The server does the same every day; this is for a database without a running server,
 * or to see with `--dry-run` what is due.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { Store } from '../storage/store';

export interface PurgeCommandOptions {
  db?: string;
  dryRun?: boolean;
  /** Afterwards rewrite the file without free space (once, for deletions made before `secure_delete`). */
  vacuum?: boolean;
}

/** Runs the purge and returns the lines to print (one per campaign). */
export async function runPurge(options: PurgeCommandOptions, now: () => Date = () => new Date()): Promise<string> {
  const { RetentionService } = require('../donations/retention') as typeof import('../donations/retention');
  const { openServices } = require('../services') as typeof import('../services');
  const services = await openServices({ databasePath: options.db });
  const { store } = services;
  try {
    // The composition root's service, but with the caller's clock (tests purge "in the future").
    const service = new RetentionService(store, services.campaigns, now);
    const counts = await service.purge({ dryRun: options.dryRun });
    const verb = options.dryRun ? 'would delete' : 'deleted';
    const lines = counts.map((count) => `${count.campaign}: ${verb} ${count.donations.toLocaleString('en-US')} donations (${count.records.toLocaleString('en-US')} records) created before ${count.beforeDay} (retention ${count.retentionDays} days).`);
    if (options.vacuum && !options.dryRun) lines.push(await vacuum(store));
    return lines.join('\n');
  } finally {
    await services.close();
  }
}

/**
 * Deletions made before `secure_delete` was on (crowdaudit before issue 12) left their bytes in
 * the file's free space; VACUUM rebuilds the file from the live rows only. It holds the write
 * lock while it runs, so the server's donations wait (busy timeout) or fail: run it with the
 * server stopped.
 */
async function vacuum(store: Store): Promise<string> {
  if (store.kind === 'postgres') return (store as import('../storage/postgres/postgres-store').PostgresStore).vacuumFull();
  const { eraseFromWal } = require('../storage/wal-erasure') as typeof import('../storage/wal-erasure');
  const { db } = store as import('../storage/sqlite-store').SqliteStore;
  const before = fs.statSync(db.name).size;
  db.exec('VACUUM');
  // VACUUM writes the rebuilt pages through the WAL; the old ones must leave it too.
  const truncated = eraseFromWal(db);
  const after = fs.statSync(db.name).size;
  return `Vacuumed: ${before.toLocaleString('en-US')} bytes before, ${after.toLocaleString('en-US')} after${truncated ? '' : ' (another process still reads the database, so its WAL may keep old pages: stop it and run this again)'}.`;
}

export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description('delete donations past their campaign\'s retention period, with their records (the server does this daily)')
    .option('--db <file>', 'SQLite database file or postgres:// URL (default: DATABASE_URL, else DATABASE_PATH)')
    .option('--dry-run', 'only count what is due')
    .option('--vacuum', 'afterwards rewrite the database file without free space; run once, server stopped, on a database older than secure_delete')
    .action(async (options: PurgeCommandOptions) => {
      process.stdout.write(`${await runPurge(options)}\n`);
    });
}
