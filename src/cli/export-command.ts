import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { databasePathFrom } from './database-path';

/** `crowdaudit export --campaign SLUG --out FILE [--db FILE]`: the collective pack the API serves. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write a campaign\'s collective evidence pack (signed zip, Frictionless Data Package); audit-logged as "cli"')
    .requiredOption('--campaign <slug>', 'the campaign')
    .requiredOption('--out <file>', 'where to write the zip')
    .option('--db <file>', 'SQLite database file (default: DATABASE_PATH)')
    .action(async (options: { campaign: string; out: string; db?: string }) => {
      // Loaded here so that other commands start without the database layer and the statistics.
      const { loadConfig } = require('../config') as typeof import('../config');
      const { loadCampaigns } = require('../campaigns/load-campaigns') as typeof import('../campaigns/load-campaigns');
      const { FindingsReleases } = require('../evidence/releases/findings-releases') as typeof import('../evidence/releases/findings-releases');
      const { releaseRuleOf } = require('../evidence/releases/release-rule') as typeof import('../evidence/releases/release-rule');
      const { CollectivePackService } = require('../evidence/collective/collective-pack-service') as typeof import('../evidence/collective/collective-pack-service');
      const { loadOrCreateSigningKey } = require('../evidence/signing-key') as typeof import('../evidence/signing-key');
      const { AuditLog } = require('../storage/audit-log') as typeof import('../storage/audit-log');
      const { openDatabase } = require('../storage/open-database') as typeof import('../storage/open-database');
      const databasePath = databasePathFrom(options.db);
      // The key beside this database, as the server serving it would use (or SIGNING_KEY_PATH).
      const config = loadConfig({ ...process.env, DATABASE_PATH: databasePath });
      const campaigns = loadCampaigns(config.dataDictionaryDir);
      const campaign = campaigns.get(options.campaign);
      if (!campaign) throw new Error(`Unknown campaign "${options.campaign}". Known: ${campaigns.list().map((c) => c.slug).join(', ')}.`);
      const db = openDatabase(databasePath);
      try {
        const signingKey = loadOrCreateSigningKey(config.signingKeyPath);
        // The same releases the server publishes (they are in the database): a due one is cut here too.
        const findings = new FindingsReleases(db, (target) => releaseRuleOf(target, config));
        const service = new CollectivePackService(db, findings, signingKey, new AuditLog(db));
        const pack = await service.build(campaign, 'cli');
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, pack.zip);
        const { counts } = pack.manifest;
        process.stdout.write(`Wrote ${options.out}: ${counts.included} records (${counts.excluded.noConsent} without ngo-sharing consent, ${counts.excluded.suppressed} suppressed for k = ${campaign.minGroupSize}), signed by key ${signingKey.fingerprint}.\n`);
      } finally {
        db.close();
      }
    });
}
