/**
 * `crowdaudit backup --out FILE`: a consistent copy of the database while the server keeps
 * running (SQLite's online backup API), checked before it is kept; on PostgreSQL, pg_dump.
 */
import type { Command } from 'commander';
import { databasePathFrom } from './database-path';

export interface BackupCommandOptions {
  db?: string;
  out: string;
  force?: boolean;
}

/** Runs the backup and returns the line to print. @throws AppError as `backupDatabase` */
export async function runBackup(options: BackupCommandOptions, environment: NodeJS.ProcessEnv = process.env): Promise<string> {
  // PostgreSQL: --db postgres://…, or DATABASE_URL when --db is not given.
  const url = options.db === undefined ? environment.DATABASE_URL : /^postgres(ql)?:\/\//.test(options.db) ? options.db : undefined;
  if (url) {
    const { backupPostgres } = require('../storage/postgres/backup-postgres') as typeof import('../storage/postgres/backup-postgres');
    const result = await backupPostgres(url, options.out, { force: options.force });
    return `Backed up PostgreSQL (${new URL(url).pathname.slice(1) || 'default database'}) with pg_dump to ${result.path}: ${result.tables} tables, ${result.bytes.toLocaleString('en-US')} bytes. Restore with: pg_restore --dbname=URL --clean --if-exists ${result.path}`;
  }
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
    .option('--db <file>', 'SQLite database file or postgres:// URL (default: DATABASE_URL, else DATABASE_PATH); PostgreSQL is dumped with pg_dump')
    .option('--force', 'replace the file at --out if it exists')
    .action(async (options: BackupCommandOptions) => {
      process.stdout.write(`${await runBackup(options)}\n`);
    });
}
