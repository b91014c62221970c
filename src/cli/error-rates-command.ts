import { InvalidArgumentError, type Command } from 'commander';
import { errorRates, type ErrorRatesResult } from '../../analysis/error-rates';
import { addInputOptions, type InputOptions } from './analysis-input';
import { groupOption } from './disparity-command';
import type { Tabular } from './output-format';
import { runAnalysis } from './run-analysis';

export interface ErrorRatesCommandOptions extends InputOptions {
  truth: string;
  prediction?: string;
  score?: string;
  threshold?: number;
  positive?: string;
  group: string[];
  minGroupSize: number;
}

const METRIC_NAMES = { fpr: 'false positive rate', fnr: 'false negative rate', ppv: 'positive predictive value', npv: 'negative predictive value', accuracy: 'accuracy' } as const;

function tabular(result: ErrorRatesResult): Tabular {
  const rows = result.groups.flatMap((group) => (Object.keys(METRIC_NAMES) as Array<keyof typeof METRIC_NAMES>).map((metric) => {
    const estimate = group.metrics[metric];
    const comparison = result.comparisons.find((candidate) => candidate.group === group.group && candidate.metric === metric);
    return [group.group, metric, estimate.count, estimate.of, estimate.estimate, estimate.ciLow, estimate.ciHigh,
      comparison?.ratio, comparison?.ratioCiLow, comparison?.ratioCiHigh, comparison?.difference, comparison?.differenceCiLow, comparison?.differenceCiHigh, comparison?.fisherP, comparison?.fisherPAdjusted];
  }));
  const { fpr, fnr, combined } = result.equalizedOdds;
  const chi = (test: typeof fpr) => (test ? `chi-square = ${test.statistic.toPrecision(5)}, df = ${test.df}, p = ${test.pValue.toExponential(3)}` : 'not testable');
  return {
    headers: ['group', 'metric', 'count', 'of', 'estimate', 'ciLow', 'ciHigh', 'ratio', 'ratioCiLow', 'ratioCiHigh', 'difference', 'differenceCiLow', 'differenceCiHigh', 'fisherP', 'fisherPAdjusted'],
    rows,
    notes: [
      `Truth ${result.truth} (positive: ${result.positive}), prediction ${result.prediction}, by ${result.group}; reference ${result.reference}; n = ${result.n} (${result.dropped} dropped); p-values adjusted by Holm across all metrics and groups`,
      ...result.groups.map((group) => `${group.group}: TP ${group.truePositives}, FP ${group.falsePositives}, TN ${group.trueNegatives}, FN ${group.falseNegatives}`),
      `Equal false positive rates: ${chi(fpr)}; equal false negative rates: ${chi(fnr)}; equalised odds (both): ${chi(combined)}`,
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
    summary: [['n', result.n], ['dropped', result.dropped], ['reference', result.reference],
      ['fprChiSquare', fpr?.statistic], ['fprDf', fpr?.df], ['fprPValue', fpr?.pValue], ['fnrChiSquare', fnr?.statistic], ['fnrDf', fnr?.df], ['fnrPValue', fnr?.pValue],
      ['equalizedOddsChiSquare', combined?.statistic], ['equalizedOddsDf', combined?.df], ['equalizedOddsPValue', combined?.pValue]],
  };
}

/**
 * Runs `crowdaudit error-rates` without the process around it.
 * @throws AnalysisError or InvalidArgumentError with a message that names the column or option.
 */
export function runErrorRates(options: ErrorRatesCommandOptions): Promise<string> {
  if (options.prediction !== undefined && options.score !== undefined) throw new InvalidArgumentError('Give either --prediction or --score with --threshold, not both.');
  if (options.prediction === undefined && (options.score === undefined || options.threshold === undefined)) throw new InvalidArgumentError('Give --prediction COLUMN, or --score COLUMN with --threshold T.');
  return runAnalysis(options, (source, onProgress) => errorRates(source, {
    truth: options.truth,
    prediction: options.prediction,
    score: options.score,
    threshold: options.threshold,
    positive: options.positive,
    groups: options.group,
    reference: options.reference.at(-1),
    minGroupSize: options.minGroupSize,
    onProgress,
  }), tabular, [options.truth, options.prediction]);
}

/** `crowdaudit error-rates`: confusion matrices, FPR, FNR, PPV, NPV and accuracy by group. */
export function registerErrorRatesCommand(program: Command): void {
  addInputOptions(
    groupOption(
      program
        .command('error-rates')
        .description('error rates of a decision or score by group: FPR, FNR, PPV, NPV, accuracy (Wilson), ratios and differences against a reference (Fisher, Holm), equalised odds')
        .requiredOption('--truth <column>', 'what really happened: a 0/1 column, a column with --positive, or a condition such as \'two_year_recid = 1\'')
        .option('--prediction <column>', 'the decision: a 0/1 column, a column with --positive, or a condition such as \'score_text != Low\'')
        .option('--score <column>', 'a numeric score, with --threshold: the prediction is positive when score >= threshold')
        .option('--threshold <number>', 'the threshold for --score', (value: string) => {
          const parsed = Number(value);
          if (value.trim() === '' || !Number.isFinite(parsed)) throw new InvalidArgumentError(`--threshold must be a number (got "${value}").`);
          return parsed;
        })
        .option('--positive <level>', 'the level of --truth and --prediction that counts as positive (default 1)'),
    ),
  ).action(async (options: ErrorRatesCommandOptions) => {
    process.stdout.write(await runErrorRates(options));
  });
}
