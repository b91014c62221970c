import { InvalidArgumentError, Option, type Command } from 'commander';
import { disparity, type DisparityResult } from '../../analysis/disparity';
import type { AdjustMethod } from '../../analysis/p-adjust';
import { loadCampaigns } from '../campaigns/load-campaigns';
import { addInputOptions, type InputOptions } from './analysis-input';
import { addClusterOption, clusterNote, resolveCluster } from './cluster-option';
import { clusteredGroups, clusteredGroupsTabular } from './clustered-groups-output';
import { withNote, type Tabular } from './output-format';
import { runAnalysis } from './run-analysis';
import { addRakeOptions, runRakedComparison, type RakeCommandOptions } from './rake-option';

export interface DisparityCommandOptions extends InputOptions, RakeCommandOptions {
  outcome: string;
  group: string[];
  strata?: string;
  adjust: AdjustMethod;
  minGroupSize: number;
  /** Which outcome value is harmful ('0' or '1'); for a campaign, the dictionary says when not given. */
  harmful?: '0' | '1';
}

/**
 * The harmful outcome value: `--harmful`, else for a campaign its data dictionary's `harmful`
 * on the outcome field, else 0 (outcome 1 favourable), which the output then says it assumed.
 */
export function harmfulOutcomeOf(options: DisparityCommandOptions): { harmful: 0 | 1; assumed: boolean } {
  if (options.harmful !== undefined) return { harmful: options.harmful === '1' ? 1 : 0, assumed: false };
  if (options.db && options.campaign) {
    const field = loadCampaigns().get(options.campaign)?.schema.fields.find((candidate) => candidate.name === options.outcome);
    if (field?.harmful !== undefined) return { harmful: field.harmful ? 1 : 0, assumed: false };
  }
  return { harmful: 0, assumed: true };
}

function tabular(result: DisparityResult, assumed: boolean): Tabular {
  return {
    headers: ['group', 'n', 'positives', 'rate', 'ciLow', 'ciHigh', 'ratio', 'ratioCiLow', 'ratioCiHigh', 'difference', 'fisherP', 'fisherPAdjusted'],
    rows: result.groups.map((group) => [group.group, group.n, group.positives, group.rate, group.ciLow, group.ciHigh, group.ratio, group.ratioCiLow, group.ratioCiHigh, group.difference, group.fisherP, group.fisherPAdjusted]),
    notes: [
      `Outcome ${result.outcome} by ${result.group}; reference ${result.reference}; n = ${result.n} (${result.dropped} dropped); p-values adjusted by ${result.adjust === 'holm' ? 'Holm' : 'Benjamini–Hochberg'}`,
      result.chiSquare ? `Pearson chi-square = ${result.chiSquare.statistic.toPrecision(5)}, df = ${result.chiSquare.df}, p = ${result.chiSquare.pValue.toExponential(3)}` : 'No chi-square test (the outcome has one value).',
      ...(result.stratified ? result.stratified.groups.map((group) => `Within strata of ${result.stratified!.strata}: ${group.group} vs ${result.reference}: CMH chi-square = ${group.statistic.toPrecision(5)}, p = ${group.pValue.toExponential(3)} (adjusted ${group.pValueAdjusted.toExponential(3)}), common odds ratio = ${group.commonOddsRatio?.toPrecision(4) ?? '–'}${group.ciLow !== null && group.ciHigh !== null ? ` [${group.ciLow.toPrecision(4)}, ${group.ciHigh.toPrecision(4)}]` : ''}`) : []),
      ...result.groups.filter((group) => group.ratioNote).map((group) => `${group.group}: ${group.ratioNote}`),
      `Four-fifths rule — ${result.heuristics.fourFifthsRule.note} Below 0.8: ${result.heuristics.fourFifthsRule.belowFourFifths.join(', ') || 'none'}.${assumed ? ' (Assumed outcome 1 is favourable; give --harmful 1 if it is the harmful one.)' : ''}`,
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
    summary: [['nTotal', result.n], ['dropped', result.dropped], ['reference', result.reference], ['adjust', result.adjust],
      ['chiSquare', result.chiSquare?.statistic], ['chiSquareDf', result.chiSquare?.df], ['chiSquarePValue', result.chiSquare?.pValue]],
  };
}

/**
 * Runs `crowdaudit disparity` without the process around it: reads the rows, computes the
 * disparity and returns the rendered output (tests and scripts call this directly).
 * @throws AnalysisError or InvalidArgumentError with a message that names the column or option.
 */
export function runDisparity(options: DisparityCommandOptions): Promise<string> {
  if (options.rake) return runRakedComparison(options, options.outcome, options.group);
  const choice = resolveCluster(options);
  if (choice.column !== undefined) {
    const cluster = choice.column;
    if (options.strata) throw new InvalidArgumentError(`--strata with errors clustered by ${cluster} is not available; use regress --model logistic with the stratum as a predictor${choice.byDefault ? ', or --cluster none' : ''}.`);
    return runAnalysis(options, (source, onProgress) => clusteredGroups(source, {
      outcome: options.outcome, groups: options.group, cluster, reference: options.reference.at(-1), adjust: options.adjust, estimate: 'rate', onProgress,
    }), (result) => clusteredGroupsTabular(result, choice, Boolean(options.db), options.minGroupSize), [options.outcome]);
  }
  const { harmful, assumed } = harmfulOutcomeOf(options);
  return runAnalysis(options, (source, onProgress) => disparity(source, {
    harmful,
    outcome: options.outcome,
    groups: options.group,
    reference: options.reference.at(-1),
    strata: options.strata,
    adjust: options.adjust,
    minGroupSize: options.minGroupSize,
    onProgress,
  }), (result) => withNote(tabular(result, assumed), clusterNote(choice, undefined, Boolean(options.db))), [options.outcome]);
}

export function groupOption(command: Command): Command {
  return command
    .requiredOption('--group <column>', 'group column; repeat to cross columns into intersectional groups', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--min-group-size <k>', 'flag groups with fewer rows (k)', (value: string) => {
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('--min-group-size must be a whole number of at least 1.');
      return parsed;
    }, 5);
}

/** `crowdaudit disparity`: rates of a 0/1 outcome by group, against a reference group. */
export function registerDisparityCommand(program: Command): void {
  const command = addClusterOption(addInputOptions(
    groupOption(
      program
        .command('disparity')
        .description('rates of a 0/1 outcome by group: Wilson intervals, rate ratios, Fisher tests (Holm), chi-square')
        .requiredOption('--outcome <column>', "the 0/1 outcome column, or a condition such as 'score_text != Low'"),
    )
      .option('--strata <column>', 'also test within the strata of a legitimate factor (Cochran–Mantel–Haenszel)')
      .addOption(new Option('--adjust <method>', 'multiple-testing adjustment').choices(['holm', 'bh']).default('holm'))
      .addOption(new Option('--harmful <value>', 'the outcome value that is harmful (1 for a refusal, 0 for an approval); a campaign\'s dictionary says it').choices(['0', '1'])),
  ));
  // --cluster first (the cluster option's help and default); --rake then finds it and adds none of its own.
  addRakeOptions(command).action(async (options: DisparityCommandOptions) => {
    process.stdout.write(await runDisparity(options));
  });
}
