import { Option, type Command } from 'commander';
import type { AdjustMethod } from '../../analysis/p-adjust';
import { compare, type CompareResult } from '../../analysis/compare';
import { addInputOptions, type InputOptions } from './analysis-input';
import { addClusterOption, clusterNote, resolveCluster } from './cluster-option';
import { clusteredGroups, clusteredGroupsTabular } from './clustered-groups-output';
import { groupOption } from './disparity-command';
import { withNote, type Tabular } from './output-format';
import { runAnalysis } from './run-analysis';
import { addRakeOptions, runRakedComparison, type RakeCommandOptions } from './rake-option';

export interface CompareCommandOptions extends InputOptions, RakeCommandOptions {
  outcome: string;
  group: string[];
  minGroupSize: number;
  /** With clustered errors: how the differences' p-values are adjusted across groups (default Holm). */
  adjust?: AdjustMethod;
}

function tabular(result: CompareResult): Tabular {
  return {
    headers: ['group', 'n', 'mean', 'sd', 'median', 'welchT', 'welchDf', 'welchP', 'mannWhitneyW', 'mannWhitneyP', 'cohensD'],
    rows: result.groups.map((group) => [group.group, group.n, group.mean, group.sd, group.median, group.welch?.statistic, group.welch?.df, group.welch?.pValue, group.mannWhitney?.statistic, group.mannWhitney?.pValue, group.cohensD]),
    notes: [
      `Outcome ${result.outcome} by ${result.group}; reference ${result.reference}; n = ${result.n} (${result.dropped} dropped). Tests are not adjusted for multiple groups.`,
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
  };
}

/**
 * Runs `crowdaudit compare` without the process around it: reads the rows, compares the groups
 * and returns the rendered output (tests and scripts call this directly).
 * @throws AnalysisError or InvalidArgumentError with a message that names the column or option.
 */
export function runCompare(options: CompareCommandOptions): Promise<string> {
  if (options.rake) return runRakedComparison(options, options.outcome, options.group);
  const choice = resolveCluster(options);
  if (choice.column !== undefined) {
    const cluster = choice.column;
    return runAnalysis(options, (source, onProgress) => clusteredGroups(source, {
      outcome: options.outcome, groups: options.group, cluster, reference: options.reference.at(-1), adjust: options.adjust ?? 'holm', estimate: 'mean', onProgress,
    }), (result) => clusteredGroupsTabular(result, choice, Boolean(options.db), options.minGroupSize), [options.outcome]);
  }
  return runAnalysis(options, (source, onProgress) => compare(source, {
    outcome: options.outcome,
    groups: options.group,
    reference: options.reference.at(-1),
    minGroupSize: options.minGroupSize,
    onProgress,
  }), (result) => withNote(tabular(result), clusterNote(choice, undefined, Boolean(options.db))), [options.outcome]);
}

/** `crowdaudit compare`: a numeric outcome by group, against a reference group. */
export function registerCompareCommand(program: Command): void {
  const command = addClusterOption(addInputOptions(
    groupOption(
      program
        .command('compare')
        .description('a numeric outcome by group: mean, sd, median, Welch t, Mann–Whitney, Cohen\'s d')
        .requiredOption('--outcome <column>', 'the numeric outcome column'),
    ),
  ).addOption(new Option('--adjust <method>', 'multiple-testing adjustment of the clustered differences').choices(['holm', 'bh']).default('holm')));
  // --cluster first (the cluster option's help and default); --rake then finds it and adds none of its own.
  addRakeOptions(command).action(async (options: CompareCommandOptions) => {
    process.stdout.write(await runCompare(options));
  });
}
