/**
 * Proportional-odds (ordered logistic) regression of an ordered categorical outcome, as R's
 * `MASS::polr(y ~ x…, method = "logistic", Hess = TRUE)`; with `cluster`, its errors clustered by
 * donor as `sandwich::vcovCL(fit, cluster = ~donor, type = "HC1")`, because a donor's several
 * records are not several independent people.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { AnalysisError } from './analysis-error';
import { clusteredErrors, clusterRobustCovarianceOfScores, type ClusteredErrors } from './cluster-robust-covariance';
import { normalQuantileAt, normalTwoSidedP, tQuantileAt, tTwoSidedP } from './distributions';
import { fitLeastSquares } from './fit-least-squares';
import { buildModelFrame, type FrameOptions, type ModelFrame, type ModelSpec } from './model-frame';
import { orderedOutcomeSource } from './ordered-outcome-source';
import { likelihoodPass, rowScoreAdder, type LikelihoodPass, type ParameterLayout } from './proportional-odds-likelihood';
import type { LogisticCoefficient } from './logistic';
import type { RowSource } from './types';

/**
 * A coefficient as logistic regression reports it (odds ratio with its interval): e^estimate is how
 * the odds of a later level (rather than this one or an earlier one) multiply. `statistic` is Wald
 * z, or t on n − k df when clustered (as lmtest's coeftest on a polr fit).
 */
export type ProportionalOddsCoefficient = LogisticCoefficient;

export interface ProportionalOddsThreshold {
  /** `A|B`: the cut between a level and the next, as polr names its zeta. */
  threshold: string;
  estimate: number;
  stdError: number;
  statistic: number;
}

export interface ProportionalOddsResult {
  model: 'ordinal';
  outcome: string;
  /** The levels used, first to last (the caller's order, without levels no row has). */
  levels: string[];
  /** Levels of the order that no row used has; they are left out, as R's `droplevels`. */
  emptyLevels: string[];
  n: number;
  dropped: number;
  coefficients: ProportionalOddsCoefficient[];
  thresholds: ProportionalOddsThreshold[];
  logLikelihood: number;
  deviance: number;
  aic: number;
  /** n − (predictors + thresholds), as polr's `df.residual`. */
  dfResidual: number;
  iterations: number;
  converged: boolean;
  warnings: string[];
  /** Present when the errors are clustered (`cluster` given): by what, and how many clusters. */
  clustered?: ClusteredErrors;
}

export interface ProportionalOddsOptions extends Omit<ModelSpec, 'outcome'>, FrameOptions {
  outcome: string;
  /** The outcome's levels from first to last (e.g. best to worst). */
  order: readonly string[];
  /** Values of the outcome read as missing (e.g. `unknown`). */
  missingLevels?: readonly string[];
  maxIterations?: number;
  // `cluster` (from ModelSpec): the column naming each row's donor, for errors clustered by donor.
}

/** A standard error this large on the logit scale means the estimate is running off to infinity. */
const DIVERGING_STD_ERROR = 50;
/** Newton stops when no parameter moves by more than this, relative to its size (plus 1). */
const STEP_TOLERANCE = 1e-10;

