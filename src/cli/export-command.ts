import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';

/** `crowdaudit export --campaign SLUG --out FILE [--db FILE]`: the collective pack the API serves. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write a campaign\'s collective evidence pack (signed zip, Frictionless Data Package); audit-logged as "cli"')
    .requiredOption('--campaign <slug>', 'the campaign')
    .requiredOption('--out <file>', 'where to write the zip')
    .option('--db <file>', 'SQLite database file or postgres:// URL (default: DATABASE_URL, else DATABASE_PATH)')
    .action(async (options: { campaign: string; out: string; db?: string }) => {
      // Loaded here so that other commands start without the database layer and the statistics.
      const { campaignNamed, openServices } = require('../services') as typeof import('../services');
      // The key beside this database, as the server serving it would use (or SIGNING_KEY_PATH);
      // the same findings releases the server publishes (a due one is cut here too).
      const services = await openServices({ databasePath: options.db });
      try {
        const campaign = campaignNamed(services, options.campaign);
        const { signingKey } = services;
        const pack = await services.collectivePacks.build(campaign, 'cli');
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, pack.zip);
        const { counts } = pack.manifest;
        process.stdout.write(`Wrote ${options.out}: ${counts.included} records (${counts.excluded.noConsent} without ngo-sharing consent, ${counts.excluded.suppressed} suppressed for k = ${campaign.minGroupSize}), signed by key ${signingKey.fingerprint}.\n`);
      } finally {
        await services.close();
      }
    });
}
