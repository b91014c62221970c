import { InvalidArgumentError, Option, type Command } from 'commander';
import { logistic, type LogisticResult } from '../../analysis/logistic';
import { ols, type OlsResult } from '../../analysis/ols';
import { addInputOptions, listOf, referenceLevelsOf, type InputOptions } from './analysis-input';
import { addClusterOption, regressionClusterReport, resolveCluster, type ClusterChoice } from './cluster-option';
import type { Tabular } from './output-format';
import { runAnalysis } from './run-analysis';
import { runOrdinalRegress } from './ordinal-regress';

export interface RegressOptions extends InputOptions {
  outcome: string;
  predictors: string[];
  model: 'ols' | 'logistic' | 'ordinal';
  /** For --model ordinal: the outcome's levels, first to last, and values outside the order. */
  order?: string[];
  outsideOrder?: string[];
  robust?: 'hc3';
  categorical?: string[];
}

function tabular(result: OlsResult | LogisticResult, choice: ClusterChoice, db: boolean): Tabular {
  const { notes: clusterNotes, summary: clusterSummary } = regressionClusterReport(choice, result.clustered, db);
  if (result.model === 'ols') {
    return {
      headers: ['term', 'estimate', 'stdError', 'statistic', 'pValue', 'ciLow', 'ciHigh'],
      rows: result.coefficients.map((c) => [c.term, c.estimate, c.stdError, c.statistic, c.pValue, c.ciLow, c.ciHigh]),
      notes: [
        `n = ${result.n} (${result.dropped} rows dropped for missing values), residual df = ${result.dfResidual}${result.robust ? ', HC3 robust standard errors' : ''}`,
        `R² = ${result.rSquared.toPrecision(5)}, adjusted R² = ${result.adjRSquared.toPrecision(5)}, ${result.fStatistic === null || result.fPValue === null
          ? `no joint test of the slopes (${result.clustered?.clusters} clusters for ${result.coefficients.length - 1} slopes)`
          : `${result.clustered ? 'Wald ' : ''}F = ${result.fStatistic.toPrecision(5)} on ${result.coefficients.length - 1} and ${result.dfResidual} df, p = ${result.fPValue.toExponential(3)}`}`,
        ...clusterNotes,
      ],
      summary: [['n', result.n], ['dropped', result.dropped], ['dfResidual', result.dfResidual], ['rSquared', result.rSquared], ['adjRSquared', result.adjRSquared], ['fStatistic', result.fStatistic], ['fPValue', result.fPValue], ...clusterSummary],
    };
  }
  const lr = result.likelihoodRatio;
  return {
    headers: ['term', 'estimate', 'stdError', 'statistic', 'pValue', 'ciLow', 'ciHigh', 'oddsRatio', 'oddsRatioCiLow', 'oddsRatioCiHigh'],
    rows: result.coefficients.map((c) => [c.term, c.estimate, c.stdError, c.statistic, c.pValue, c.ciLow, c.ciHigh, c.oddsRatio, c.oddsRatioCiLow, c.oddsRatioCiHigh]),
    notes: [
      `n = ${result.n} (${result.dropped} rows dropped for missing values), ${result.iterations} IRLS iterations${result.converged ? '' : ' (not converged)'}`,
      `deviance = ${result.deviance.toPrecision(6)} on ${result.dfResidual} df, null deviance = ${result.nullDeviance.toPrecision(6)} on ${result.dfNull} df, AIC = ${result.aic.toPrecision(6)}`,
      `Likelihood-ratio test against the intercept-only model: chi-square = ${lr.statistic.toPrecision(5)}, df = ${lr.df}, p = ${lr.pValue.toExponential(3)}`,
      ...clusterNotes,
      ...result.warnings.map((warning) => `Warning: ${warning}`),
    ],
    summary: [['n', result.n], ['dropped', result.dropped], ['dfResidual', result.dfResidual], ['dfNull', result.dfNull], ['deviance', result.deviance], ['nullDeviance', result.nullDeviance], ['aic', result.aic],
      ['lrStatistic', lr.statistic], ['lrDf', lr.df], ['lrPValue', lr.pValue], ['iterations', result.iterations], ['converged', result.converged], ...clusterSummary],
  };
}

/** Runs `regress` and returns what it prints. */
export async function runRegress(options: RegressOptions): Promise<string> {
  if (options.robust && options.model !== 'ols') throw new InvalidArgumentError('--robust hc3 applies to --model ols only.');
  if ((options.order || options.outsideOrder) && options.model !== 'ordinal') throw new InvalidArgumentError('--order and --outside-order apply to --model ordinal only.');
  const choice = resolveCluster(options);
  if (options.robust && choice.column !== undefined) {
    throw new InvalidArgumentError(`--robust hc3 and errors clustered by ${choice.column} exclude each other (clustered errors are already robust)${choice.byDefault ? '; a campaign is clustered by donor unless --cluster none' : ''}.`);
  }
  const reference = referenceLevelsOf(options.reference);
  if (options.model === 'ordinal') return runOrdinalRegress(options, reference, choice);
  return runAnalysis<OlsResult | LogisticResult>(options, (source, onProgress) => {
    const spec = { outcome: options.outcome, predictors: options.predictors, reference, categorical: options.categorical, cluster: choice.column, onProgress };
    return options.model === 'logistic' ? logistic(source, spec) : ols(source, { ...spec, robust: options.robust });
  }, (result) => tabular(result, choice, Boolean(options.db)), [options.outcome]);
}

/** `crowdaudit regress`: OLS (lm), logistic (glm binomial) or proportional-odds (MASS::polr) regression that agrees with R. */
export function registerRegressCommand(program: Command): void {
  const command = addInputOptions(
    program
      .command('regress')
      .description('linear (OLS), logistic or ordinal (proportional-odds) regression, as R\'s lm, glm and MASS::polr')
      .requiredOption('--outcome <column>', "the outcome column (numeric; 0/1 for logistic), or a condition such as 'score_text != Low'")
      .requiredOption('--predictors <columns>', 'comma-separated predictor columns; a*b for both and their interaction, a:b for the interaction alone', listOf)
      .addOption(new Option('--model <model>', 'the model').choices(['ols', 'logistic', 'ordinal']).default('ols'))
      .option('--order <levels>', "for --model ordinal: the outcome's levels, first to last (default: a campaign dictionary's order)", listOf)
      .option('--outside-order <values>', 'for --model ordinal: outcome values that are no level of the order, read as missing (e.g. unknown)', listOf)
      .addOption(new Option('--robust <type>', 'heteroskedasticity-robust standard errors (OLS)').choices(['hc3']))
      .option('--categorical <columns>', 'comma-separated numeric columns to treat as categories (codes)', listOf),
  );
  addClusterOption(command).action(async (options: RegressOptions) => {
    process.stdout.write(await runRegress(options));
  });
}
