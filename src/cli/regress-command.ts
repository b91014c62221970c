import { InvalidArgumentError, Option, type Command } from 'commander';
import { logistic, type LogisticResult } from '../../analysis/logistic';
import { ols, type OlsResult } from '../../analysis/ols';
import { addInputOptions, listOf, referenceLevelsOf, type InputOptions } from './analysis-input';
import type { Tabular } from './output-format';
import { runAnalysis } from './run-analysis';

export interface RegressOptions extends InputOptions {
  outcome: string;
  predictors: string[];
  model: 'ols' | 'logistic';
  robust?: 'hc3';
  categorical?: string[];
}

function tabular(result: OlsResult | LogisticResult): Tabular {
  const logisticFit = result.model === 'logistic';
  const headers = ['term', 'estimate', 'stdError', 'statistic', 'pValue', 'ciLow', 'ciHigh', ...(logisticFit ? ['oddsRatio'] : [])];
  const rows = result.coefficients.map((coefficient) => [
    coefficient.term, coefficient.estimate, coefficient.stdError, coefficient.statistic, coefficient.pValue, coefficient.ciLow, coefficient.ciHigh,
    ...('oddsRatio' in coefficient ? [coefficient.oddsRatio] : []),
  ]);
  const notes = result.model === 'ols'
    ? [`n = ${result.n} (${result.dropped} rows dropped for missing values), residual df = ${result.dfResidual}${result.robust ? ', HC3 robust standard errors' : ''}`,
      `R² = ${result.rSquared.toPrecision(5)}, adjusted R² = ${result.adjRSquared.toPrecision(5)}, F = ${result.fStatistic.toPrecision(5)}, p = ${result.fPValue.toExponential(3)}`]
    : [`n = ${result.n} (${result.dropped} rows dropped for missing values), ${result.iterations} IRLS iterations${result.converged ? '' : ' (not converged)'}`,
      `deviance = ${result.deviance.toPrecision(6)}, null deviance = ${result.nullDeviance.toPrecision(6)}, AIC = ${result.aic.toPrecision(6)}`,
      ...result.warnings.map((warning) => `Warning: ${warning}`)];
  return { headers, rows, notes };
}

/** Runs `regress` and returns what it prints. */
export async function runRegress(options: RegressOptions): Promise<string> {
  if (options.robust && options.model !== 'ols') throw new InvalidArgumentError('--robust hc3 applies to --model ols only.');
  const reference = referenceLevelsOf(options.reference);
  return runAnalysis<OlsResult | LogisticResult>(options, (source, onProgress) => {
    const spec = { outcome: options.outcome, predictors: options.predictors, reference, categorical: options.categorical, onProgress };
    return options.model === 'logistic' ? logistic(source, spec) : ols(source, { ...spec, robust: options.robust });
  }, tabular);
}

/** `crowdaudit regress`: OLS (lm) or logistic (glm binomial) regression that agrees with R. */
export function registerRegressCommand(program: Command): void {
  addInputOptions(
    program
      .command('regress')
      .description('linear (OLS) or logistic regression, as R\'s lm and glm')
      .requiredOption('--outcome <column>', 'the outcome column (numeric; 0/1 for logistic)')
      .requiredOption('--predictors <columns>', 'comma-separated predictor columns', listOf)
      .addOption(new Option('--model <model>', 'the model').choices(['ols', 'logistic']).default('ols'))
      .addOption(new Option('--robust <type>', 'heteroskedasticity-robust standard errors (OLS)').choices(['hc3']))
      .option('--categorical <columns>', 'comma-separated numeric columns to treat as categories (codes)', listOf),
  ).action(async (options: RegressOptions) => {
    process.stdout.write(await runRegress(options));
  });
}
