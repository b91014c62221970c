/**
 * The options every analysis command shares: where the rows come from (`--csv FILE` or
 * `--db FILE --campaign SLUG`), reference levels, and the output format.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { csvRowSource } from '../../analysis/load-csv';
import { DONOR_COLUMN, sqliteRowSource } from '../../analysis/load-sqlite';
import type { ReferenceLevels, RowSource } from '../../analysis/types';
import type { OutputFormat } from './output-format';

export interface InputOptions {
  csv?: string;
  db?: string;
  campaign?: string;
  reference: string[];
  /** `--where 'COL OP VALUE'` filters (repeatable). */
  where?: string[];
  format?: OutputFormat;
  /**
   * `--cluster COLUMN` (regress, disparity, compare), resolved by cluster-option.ts before the rows
   * are read: for `--db`, `donor` adds each record's donor key as that column.
   */
  cluster?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function addInputOptions(command: Command): Command {
  return command
    .option('--csv <file>', 'read rows from a CSV file (header in the first line)')
    .option('--db <file>', 'read a campaign\'s donated records from a crowdaudit SQLite database')
    .option('--campaign <slug>', 'the campaign to read with --db')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else json)').choices(['table', 'json', 'csv']))
    .option('--reference <level>', 'reference level; for regress: column=level (repeatable)', collect, [] as string[])
    .option('--where <condition>', "keep only rows meeting 'COLUMN OP VALUE' (=, !=, <, <=, >, >=, in (a, b)); repeatable", collect, [] as string[]);
}

export function rowSourceOf(options: InputOptions): RowSource {
  if (options.csv && options.db) throw new InvalidArgumentError('Give either --csv or --db, not both.');
  if (options.csv) return csvRowSource(options.csv);
  if (options.db) {
    if (!options.campaign) throw new InvalidArgumentError('--db needs --campaign SLUG.');
    // Each record's donor, for errors clustered by donor (`--cluster donor`, the default there).
    return sqliteRowSource(options.db, options.campaign, options.cluster === DONOR_COLUMN ? { donorColumn: DONOR_COLUMN } : {});
  }
  throw new InvalidArgumentError('Give the rows with --csv FILE or --db FILE --campaign SLUG.');
}

/** `--reference sex=male --reference housing=own` as `{ sex: 'male', housing: 'own' }`. */
export function referenceLevelsOf(values: readonly string[]): ReferenceLevels {
  const levels: ReferenceLevels = {};
  for (const value of values) {
    const separator = value.indexOf('=');
    if (separator <= 0) throw new InvalidArgumentError(`--reference must be column=level (got "${value}").`);
    levels[value.slice(0, separator)] = value.slice(separator + 1);
  }
  return levels;
}

export function listOf(value: string): string[] {
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) throw new InvalidArgumentError('Give at least one column name.');
  return items;
}

export function formatOf(options: InputOptions): OutputFormat {
  return options.format ?? (process.stdout.isTTY ? 'table' : 'json');
}
