/**
 * `crowdaudit purge`: deletes donations past their campaign's retention period, with their
 * records. The server does the same every day; this is for a database without a running server,
 * or to see with `--dry-run` what is due.
 */
import type { Command } from 'commander';
import { databasePathFrom } from './database-path';

export interface PurgeCommandOptions {
  db?: string;
  dryRun?: boolean;
}

/** Runs the purge and returns the lines to print (one per campaign). */
export function runPurge(options: PurgeCommandOptions, now: () => Date = () => new Date()): string {
  const { loadCampaigns } = require('../campaigns/load-campaigns') as typeof import('../campaigns/load-campaigns');
  const { RetentionService } = require('../donations/retention') as typeof import('../donations/retention');
  const { AuditLog } = require('../storage/audit-log') as typeof import('../storage/audit-log');
  const { RetentionRepository } = require('../storage/retention-repository') as typeof import('../storage/retention-repository');
  const { openDatabase } = require('../storage/open-database') as typeof import('../storage/open-database');
  const db = openDatabase(databasePathFrom(options.db));
  try {
    const service = new RetentionService(new RetentionRepository(db), new AuditLog(db), loadCampaigns(), now);
    const counts = service.purge({ dryRun: options.dryRun });
    const verb = options.dryRun ? 'would delete' : 'deleted';
    const lines = counts.map((count) => `${count.campaign}: ${verb} ${count.donations.toLocaleString('en-US')} donations (${count.records.toLocaleString('en-US')} records) created before ${count.beforeDay} (retention ${count.retentionDays} days).`);
    return lines.join('\n');
  } finally {
    db.close();
  }
}

export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description('delete donations past their campaign\'s retention period, with their records (the server does this daily)')
    .option('--db <file>', 'SQLite database file (default: DATABASE_PATH)')
    .option('--dry-run', 'only count what is due')
    .action((options: PurgeCommandOptions) => {
      process.stdout.write(`${runPurge(options)}\n`);
    });
}
