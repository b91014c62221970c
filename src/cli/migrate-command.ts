/**
 * `crowdaudit migrate --from sqlite:FILE --to postgres://…`: moves a deployment from its SQLite
 * file to an empty PostgreSQL database (created and migrated here), table by table, and checks
 * every table's row count and content hash on both sides. The SQLite file is read in one read
 * transaction, so a server still running on it may keep taking donations: the copy is the
 * snapshot of the moment it began (stop the server first to move the donations made after).
 */
import type { Command } from 'commander';

export interface MigrateCommandOptions {
  from: string;
  to: string;
}

/** Runs the migration and returns the lines to print. @throws AppError as `copyStore`, Error for a bad --from or --to */
export async function runMigrate(options: MigrateCommandOptions, onTable?: (table: string, rows: number) => void): Promise<string> {
  const source = /^sqlite:(.+)$/.exec(options.from);
  if (!source) throw new Error(`--from must be sqlite:FILE (got "${options.from}").`);
  if (!/^postgres(ql)?:\/\//.test(options.to)) throw new Error(`--to must be a postgres:// URL (got "${options.to}").`);
  const fs = require('node:fs') as typeof import('node:fs');
  if (!fs.existsSync(source[1])) throw new Error(`--from: no such SQLite file: ${source[1]}`);
  const { openSqliteStore } = require('../storage/sqlite-store') as typeof import('../storage/sqlite-store');
  const { openPostgresStore } = require('../storage/postgres/postgres-store') as typeof import('../storage/postgres/postgres-store');
  const { copyStore } = require('../storage/copy-store') as typeof import('../storage/copy-store');
  const from = openSqliteStore(source[1]);
  try {
    const to = await openPostgresStore(options.to);
    try {
      // One read transaction: every table as of one moment, while a server may go on writing.
      from.db.exec('BEGIN DEFERRED');
      try {
        const report = await copyStore(from.tables, to.tables, onTable);
        return [
          ...report.map((table) => `${table.table}: ${table.rows.toLocaleString('en-US')} rows, sha256 ${table.sha256} (same in both)`),
          `Copied ${source[1]} to PostgreSQL; counts and content hashes agree. Set DATABASE_URL to use it, and keep the SQLite file until you no longer need it (it holds donors' data: delete it then).`,
        ].join('\n');
      } finally {
        if (from.db.inTransaction) from.db.exec('COMMIT');
      }
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('copy a SQLite deployment into an empty PostgreSQL database, checked table by table (counts and content hashes)')
    .requiredOption('--from <source>', 'sqlite:FILE, the SQLite database to copy')
    .requiredOption('--to <url>', 'postgres://user@host:port/database, an empty database (its tables are created)')
    .action(async (options: MigrateCommandOptions) => {
      process.stdout.write(`${await runMigrate(options, (table, rows) => process.stderr.write(`${table}: ${rows} rows copied\n`))}\n`);
    });
}
