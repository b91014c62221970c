import type { Command } from 'commander';

// Checked in the action rather than by commander's argument parser, which would exit the process
// itself: thrown here, `main` reports the error and sets the exit code.
function role(value: string): 'ngo' | 'analyst' {
  if (value !== 'ngo' && value !== 'analyst') throw new Error('--role must be ngo or analyst.');
  return value;
}

function tokenId(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error('the token id must be a whole number (see `crowdaudit token list`).');
  return parsed;
}

async function withService<T>(dbOption: string | undefined, work: (service: import('../access/access-token-service').AccessTokenService) => Promise<T>): Promise<T> {
  // Loaded here so that other commands start without the database layer.
  const { openServices } = require('../services') as typeof import('../services');
  const services = await openServices({ databasePath: dbOption });
  try {
    return await work(services.accessTokens);
  } finally {
    await services.close();
  }
}

/** `crowdaudit token create|list|revoke`: access tokens for NGOs and analysts. */
export function registerTokenCommand(program: Command): void {
  const token = program.command('token').description('access tokens for NGOs and analysts (evidence packs)');
  token
    .command('create')
    .description('create a token and print it once')
    .requiredOption('--role <role>', 'ngo or analyst')
    .requiredOption('--label <text>', 'who holds it, e.g. "Open Knowledge Foundation"; written to the audit log')
    .option('--db <file>', 'SQLite database file or postgres:// URL (default: DATABASE_URL, else DATABASE_PATH)')
    .action(async (options: { role: string; label: string; db?: string }) => {
      const tokenRole = role(options.role);
      const created = await withService(options.db, (service) => service.create(tokenRole, options.label));
      process.stdout.write(`${created.token}\n`);
      process.stderr.write(`Token ${created.summary.id} (${created.summary.role}, "${created.summary.label}") created. Store it now: it is not shown again.\n`);
    });
  token
    .command('list')
    .description('list tokens (id, label, role, created, revoked); tokens themselves are never kept')
    .option('--db <file>', 'SQLite database file or postgres:// URL (default: DATABASE_URL, else DATABASE_PATH)')
    .action(async (options: { db?: string }) => {
      const tokens = await withService(options.db, (service) => service.list());
      process.stdout.write('id\trole\tlabel\tcreated\trevoked\n');
      for (const entry of tokens) process.stdout.write(`${entry.id}\t${entry.role}\t${entry.label}\t${entry.createdAt}\t${entry.revokedAt ?? '-'}\n`);
    });
  token
    .command('revoke')
    .description('revoke a token by its id')
    .argument('<id>', 'token id from `token list`')
    .option('--db <file>', 'SQLite database file or postgres:// URL (default: DATABASE_URL, else DATABASE_PATH)')
    .action(async (idText: string, options: { db?: string }) => {
      const id = tokenId(idText);
      const revoked = await withService(options.db, (service) => service.revoke(id));
      if (!revoked) throw new Error(`No live token with id ${id}.`);
      process.stdout.write(`Token ${id} revoked.\n`);
    });
}
