import fs from 'node:fs';
import type { Command } from 'commander';
import { survival, type SurvivalResult } from '../../analysis/survival';
import { survivalCurveChart } from '../evidence/charts/survival-curve-chart';
import { addInputOptions, listOf, referenceLevelsOf, type InputOptions } from './analysis-input';
import { groupOption } from './disparity-command';
import type { Tabular } from './output-format';
import { runAnalysis } from './run-analysis';

export interface SurvivalCommandOptions extends InputOptions {
  time: string;
  event: string;
  group: string[];
  predictors?: string[];
  svg?: string;
  minGroupSize: number;
}

function tabular(result: SurvivalResult): Tabular {
  const { cox } = result;
  const test = (entry: { statistic: number; df: number; pValue: number }) => `chi-square = ${entry.statistic.toPrecision(5)}, df = ${entry.df}, p = ${entry.pValue.toExponential(3)}`;
  return {
    headers: ['group', 'time', 'atRisk', 'events', 'censored', 'survival', 'stdErr', 'ciLow', 'ciHigh'],
    rows: result.curves.flatMap((curve) => curve.steps.map((step) => [curve.group, step.time, step.atRisk, step.events, step.censored, step.survival, step.stdErr, step.ciLow, step.ciHigh])),
    notes: [
      `Time ${result.time}, event ${result.event}, by ${result.group}; reference ${result.reference}; n = ${result.n}, ${result.events} events (${result.dropped} rows dropped for missing values)`,
      ...result.curves.map((curve) => `${curve.group}: n = ${curve.n}, events = ${curve.events}, median time = ${curve.median ?? 'not reached'}`),
      `Log-rank test (survdiff): ${test(result.logRank)}`,
      `Cox model (Efron ties), ${cox.iterations} iterations${cox.converged ? '' : ' (not converged)'}:`,
      ...cox.coefficients.map((coefficient) => `  ${coefficient.term}: hazard ratio ${coefficient.hazardRatio.toPrecision(4)} [${coefficient.hazardRatioCiLow.toPrecision(4)}, ${coefficient.hazardRatioCiHigh.toPrecision(4)}], z = ${coefficient.statistic.toPrecision(4)}, p = ${coefficient.pValue.toExponential(3)}`),
      `Likelihood-ratio test: ${test(cox.likelihoodRatio)}; Wald: ${test(cox.wald)}; score (log-rank): ${test(cox.score)}`,
      `Proportional hazards (cox.zph): ${cox.proportionalHazards.map((entry) => `${entry.term} ${test(entry)}`).join('; ')}`,
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
    summary: [['nTotal', result.n], ['eventsTotal', result.events], ['dropped', result.dropped], ['reference', result.reference],
      ['logRankChiSquare', result.logRank.statistic], ['logRankDf', result.logRank.df], ['logRankPValue', result.logRank.pValue],
      ...cox.coefficients.flatMap((coefficient): Array<[string, number]> => [[`hazardRatio[${coefficient.term}]`, coefficient.hazardRatio], [`hazardRatioCiLow[${coefficient.term}]`, coefficient.hazardRatioCiLow], [`hazardRatioCiHigh[${coefficient.term}]`, coefficient.hazardRatioCiHigh], [`pValue[${coefficient.term}]`, coefficient.pValue]]),
      ['zphGlobalChiSquare', cox.proportionalHazards.at(-1)!.statistic], ['zphGlobalPValue', cox.proportionalHazards.at(-1)!.pValue]],
  };
}

/**
 * Runs `crowdaudit survival` without the process around it; with `svg`, also writes the curves there.
 * @throws AnalysisError or InvalidArgumentError with a message that names the column or option.
 */
export function runSurvival(options: SurvivalCommandOptions): Promise<string> {
  // --reference race=Caucasian (or Caucasian) names the group's reference; other column=level pairs are predictors'.
  const predictorReference = referenceLevelsOf(options.reference.filter((value) => value.includes('=') && !value.startsWith(`${options.group[0]}=`)));
  const groupReference = options.reference.filter((value) => !value.includes('=') || value.startsWith(`${options.group[0]}=`)).at(-1);
  return runAnalysis(options, async (source, onProgress) => {
    const result = await survival(source, {
      time: options.time,
      event: options.event,
      groups: options.group,
      reference: groupReference,
      predictors: options.predictors,
      predictorReference,
      minGroupSize: options.minGroupSize,
      onProgress,
    });
    if (options.svg) {
      fs.writeFileSync(options.svg, survivalCurveChart({
        title: `Kaplan–Meier: ${result.event} over ${result.time}, by ${result.group}`,
        description: `Share of each group without "${result.event}" as time passes; ${result.curves.map((curve) => `${curve.group}: median ${curve.median ?? 'not reached'}`).join('; ')}. Log-rank p = ${result.logRank.pValue.toExponential(2)}.`,
        timeLabel: result.time,
        curves: result.curves.map((curve) => ({ label: `${curve.group} (n = ${curve.n})`, steps: curve.steps })),
      }));
    }
    return result;
  }, tabular, [options.event]);
}

/** `crowdaudit survival`: Kaplan–Meier by group, log-rank, Cox PH with Efron ties and cox.zph. */
export function registerSurvivalCommand(program: Command): void {
  addInputOptions(
    groupOption(
      program
        .command('survival')
        .description('time to an event by group: Kaplan–Meier (table, --svg), log-rank, Cox model (Efron ties) with hazard ratios and the proportional-hazards check, as R\'s survival package')
        .requiredOption('--time <column>', 'the time until the event or until follow-up ended (a number)')
        .requiredOption('--event <column>', '1 when the event happened at that time, 0 when follow-up ended without it; or a condition such as \'status = deactivated\'')
        .option('--predictors <columns>', 'more covariates for the Cox model (comma-separated; a*b and a:b for interactions)', listOf)
        .option('--svg <file>', 'also write the Kaplan–Meier curves as an SVG file'),
    ),
  ).action(async (options: SurvivalCommandOptions) => {
    process.stdout.write(await runSurvival(options));
  });
}
