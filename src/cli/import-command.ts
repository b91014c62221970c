/**
 * `crowdaudit import FILE --campaign SLUG`: an NGO's own survey into the database, for the same
 * analyses as donated records. The work is done by `SurveyImporter`; this file reads options,
 * shows a progress bar on a terminal and says what happened.
 */
import { Presets, SingleBar } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';

export interface ImportCommandOptions {
  db?: string;
  campaign: string;
  consentBasis?: string;
  purposes?: string[];
  rejects?: string;
  batchSize?: number;
  threads?: number;
  dryRun?: boolean;
}

const count = (value: number): string => value.toLocaleString('en-US');
const records = (value: number): string => `${count(value)} record${value === 1 ? '' : 's'}`;

/**
 * Runs the import without the process around it (tests call this) and returns the line to print.
 * @throws AppError for a bad header, unknown purposes or a closed campaign (nothing written), Error for an unknown campaign
 */
export async function runImport(file: string, options: ImportCommandOptions, progress?: (bytesRead: number, totalBytes: number) => void): Promise<string> {
  // Loaded here so that other commands start without zod schemas and the database layer.
  const { SurveyImporter } = require('../import/import-survey') as typeof import('../import/import-survey');
  const { campaignNamed, openServices } = require('../services') as typeof import('../services');
  const services = await openServices({ databasePath: options.db });
  try {
    const campaign = campaignNamed(services, options.campaign);
    const importer = new SurveyImporter(services.store);
    const result = await importer.importSurvey({
      campaign,
      file,
      consentBasis: options.consentBasis,
      purposes: options.purposes,
      rejectsPath: options.rejects,
      batchSize: options.batchSize,
      readers: options.threads,
      dryRun: options.dryRun,
      onProgress: progress,
    });
    const rejected = result.rejected === 0 ? 'none rejected' : `${count(result.rejected)} rejected, see ${result.rejectsPath}`;
    return result.dryRun
      ? `Checked ${file}: ${records(result.imported)} would be imported into ${campaign.slug} (${rejected}). Nothing was written.`
      : `Imported ${records(result.imported)} into ${campaign.slug} (${rejected}).`;
  } finally {
    await services.close();
  }
}

function positiveInteger(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1.`);
    return parsed;
  };
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import an NGO\'s own survey (CSV, one respondent per row) into a campaign, for the same analyses as donations')
    .argument('<file>', 'CSV file with the campaign\'s columns (UTF-8, Windows-1252 or UTF-16; separated by , ; or tab)')
    .requiredOption('--campaign <slug>', 'campaign whose columns the file has')
    .option('--db <file>', 'SQLite database file or postgres:// URL (default: DATABASE_URL, else DATABASE_PATH)')
    .option('--consent-basis <text>', 'the legal basis or consent text under which the survey was collected (stored with the records)')
    .option('--purposes <list>', 'purposes the respondents agreed to, comma-separated (must include the required ones)', (value: string) => value.split(',').map((purpose) => purpose.trim()).filter(Boolean), ['research'])
    .option('--rejects <file>', 'where to write the rows that were left out (default: beside FILE, survey.csv → survey.rejected.csv)')
    .option('--batch-size <n>', 'records per transaction', positiveInteger('--batch-size'))
    .option('--threads <n>', 'threads that read a large file at once (default: one per core, at most 4)', positiveInteger('--threads'))
    .option('--dry-run', 'check every row and write the rejects report, but import nothing')
    .addHelpText('after', `
Every valid row becomes one record, counted as one respondent by the analyses. Rows that fail the
campaign's checks are left out and listed, with their row number, column and reason, in the rejects
report. A wrong header stops the import before anything is written. Records are written in batches,
one transaction each. A large UTF-8 or Windows-1252 file is cut at row boundaries and read by one
thread per core; with several threads, batches are stored in the order they are ready.

Imported records have no receipt: nobody can read or withdraw them with a receipt code. Answer your
respondents' requests yourself; records are deleted after the campaign's retention period by
\`crowdaudit purge\`.`)
    .action(async (file: string, options: ImportCommandOptions) => {
      const bar = process.stderr.isTTY
        ? new SingleBar({ stream: process.stderr, format: 'Importing [{bar}] {percentage}% | ETA {eta_formatted}', clearOnComplete: true }, Presets.shades_classic)
        : undefined;
      let started = false;
      if (!options.consentBasis?.trim()) {
        process.stderr.write('Note: no --consent-basis given. Record the legal basis or consent under which the survey was collected; it is stored with the records.\n');
      }
      try {
        const message = await runImport(file, options, bar ? (bytesRead, totalBytes) => {
          if (!started) bar.start(totalBytes, 0);
          started = true;
          bar.update(bytesRead);
        } : undefined);
        process.stdout.write(`${message}\n`);
      } finally {
        if (started) bar?.stop();
      }
    });
}
