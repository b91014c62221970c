import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';

function positiveInteger(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1.`);
    return parsed;
  };
}

/** `crowdaudit seed-demo --db FILE --campaign SLUG --count N [--seed S]`. */
export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description('fill a database with synthetic donations (with built-in disparities) for a demo')
    .requiredOption('--db <file>', 'SQLite database file (created if missing), or a postgres:// URL')
    .requiredOption('--campaign <slug>', 'campaign to donate to')
    .requiredOption('--count <n>', 'number of donations', positiveInteger('--count'))
    .option('--seed <n>', 'random seed, for the same data every time', positiveInteger('--seed'), 1)
    .action(async (options: { db: string; campaign: string; count: number; seed: number }) => {
      // Loaded here so that other commands start without zod schemas and the database layer.
      const { campaignNamed, openServices } = require('../services') as typeof import('../services');
      const { seedDemo } = require('../demo/seed-demo') as typeof import('../demo/seed-demo');
      const services = await openServices({ databasePath: options.db });
      const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr }, Presets.shades_classic) : undefined;
      bar?.start(options.count, 0);
      try {
        const campaign = campaignNamed(services, options.campaign);
        const result = await seedDemo(campaign, services.donations, { count: options.count, seed: options.seed, onProgress: (done) => bar?.update(done) });
        bar?.stop();
        process.stdout.write(`Seeded ${result.donations} donations with ${result.records} records into ${campaign.slug}.\n`);
      } finally {
        await services.close();
      }
    });
}
