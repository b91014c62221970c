/**
 * `crowdaudit regress --model ordinal`: proportional-odds regression of an ordered outcome. The
 * order is `--order` (first to last), else, with `--db --campaign`, the campaign dictionary's
 * (an ordered field's enum, without its values outside the order, which count as missing).
 * Its errors are clustered as the other models' (cluster-option.ts): by donor for a campaign
 * unless `--cluster none`, by `--cluster COLUMN` on a CSV file.
 */
import { InvalidArgumentError } from 'commander';
import { proportionalOdds, type ProportionalOddsResult } from '../../analysis/proportional-odds';
import type { ReferenceLevels } from '../../analysis/types';
import { loadCampaigns } from '../campaigns/load-campaigns';
import { orderedLevelsOf } from '../campaigns/ordered-levels';
import type { InputOptions } from './analysis-input';
import { regressionClusterReport, type ClusterChoice } from './cluster-option';
import type { Tabular } from './output-format';
import { runAnalysis } from './run-analysis';

export interface OrdinalRegressOptions extends InputOptions {
  outcome: string;
  predictors: string[];
  categorical?: string[];
  /** `--order A,B,C`: the levels first to last. */
  order?: string[];
  /** `--outside-order unknown`: values that are no level of the order (read as missing). */
  outsideOrder?: string[];
}

/** The order and the values outside it: from the options, else from the campaign's dictionary. */
export function outcomeOrderOf(options: OrdinalRegressOptions): { order: string[]; missingLevels: string[]; source: string } {
  const dictionaryOrder = () => {
    if (!options.db || !options.campaign) return undefined;
    const field = loadCampaigns().get(options.campaign)?.schema.fields.find((candidate) => candidate.name === options.outcome);
    return field ? orderedLevelsOf(field) : undefined;
  };
  if (options.order) {
    return { order: options.order, missingLevels: options.outsideOrder ?? dictionaryOrder()?.missingLevels ?? [], source: '--order' };
  }
  const fromDictionary = dictionaryOrder();
  if (!fromDictionary) {
    throw new InvalidArgumentError(
      options.db && options.campaign
        ? `The field "${options.outcome}" of the campaign "${options.campaign}" is not ordered in its data dictionary: give its levels with --order, first to last.`
        : `--model ordinal needs the outcome's levels in order: give --order 'FIRST,SECOND,…' (or read a campaign whose dictionary orders "${options.outcome}").`,
    );
  }
  return { order: fromDictionary.levels, missingLevels: options.outsideOrder ?? fromDictionary.missingLevels, source: `the ${options.campaign} data dictionary (${fromDictionary.direction})` };
}

export function ordinalTabular(result: ProportionalOddsResult, orderSource: string, choice: ClusterChoice, db: boolean): Tabular {
  const { notes: clusterNotes, summary: clusterSummary } = regressionClusterReport(choice, result.clustered, db);
  return {
    headers: ['term', 'estimate', 'stdError', 'statistic', 'pValue', 'ciLow', 'ciHigh', 'oddsRatio', 'oddsRatioCiLow', 'oddsRatioCiHigh'],
    rows: [
      ...result.coefficients.map((c) => [c.term, c.estimate, c.stdError, c.statistic, c.pValue, c.ciLow, c.ciHigh, c.oddsRatio, c.oddsRatioCiLow, c.oddsRatioCiHigh]),
      // The thresholds (polr's zeta) as rows too, so that csv output keeps them; they have no test or odds ratio.
      ...result.thresholds.map((t) => [`threshold ${t.threshold}`, t.estimate, t.stdError, t.statistic, null, null, null, null, null, null]),
    ],
    notes: [
      `Proportional odds (polr, logistic): ${result.outcome} ordered ${result.levels.join(' < ')} (order from ${orderSource}); a positive estimate means later levels; odds ratios are for being beyond any cut.`,
      `n = ${result.n} (${result.dropped} rows dropped for missing values), ${result.iterations} Newton iterations${result.converged ? '' : ' (not converged)'}`,
      `deviance = ${result.deviance.toPrecision(6)}, AIC = ${result.aic.toPrecision(6)}, residual df = ${result.dfResidual}`,
      // lmtest::coeftest on a polr fit tests with t on its df.residual, where polr's own summary gives z: say which.
      ...(result.clustered ? [`Clustered tests and intervals: t on ${result.dfResidual} df, as lmtest::coeftest(fit, vcov = vcovCL(fit, cluster = ~${result.clustered.column}, type = "HC1"))`] : []),
      ...clusterNotes,
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
    summary: [['n', result.n], ['dropped', result.dropped], ['dfResidual', result.dfResidual], ['deviance', result.deviance], ['aic', result.aic],
      ['logLikelihood', result.logLikelihood], ['levels', result.levels.join('<')], ['iterations', result.iterations], ['converged', result.converged], ...clusterSummary],
  };
}

/** Runs the ordinal model and returns what `regress --model ordinal` prints. */
export function runOrdinalRegress(options: OrdinalRegressOptions, reference: ReferenceLevels, choice: ClusterChoice): Promise<string> {
  const { order, missingLevels, source } = outcomeOrderOf(options);
  return runAnalysis<ProportionalOddsResult>(options, (rows, onProgress) => proportionalOdds(rows, {
    outcome: options.outcome, order, missingLevels, predictors: options.predictors, reference, categorical: options.categorical, cluster: choice.column, onProgress,
  }), (result) => ordinalTabular(result, source, choice, Boolean(options.db)));
}
