/**
 * Logistic regression, as R's `glm(family = binomial)`, by iteratively reweighted least squares
 * (McCullagh & Nelder, Generalized Linear Models, 2nd ed., §2.5 and §4.4) over the streamed rows
 * (logistic-irls.ts): each step solves the weighted normal equations by Cholesky; the final step's
 * β and (XᵀWX)⁻¹ are reported from them when they are well-conditioned (κ² < 10⁴, eleven digits),
 * else that step is done again by a streamed Householder QR (and a design too ill-conditioned for
 * the normal equations takes the QR at every step).
 *
 * Start μ = (y + ½)/2 as R's `binomial()$initialize`; then repeat: η = Xβ, μ = 1/(1 + e^−η),
 * w = μ(1 − μ), z = η + (y − μ)/w, β ← WLS of z on X with weights w; stop when
 * |D − D_old|/(|D| + 0.1) < ε (R's rule) with D = −2 Σ [y log μ + (1−y) log(1−μ)]. ε defaults to
 * R's `glm.control()` default, 1e-8, so the iterations, estimates and standard errors are those of
 * a plain `glm(y ~ …, family = binomial)`: the standard errors use the weights of the last step,
 * so a tighter ε (R's results with `glm.control(epsilon = 1e-12)`) moves them by up to 1e-6
 * relative. Var(β) = (XᵀWX)⁻¹ from the last step; Wald z = β/se, p = 2Φ(−|z|), 95% CI β ± 1.96
 * se, odds ratio e^β with its interval e^ciLow – e^ciHigh (R's `exp(confint.default(fit))`);
 * AIC = D + 2p (0/1 data); residual df n − p, null df n − 1; the likelihood-ratio test against the
 * intercept-only model, D_null − D on p − 1 df (R's `anova(glm(y ~ 1), fit, test = "LRT")`).
 *
 * Clustered (`cluster: 'donor'`): the covariance is `sandwich::vcovCL(fit, cluster = ~donor,
 * type = "HC1")` (cluster-robust-covariance.ts) with R's own glm scores: the working residual at
 * the final β times the working weight of the last IRLS step, as `estfun.glm` reads them from the
 * fit. Tests and intervals are then `lmtest::coeftest(fit, vcov = vc)` and `coefci`: Wald z (lmtest
 * uses the normal for a glm, df = Inf), 95% CI β ± 1.96 se. The likelihood-ratio test still treats
 * rows as independent, so `warnings` says to read the clustered Wald tests instead. Rows whose
 * cluster is missing are dropped and counted in `dropped`.
 *
 * Separation (a predictor that perfectly splits 0 from 1) has no finite maximum: fitted
 * probabilities reach 0 or 1 and estimates drift without bound. It is reported in `warnings`,
 * naming the terms whose standard errors explode, never hidden.
 *
 * @throws AnalysisError for a non-0/1 outcome, an outcome that never or always happens, an unknown
 *   column or reference level, a factor with one level, an empty selection, collinear predictors,
 *   an unknown cluster column (named) or fewer than 2 clusters.
 * @example
 *   const fit = await logistic(csvRowSource('german_credit.csv'), { outcome: 'decision', predictors: ['age', 'sex'] });
 *   fit.coefficients.find((c) => c.term === 'sex=female')?.oddsRatio;
 *   const clustered = await logistic(source, { outcome: 'adverse', predictors: ['age', 'sex'], cluster: 'donor' });
 *   clustered.clustered?.clusters; // G, the number of donors
 */
import { AnalysisError } from './analysis-error';
import { clusteredErrors, clusterRobustCovariance, type ClusteredErrors } from './cluster-robust-covariance';
import { chiSquareUpperTail, normalQuantileAt, normalTwoSidedP } from './distributions';
import { DEFAULT_MAX_ITERATIONS, runIrls, type IrlsFit } from './logistic-irls';
import { buildModelFrame, type FrameOptions, type ModelFrame, type ModelSpec, type Term } from './model-frame';
import type { Coefficient } from './ols';
import type { RowSource } from './types';

export interface LogisticCoefficient extends Coefficient {
  oddsRatio: number;
  /** The odds ratio's 95% interval: e^ciLow – e^ciHigh. */
  oddsRatioCiLow: number;
  oddsRatioCiHigh: number;
}

export interface LogisticResult {
  model: 'logistic';
  n: number;
  coefficients: LogisticCoefficient[];
  dfResidual: number;
  dfNull: number;
  deviance: number;
  nullDeviance: number;
  aic: number;
  /** Against the intercept-only model: D_null − D on p − 1 degrees of freedom. */
  likelihoodRatio: { statistic: number; df: number; pValue: number };
  iterations: number;
  converged: boolean;
  dropped: number;
  warnings: string[];
  /** Present when the errors are clustered (`cluster` given): by what, and how many clusters. */
  clustered?: ClusteredErrors;
}

export interface LogisticOptions extends ModelSpec, FrameOptions {
  epsilon?: number;
  maxIterations?: number;
}

/** A standard error this large on the logit scale means the estimate is running off to infinity. */
const DIVERGING_STD_ERROR = 50;

export async function logistic(source: RowSource, options: LogisticOptions): Promise<LogisticResult> {
  const frame = await buildModelFrame(source, options, options);
  try {
    return fitLogistic(frame, options);
  } finally {
    frame.close();
  }
}

export function fitLogistic(frame: ModelFrame, options: { epsilon?: number; maxIterations?: number } = {}): LogisticResult {
  const [fit] = runIrls(frame, [undefined], options);
  return logisticResult(frame, frame.terms, fit, options.maxIterations ?? DEFAULT_MAX_ITERATIONS);
}