/**
 * Proportional-odds logistic regression: P(Y ≤ k | x) = F(ζ_k − xᵀβ), k = 1 … K − 1, with F the
 * logistic distribution function and thresholds ζ_1 < … < ζ_{K−1} (McCullagh 1980, "Regression
 * models for ordinal data", JRSS B 42:109–142; Agresti, Categorical Data Analysis, 3rd ed., §8.2;
 * Venables & Ripley, MASS, 4th ed., §7.3). A positive β means higher values of the predictor go
 * with *later* levels of the order — worse ones, for an order from best to worst — and e^β is the
 * factor by which the odds of being beyond any cut multiply.
 *
 * The log-likelihood Σ log[F(ζ_{y} − η) − F(ζ_{y−1} − η)] is maximised by Newton–Raphson with the
 * exact gradient and Hessian (step halving keeps the thresholds ordered and the likelihood rising),
 * from β = 0 and ζ_k = logit of the cumulative share of the first k levels, until no parameter
 * moves by more than 1e-10 of its size. Standard errors are from the inverse of the negative
 * Hessian at the maximum. R's polr uses BFGS, stops at reltol 1e-8 (estimates off in about the
 * fifth digit) and differentiates its gradient numerically for the Hessian: the reference numbers
 * (tests/fixtures/ordinal/polr-reference.R) restart polr's BFGS from its own solution with
 * reltol 1e-16 and a finite-difference step of 1e-5, so that both reach the same maximum.
 * Intervals are Wald intervals, as `confint.default(fit)` (MASS's `confint` profiles the
 * likelihood instead); z tests as `coef(summary(fit))` with p = 2Φ(−|z|).
 *
 * Clustered (`cluster: 'donor'`): V = c · B (Σ_g u_g u_gᵀ) B over all k = p + (K − 1) parameters,
 * with B = (−H)⁻¹ on (β, ζ), u_g the sum of donor g's scores — row i's is −xᵢ (f(a) − f(b))/P for β,
 * f(a)/P for ζ_y and −f(b)/P for ζ_{y−1} (a = ζ_y − η, b = ζ_{y−1} − η, f the logistic density,
 * P the row's probability: `sandwich::estfun.polr`, on the ζ scale, not polr's log-spacings) —
 * and c = G/(G − 1) · (n − 1)/(n − k), sandwich's HC1 factor with k counting the thresholds too, as
 * `meatCL` counts the columns of `estfun` (Zeileis, Köll & Graham 2020, J. Stat. Softw. 95(1);
 * Cameron & Miller 2015, J. Human Resources 50(2)). Records of one donor may then be correlated
 * in any way. Tests and intervals are `lmtest::coeftest(fit, vcov = vc)` and `coefci`: lmtest has
 * no polr method, and its default takes polr's finite `df.residual`, so they use **t on n − k
 * df**, not z. The thresholds get their clustered errors from the same V (coeftest leaves them
 * out). The deviance and AIC still treat rows as independent, which `warnings` says. Rows whose
 * cluster is missing are dropped and counted in `dropped`. All of this is checked against R in
 * tests/fixtures/ordinal/polr-cluster-reference.R.
 *
 * The level order comes from the caller (a dictionary's or `--order`), never from sorting. Levels
 * no row has are dropped (with a note in `emptyLevels`); at least three must remain (with two, use
 * logistic regression). Terms are named as everywhere in crowdaudit (`sex=male`); there is no
 * intercept: the thresholds take its place.
 *
 * R: `polr(factor(y, levels = order) ~ x1 + x2, data = d, method = "logistic", Hess = TRUE)`;
 * clustered, `vc <- sandwich::vcovCL(fit, cluster = ~donor, type = "HC1")`,
 * `lmtest::coeftest(fit, vcov. = vc)`, `lmtest::coefci(fit, vcov. = vc)`.
 *
 * @throws AnalysisError for an outcome value neither in the order nor among `missingLevels`, fewer
 *   than three levels in the rows used, an unknown column, a constant or collinear predictor, an
 *   unknown cluster column (named) or fewer than 2 clusters.
 * @example
 *   const fit = await proportionalOdds(csvRowSource('credit.csv'), {
 *     outcome: 'rating_class', order: ['A', 'B', 'C', 'D'], missingLevels: ['unknown'], predictors: ['age_band', 'negative_entries'],
 *   });
 *   fit.coefficients.find((c) => c.term === 'negative_entries')?.oddsRatio; // > 1: more entries, worse classes
 *   const clustered = await proportionalOdds(source, { outcome: 'rating', order: ['good', 'fair', 'poor', 'bad'], predictors: ['age', 'sex'], cluster: 'donor' });
 *   clustered.clustered; // { column: 'donor', clusters: 80, type: 'HC1' }
 */
