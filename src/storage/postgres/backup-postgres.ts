/**
 * `crowdaudit backup` on PostgreSQL: `pg_dump --format=custom`, PostgreSQL's own consistent
 * online dump (one snapshot, while the servers keep writing), written under a temporary name
 * with mode 0600 (it holds donors' records), checked by listing it with `pg_restore --list`, and
 * only then renamed into place. Restore with `pg_restore --dbname=URL --clean --if-exists FILE`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { AppError } from '../../app-error';

const run = promisify(execFile);

export interface PostgresBackupResult {
  path: string;
  tables: number;
  bytes: number;
}

/**
 * @throws AppError 409 when the destination exists and `force` is not set, 500 naming pg_dump's
 *   error (or that it is not installed: Debian's postgresql-client) when the dump fails
 */
export async function backupPostgres(url: string, destination: string, options: { force?: boolean } = {}): Promise<PostgresBackupResult> {
  if (fs.existsSync(destination) && !options.force) {
    throw new AppError(409, 'file_exists', `${destination} already exists. Choose another file, or give --force to replace it.`);
  }
  const temporary = `${destination}.partial-${process.pid}`;
  fs.closeSync(fs.openSync(temporary, 'w', 0o600));
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${temporary}`, `--dbname=${url}`]);
    const { stdout } = await run('pg_restore', ['--list', temporary], { maxBuffer: 64 * 1024 * 1024 });
    const tables = stdout.split('\n').filter((line) => / TABLE DATA /.test(line)).length;
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, destination);
    return { path: destination, tables, bytes: fs.statSync(destination).size };
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    if (error instanceof AppError) throw error;
    const { code, stderr, message } = error as { code?: string; stderr?: string; message?: string };
    if (code === 'ENOENT') throw new AppError(500, 'pg_dump_missing', 'pg_dump is not installed: install PostgreSQL\'s client tools (Debian: apt-get install postgresql-client), or back up with your hoster\'s tools.');
    throw new AppError(500, 'backup_failed', `pg_dump failed: ${(stderr || message || String(error)).trim()}`);
  }
}
