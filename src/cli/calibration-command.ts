import { InvalidArgumentError, type Command } from 'commander';
import { calibration, type CalibrationResult } from '../../analysis/calibration';
import { addInputOptions, type InputOptions } from './analysis-input';
import { groupOption } from './disparity-command';
import type { Tabular } from './output-format';
import { runAnalysis } from './run-analysis';

export interface CalibrationCommandOptions extends InputOptions {
  truth: string;
  score: string;
  group: string[];
  bins: number;
  minGroupSize: number;
}

function tabular(result: CalibrationResult): Tabular {
  const aucOf = (group: string) => result.auc.find((entry) => entry.group === group);
  const { interaction, groupAndInteraction } = result.logistic;
  const lr = (test: typeof interaction) => `chi-square = ${test.statistic.toPrecision(5)}, df = ${test.df}, p = ${test.pValue.toExponential(3)}`;
  return {
    headers: ['group', 'bin', 'low', 'high', 'n', 'events', 'rate', 'ciLow', 'ciHigh', 'meanScore', 'auc', 'aucCiLow', 'aucCiHigh'],
    rows: result.bins.map((bin) => [bin.group, bin.bin, bin.low, bin.high, bin.n, bin.events, bin.rate, bin.ciLow, bin.ciHigh, bin.meanScore, aucOf(bin.group)?.auc, aucOf(bin.group)?.ciLow, aucOf(bin.group)?.ciHigh]),
    notes: [
      `Truth ${result.truth}, score ${result.score}, by ${result.group}; reference ${result.reference}; n = ${result.n} (${result.dropped} dropped); bins (low, high]`,
      `Same slope in every group (score × group, likelihood-ratio test): ${lr(interaction)}`,
      `Same risk for the same score in every group (group and score × group): ${lr(groupAndInteraction)}`,
      ...result.auc.map((entry) => `AUC ${entry.group}: ${entry.auc.toPrecision(4)} [${entry.ciLow.toPrecision(4)}, ${entry.ciHigh.toPrecision(4)}] (DeLong), n = ${entry.n}, events = ${entry.events}`),
      result.aucTest ? `Equal AUCs (${result.aucTest.method}): chi-square = ${result.aucTest.statistic.toPrecision(5)}, df = ${result.aucTest.df}, p = ${result.aucTest.pValue.toExponential(3)}` : 'No test of equal AUCs (fewer than two groups with an AUC).',
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
    summary: [['nTotal', result.n], ['dropped', result.dropped], ['reference', result.reference],
      ['interactionChiSquare', interaction.statistic], ['interactionDf', interaction.df], ['interactionPValue', interaction.pValue],
      ['groupAndInteractionChiSquare', groupAndInteraction.statistic], ['groupAndInteractionDf', groupAndInteraction.df], ['groupAndInteractionPValue', groupAndInteraction.pValue],
      ['aucTestChiSquare', result.aucTest?.statistic], ['aucTestDf', result.aucTest?.df], ['aucTestPValue', result.aucTest?.pValue]],
  };
}

/**
 * Runs `crowdaudit calibration` without the process around it.
 * @throws AnalysisError or InvalidArgumentError with a message that names the column or option.
 */
export function runCalibration(options: CalibrationCommandOptions): Promise<string> {
  return runAnalysis(options, (source, onProgress) => calibration(source, {
    truth: options.truth,
    score: options.score,
    groups: options.group,
    reference: options.reference.at(-1),
    bins: options.bins,
    minGroupSize: options.minGroupSize,
    onProgress,
  }), tabular, [options.truth]);
}

/** `crowdaudit calibration`: observed rates by score bin and group, score × group LR test, AUC by group. */
export function registerCalibrationCommand(program: Command): void {
  addInputOptions(
    groupOption(
      program
        .command('calibration')
        .description('calibration and discrimination of a score by group: observed rate per bin (Wilson), score × group likelihood-ratio tests, AUC per group (DeLong) and a test of equal AUCs')
        .requiredOption('--truth <column>', 'what really happened: a 0/1 column or a condition such as \'status = reoffended\'')
        .requiredOption('--score <column>', 'the numeric score (higher: outcome 1 more likely)')
        .option('--bins <count>', 'score bins: quantiles, or one per value when the score has no more values', (value: string) => {
          const parsed = Number(value);
          if (!Number.isInteger(parsed) || parsed < 2) throw new InvalidArgumentError('--bins must be a whole number of at least 2.');
          return parsed;
        }, 10),
    ),
  ).action(async (options: CalibrationCommandOptions) => {
    process.stdout.write(await runCalibration(options));
  });
}
