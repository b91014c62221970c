/**
 * `crowdaudit backup --out FILE`: a consistent copy of the database while the server keeps
 * running (SQLite's online backup API), checked before it is kept.
 */
import type { Command } from 'commander';
import { databasePathFrom } from './database-path';

export interface BackupCommandOptions {
  db?: string;
  out: string;
  force?: boolean;
}

/** Runs the backup and returns the line to print. @throws AppError as `backupDatabase` */
export async function runBackup(options: BackupCommandOptions): Promise<string> {
  const { backupDatabase } = require('../storage/backup-database') as typeof import('../storage/backup-database');
  const databasePath = databasePathFrom(options.db);
  const result = await backupDatabase(databasePath, options.out, { force: options.force });
  const count = (value: number) => value.toLocaleString('en-US');
  return `Backed up ${databasePath} to ${result.path}: integrity ok, ${count(result.donations)} donations, ${count(result.records)} records.`;
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('copy the database while the server runs; the copy is checked (integrity, counts) and readable only by you')
    .requiredOption('--out <file>', 'where to write the copy')
    .option('--db <file>', 'SQLite database file (default: DATABASE_PATH)')
    .option('--force', 'replace the file at --out if it exists')
    .action(async (options: BackupCommandOptions) => {
      process.stdout.write(`${await runBackup(options)}\n`);
    });
}