/**
 * Nested logistic models on the same frame (for likelihood-ratio tests), fitted together: every
 * pass over the rows serves each model still iterating, so k models cost about as many passes as
 * the slowest one, not k times as many. `termSets` lists each model's term indices (ascending;
 * 0 is the intercept). The results are those of `fitLogistic` on each nested frame.
 */
export function fitNestedLogistic(frame: ModelFrame, termSets: ReadonlyArray<readonly number[]>, options: { epsilon?: number; maxIterations?: number } = {}): LogisticResult[] {
  // Clustered scores are summed over the frame's full design; a nested model's would need its own.
  if (frame.clusters) throw new AnalysisError('Nested logistic fits do not support clustered errors; fit each model on its own frame.');
  return runIrls(frame, termSets, options).map((fit, index) => logisticResult(frame, termSets[index].map((term) => frame.terms[term]), fit, options.maxIterations ?? DEFAULT_MAX_ITERATIONS));
}

function logisticResult(frame: ModelFrame, terms: readonly Term[], fit: IrlsFit, maxIterations: number): LogisticResult {
  const p = terms.length;
  const { factor, deviance, iterations, converged, positives, atBoundary } = fit;
  const finalBeta = fit.beta;
  const unscaled = factor.unscaledCovariance();
  const clustered = frame.clusters ? clusteredErrors(frame) : undefined;
  const covariance = clustered ? clusterRobustCovariance(frame, unscaled, (x, y, nonzero, count) => glmScoreWeight(x, y, nonzero, count, finalBeta, fit.weightsBeta)) : unscaled;
  const quantile = normalQuantileAt(0.975);
  const coefficients = terms.map((term, index) => {
    const stdError = Math.sqrt(covariance[index][index]);
    const statistic = finalBeta[index] / stdError;
    return {
      term: term.name,
      estimate: finalBeta[index],
      stdError,
      statistic,
      pValue: normalTwoSidedP(statistic),
      ciLow: finalBeta[index] - quantile * stdError,
      ciHigh: finalBeta[index] + quantile * stdError,
      oddsRatio: Math.exp(finalBeta[index]),
      oddsRatioCiLow: Math.exp(finalBeta[index] - quantile * stdError),
      oddsRatioCiHigh: Math.exp(finalBeta[index] + quantile * stdError),
    };
  });

  const warnings = separationWarnings(frame.n, atBoundary, coefficients);
  if (!converged) warnings.push(`The fit did not converge in ${maxIterations} iterations; the estimates are not reliable.`);
  if (clustered) {
    warnings.push(`The likelihood-ratio test treats every row as independent; with errors clustered by "${clustered.column}" (${clustered.clusters} clusters), read the clustered Wald tests of the coefficients instead.`);
  }
  const share = positives / frame.n;
  const nullDeviance = -2 * (positives * Math.log(share) + (frame.n - positives) * Math.log(1 - share));
  return {
    model: 'logistic',
    n: frame.n,
    coefficients,
    dfResidual: frame.n - p,
    dfNull: frame.n - 1,
    deviance,
    nullDeviance,
    aic: deviance + 2 * p,
    likelihoodRatio: { statistic: nullDeviance - deviance, df: p - 1, pValue: chiSquareUpperTail(Math.max(nullDeviance - deviance, 0), p - 1) },
    iterations,
    converged,
    dropped: frame.dropped,
    warnings,
    ...(clustered ? { clustered } : {}),
  };
}

/**
 * Row i's score is xᵢ times this: the working residual (y − μ)/(μ(1 − μ)) at the final β times the
 * working weight of the last IRLS step (μ of `weightsBeta`), as R's `estfun.glm` multiplies
 * `residuals(fit, "working")` by `weights(fit, "working")`. At convergence this is y − μ up to
 * the last step's change, which R keeps, so the numbers agree to the last digit.
 */
function glmScoreWeight(x: Float64Array, y: number, nonzero: Int32Array, count: number, beta: number[], weightsBeta: number[] | undefined): number {
  const mu = 1 / (1 + Math.exp(-linearPredictor(x, nonzero, count, beta)));
  const previousMu = weightsBeta ? 1 / (1 + Math.exp(-linearPredictor(x, nonzero, count, weightsBeta))) : (y + 0.5) / 2;
  const weight = Math.max(previousMu * (1 - previousMu), 1e-300);
  return ((y - mu) / Math.max(mu * (1 - mu), 1e-300)) * weight;
}

/** xᵀβ over x's non-zero columns (`nonzero[0 … count)`, as the frame lists them). */
function linearPredictor(x: Float64Array, nonzero: Int32Array, count: number, beta: number[]): number {
  let eta = 0;
  for (let index = 0; index < count; index += 1) eta += x[nonzero[index]] * beta[nonzero[index]];
  return eta;
}

function separationWarnings(n: number, atBoundary: number, coefficients: LogisticCoefficient[]): string[] {
  if (atBoundary === 0) return [];
  const diverging = coefficients.filter((coefficient) => coefficient.stdError > DIVERGING_STD_ERROR).map((coefficient) => `"${coefficient.term}"`);
  return [
    `Separation: ${atBoundary} of ${n} fitted probabilities are numerically 0 or 1, so some groups always or never have the outcome. ` +
      (diverging.length > 0 ? `The estimates of ${diverging.join(', ')} have no finite value and must not be read as effects.` : 'Treat the estimates with great caution.'),
  ];
}
