/**
 * `--rake [MARGINS.json]` for `disparity` and `compare`: the outcome's rate or mean per group,
 * unweighted and raked to population margins side by side, each with its design-based interval,
 * and the table of sample against population shares per margin. With `--db --campaign` and no
 * file, the campaign's own margins (`data-dictionary/margins/<slug>.json`).
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { DesignEstimate } from '../../analysis/design-mean';
import { rakedEstimates, type RakedEstimatesResult } from '../../analysis/raked-estimates';
import { smallGroupWarnings } from '../../analysis/small-group-warnings';
import { loadCampaigns } from '../campaigns/load-campaigns';
import { campaignPopulationMargins, checkMarginsAgainstCampaign, loadPopulationMargins, type MarginSource, type PopulationMarginsFile } from '../campaigns/population-margins-file';
import type { InputOptions } from './analysis-input';
import type { Tabular } from './output-format';
import { runAnalysis } from './run-analysis';

export interface RakeCommandOptions extends InputOptions {
  /** The margins descriptor, or true for the campaign's own (`--rake` without a file). */
  rake?: string | true;
  /** The donor (cluster) column; the cluster options of the analysis commands set it too. */
  cluster?: string;
  /** k: groups with fewer rows are flagged (never publish them). */
  minGroupSize?: number;
}

/** Columns that identify a donor when a source carries one and no --cluster is given. */
const DONOR_COLUMNS = ['donor', 'donor_id', 'donation_id'];

/** Adds `--rake` (and `--cluster`, unless the command has it already) to an analysis command. */
export function addRakeOptions(command: Command): Command {
  command.option('--rake [margins]', 'also estimate raked to population margins (a margins descriptor; with --db --campaign, the campaign\'s own), beside the unweighted figures');
  if (!command.options.some((option) => option.long === '--cluster')) command.option('--cluster <column>', 'the column that identifies a donor (records of one donor are not independent)');
  return command;
}

/** The margins `--rake` names, checked against the campaign when the rows are a campaign's. */
export function marginsFor(options: RakeCommandOptions): PopulationMarginsFile {
  const campaign = options.db && options.campaign ? loadCampaigns().get(options.campaign) : undefined;
  if (options.db && options.campaign && !campaign) throw new InvalidArgumentError(`Unknown campaign "${options.campaign}".`);
  if (options.rake === true) {
    if (!campaign) throw new InvalidArgumentError('--rake needs a margins file (--rake MARGINS.json), or --db FILE --campaign SLUG for the campaign\'s own margins.');
    const margins = campaignPopulationMargins(campaign);
    if (!margins) throw new InvalidArgumentError(`The campaign "${campaign.slug}" ships no population margins (data-dictionary/margins/${campaign.slug}.json): give --rake MARGINS.json.`);
    return margins;
  }
  const margins = loadPopulationMargins(options.rake!);
  if (campaign) checkMarginsAgainstCampaign(margins, campaign);
  return margins;
}

const estimateCells = (estimate: DesignEstimate) => [estimate.estimate, estimate.stdError, estimate.ciLow, estimate.ciHigh];

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

function sourceLine(source: MarginSource): string {
  return `${source.column}: ${source.publisher}, table ${source.table} (${source.tableTitle}), ${source.referenceDate} — ${source.url}`;
}

export function rakedTabular(result: RakedEstimatesResult, margins: PopulationMarginsFile, clusterNote: string): Tabular {
  const rows = [
    ...result.groups.map((group) => [group.group, group.raked.n, ...estimateCells(group.unweighted), ...estimateCells(group.raked)]),
    ['(all)', result.overall.raked.n, ...estimateCells(result.overall.unweighted), ...estimateCells(result.overall.raked)],
  ];
  return {
    headers: ['group', 'n', 'estimate', 'stdError', 'ciLow', 'ciHigh', 'rakedEstimate', 'rakedStdError', 'rakedCiLow', 'rakedCiHigh'],
    rows,
    notes: [
      `Mean of ${result.outcome}${result.group ? ` by ${result.group}` : ''} (a rate for 0/1), unweighted and raked to ${margins.title}; 95% design-based intervals; ${clusterNote}.`,
      `Raked in ${result.raking.iterations} sweeps${result.raking.converged ? '' : ' (not converged)'}; weights from ${result.raking.weightMin.toPrecision(4)} to ${result.raking.weightMax.toPrecision(4)} per record; n = ${result.n} records in the margins.`,
      'Sample against population, per margin:',
      ...result.shares.map((share) => `  ${share.margin} = ${share.level}: ${share.sampleRows} records, ${percent(share.sampleShare)} of the sample; ${percent(share.populationShare)} of the population`),
      'Sources:',
      ...margins.sources.map((source) => `  ${sourceLine(source)}`),
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
    summary: [['nTotal', result.n], ['clusters', result.clusters], ['rakingIterations', result.raking.iterations], ['rakingConverged', result.raking.converged]],
  };
}

/**
 * Runs the raked comparison of `disparity`/`compare --rake` and returns what it prints.
 * @throws InvalidArgumentError for several --group columns or a missing margins file; AnalysisError
 *   or CampaignFileError naming the column, field or row.
 */
export async function runRakedComparison(options: RakeCommandOptions, outcome: string, groups: readonly string[]): Promise<string> {
  if (groups.length > 1) throw new InvalidArgumentError('--rake takes one --group column.');
  const margins = marginsFor(options);
  let clusterNote = '';
  return runAnalysis<RakedEstimatesResult & { sources: MarginSource[] }>(options, async (source, _onProgress) => {
    const columns = await source.columns();
    const cluster = options.cluster ?? DONOR_COLUMNS.find((name) => columns.includes(name));
    clusterNote = cluster
      ? `records clustered by ${cluster}${options.cluster ? '' : ' (found in the data)'}`
      : 'every record counted as one independent donor (give --cluster COLUMN when donors gave several)';
    const result = await rakedEstimates(source, { outcome, group: groups[0], cluster, margins: margins.margins });
    const small = smallGroupWarnings(result.groups.map((group) => ({ group: group.group, n: group.raked.n })), options.minGroupSize ?? 5);
    return { ...result, warnings: [...small, ...result.warnings], sources: margins.sources };
  }, (result) => rakedTabular(result, margins, clusterNote), [outcome]);
}