export async function proportionalOdds(source: RowSource, options: ProportionalOddsOptions): Promise<ProportionalOddsResult> {
  if (new Set(options.order).size !== options.order.length) throw new AnalysisError(`The order of "${options.outcome}" names a level twice: ${options.order.join(', ')}.`);
  if (options.order.length < 3) throw new AnalysisError(`The order of "${options.outcome}" needs at least three levels (with two, use the logistic model).`);
  const ranked = orderedOutcomeSource(source, { column: options.outcome, order: options.order, missingLevels: options.missingLevels });
  const frame = await buildModelFrame(ranked, { ...options, outcome: options.outcome }, options);
  try {
    return fitProportionalOdds(frame, options.order, options.maxIterations ?? 100);
  } finally {
    frame.close();
  }
}

function fitProportionalOdds(frame: ModelFrame, order: readonly string[], maxIterations: number): ProportionalOddsResult {
  // Before the fit, so that fewer than two clusters fails at once.
  const clustered = frame.clusters ? clusteredErrors(frame) : undefined;
  // The intercept column is in the frame only for the collinearity check: the thresholds replace it.
  fitLeastSquares(frame);
  const counts = new Array<number>(order.length + 1).fill(0);
  frame.forEachRow((_x, y) => {
    counts[y] += 1;
  });
  const levels = order.filter((_level, index) => counts[index + 1] > 0);
  const emptyLevels = order.filter((_level, index) => counts[index + 1] === 0);
  if (levels.length < 3) {
    throw new AnalysisError(`The outcome "${frame.outcome}" has ${levels.length} level(s) in the rows used (${levels.join(', ')}); proportional odds needs at least three (with two, use the logistic model).`);
  }
  // Rank in the order → position among the levels used (1-based).
  const compact = new Int32Array(order.length + 1);
  let next = 0;
  for (let rank = 1; rank <= order.length; rank += 1) if (counts[rank] > 0) compact[rank] = ++next;

  const predictors = frame.terms.length - 1;
  const cuts = levels.length - 1;
  const size = predictors + cuts;
  const layout: ParameterLayout = { predictors, cuts, compact };
  const pass = (theta: Float64Array): LikelihoodPass => likelihoodPass(frame, theta, layout);

  const theta = new Float64Array(size);
  let cumulative = 0;
  for (let k = 0; k < cuts; k += 1) {
    cumulative += counts[order.indexOf(levels[k]) + 1];
    const share = cumulative / frame.n;
    theta[predictors + k] = Math.log(share / (1 - share));
  }

  let current = pass(theta);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const step = newtonStep(current);
    if (step === undefined) break;
    let largest = 0;
    for (let j = 0; j < size; j += 1) largest = Math.max(largest, Math.abs(step[j]) / (1 + Math.abs(theta[j])));
    if (largest < STEP_TOLERANCE) {
      converged = true;
      break;
    }
    iterations += 1;
    let scale = 1;
    let accepted = false;
    for (let halving = 0; halving < 40; halving += 1, scale /= 2) {
      const candidate = theta.map((value, j) => value + scale * step[j]);
      if (!thresholdsIncrease(candidate, predictors)) continue;
      const trial = pass(candidate);
      if (trial.logLikelihood >= current.logLikelihood - 1e-12 * Math.abs(current.logLikelihood)) {
        theta.set(candidate);
        current = trial;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }

  const modelCovariance = inverseOfNegative(current.hessian, size);
  const covariance = clustered ? clusterRobustCovarianceOfScores(frame, modelCovariance, rowScoreAdder(theta, layout)) : modelCovariance;
  const dfResidual = frame.n - size;
  // Clustered, as lmtest::coeftest/coefci on a polr fit: t on polr's finite df.residual, n − k.
  const quantile = clustered ? tQuantileAt(0.975, dfResidual) : normalQuantileAt(0.975);
  const twoSidedP = (statistic: number) => (clustered ? tTwoSidedP(statistic, dfResidual) : normalTwoSidedP(statistic));
  const stdErrorAt = (j: number) => Math.sqrt(covariance[j][j]);
  const coefficients = frame.terms.slice(1).map((term, j) => {
    const estimate = theta[j];
    const stdError = stdErrorAt(j);
    const statistic = estimate / stdError;
    return {
      term: term.name,
      estimate,
      stdError,
      statistic,
      pValue: twoSidedP(statistic),
      ciLow: estimate - quantile * stdError,
      ciHigh: estimate + quantile * stdError,
      oddsRatio: Math.exp(estimate),
      oddsRatioCiLow: Math.exp(estimate - quantile * stdError),
      oddsRatioCiHigh: Math.exp(estimate + quantile * stdError),
    };
  });
  const thresholds = levels.slice(0, -1).map((level, k) => {
    const estimate = theta[predictors + k];
    const stdError = stdErrorAt(predictors + k);
    return { threshold: `${level}|${levels[k + 1]}`, estimate, stdError, statistic: estimate / stdError };
  });

  const warnings: string[] = [];
  if (emptyLevels.length > 0) warnings.push(`No row used has the level(s) ${emptyLevels.map((level) => `"${level}"`).join(', ')} of "${frame.outcome}"; they are left out of the model.`);
  // Judged on the model-based errors, which measure how flat the likelihood is, not on the clustered ones.
  const diverging = coefficients.filter((_coefficient, j) => !(Math.sqrt(modelCovariance[j][j]) <= DIVERGING_STD_ERROR)).map((coefficient) => `"${coefficient.term}"`);
  if (diverging.length > 0) warnings.push(`The estimates of ${diverging.join(', ')} have no finite value (a group only ever has the first or the last levels) and must not be read as effects.`);
  if (!converged) warnings.push(`The fit did not converge in ${maxIterations} Newton iterations; the estimates are not reliable.`);
  if (clustered) {
    warnings.push(`The deviance, log-likelihood and AIC treat every row as independent; with errors clustered by "${clustered.column}" (${clustered.clusters} clusters), do not compare models by their differences (likelihood-ratio tests): read the clustered tests of the coefficients instead.`);
  }
  const deviance = -2 * current.logLikelihood;
  return {
    model: 'ordinal',
    outcome: frame.outcome,
    levels,
    emptyLevels,
    n: frame.n,
    dropped: frame.dropped,
    coefficients,
    thresholds,
    logLikelihood: current.logLikelihood,
    deviance,
    aic: deviance + 2 * size,
    dfResidual,
    iterations,
    converged,
    warnings,
    ...(clustered ? { clustered } : {}),
  };
}

function thresholdsIncrease(theta: Float64Array, predictors: number): boolean {
  for (let j = predictors + 1; j < theta.length; j += 1) if (!(theta[j] > theta[j - 1])) return false;
  return true;
}

/** The Newton step −H⁻¹g, or undefined when −H is not positive definite (no maximum in reach). */
function newtonStep(current: LikelihoodPass): Float64Array | undefined {
  const size = current.gradient.length;
  const negative = new Matrix(size, size);
  for (let j = 0; j < size; j += 1) for (let k = 0; k < size; k += 1) negative.set(j, k, -current.hessian[j * size + k]);
  const cholesky = new CholeskyDecomposition(negative);
  if (!cholesky.isPositiveDefinite()) return undefined;
  const solution = cholesky.solve(Matrix.columnVector(Array.from(current.gradient)));
  return Float64Array.from(solution.getColumn(0));
}

/** (−H)⁻¹: the (model-based) covariance of the estimates at the maximum. */
function inverseOfNegative(hessian: Float64Array, size: number): number[][] {
  const negative = new Matrix(size, size);
  for (let j = 0; j < size; j += 1) for (let k = 0; k < size; k += 1) negative.set(j, k, -hessian[j * size + k]);
  const cholesky = new CholeskyDecomposition(negative);
  const inverse = cholesky.isPositiveDefinite() ? cholesky.solve(Matrix.eye(size)) : Matrix.zeros(size, size).fill(Number.NaN);
  return inverse.to2DArray();
}
