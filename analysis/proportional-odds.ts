/**
 * Proportional-odds (ordered logistic) regression of an ordered categorical outcome, as R's
 * `MASS::polr(y ~ x…, method = "logistic", Hess = TRUE)`.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { AnalysisError } from './analysis-error';
import { normalQuantileAt, normalTwoSidedP } from './distributions';
import { fitLeastSquares } from './fit-least-squares';
import { buildModelFrame, type FrameOptions, type ModelFrame, type ModelSpec } from './model-frame';
import { orderedOutcomeSource } from './ordered-outcome-source';
import type { RowSource } from './types';

export interface ProportionalOddsCoefficient {
  term: string;
  estimate: number;
  stdError: number;
  /** Wald z = estimate / stdError. */
  statistic: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
  /** e^estimate: how the odds of a later level (rather than this one or an earlier one) multiply. */
  oddsRatio: number;
  oddsRatioCiLow: number;
  oddsRatioCiHigh: number;
}

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
}

export interface ProportionalOddsOptions extends Omit<ModelSpec, 'outcome'>, FrameOptions {
  outcome: string;
  /** The outcome's levels from first to last (e.g. best to worst). */
  order: readonly string[];
  /** Values of the outcome read as missing (e.g. `unknown`). */
  missingLevels?: readonly string[];
  maxIterations?: number;
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
 * The level order comes from the caller (a dictionary's or `--order`), never from sorting. Levels
 * no row has are dropped (with a note in `emptyLevels`); at least three must remain (with two, use
 * logistic regression). Terms are named as everywhere in crowdaudit (`sex=male`); there is no
 * intercept: the thresholds take its place.
 *
 * R: `polr(factor(y, levels = order) ~ x1 + x2, data = d, method = "logistic", Hess = TRUE)`.
 *
 * @throws AnalysisError for an outcome value neither in the order nor among `missingLevels`, fewer
 *   than three levels in the rows used, an unknown column, a constant or collinear predictor.
 * @example
 *   const fit = await proportionalOdds(csvRowSource('credit.csv'), {
 *     outcome: 'rating_class', order: ['A', 'B', 'C', 'D'], missingLevels: ['unknown'], predictors: ['age_band', 'negative_entries'],
 *   });
 *   fit.coefficients.find((c) => c.term === 'negative_entries')?.oddsRatio; // > 1: more entries, worse classes
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

interface Pass {
  logLikelihood: number;
  gradient: Float64Array;
  /** The Hessian of the log-likelihood, row-major. */
  hessian: Float64Array;
}

function logisticCdf(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

function fitProportionalOdds(frame: ModelFrame, order: readonly string[], maxIterations: number): ProportionalOddsResult {
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
  const pass = (theta: Float64Array): Pass => evaluate(frame, theta, predictors, cuts, compact);

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

  const covariance = inverseOfNegative(current.hessian, size);
  const quantile = normalQuantileAt(0.975);
  const stdErrorAt = (j: number) => Math.sqrt(covariance[j * size + j]);
  const coefficients = frame.terms.slice(1).map((term, j) => {
    const estimate = theta[j];
    const stdError = stdErrorAt(j);
    const statistic = estimate / stdError;
    return {
      term: term.name,
      estimate,
      stdError,
      statistic,
      pValue: normalTwoSidedP(statistic),
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
  const diverging = coefficients.filter((coefficient) => !(coefficient.stdError <= DIVERGING_STD_ERROR)).map((coefficient) => `"${coefficient.term}"`);
  if (diverging.length > 0) warnings.push(`The estimates of ${diverging.join(', ')} have no finite value (a group only ever has the first or the last levels) and must not be read as effects.`);
  if (!converged) warnings.push(`The fit did not converge in ${maxIterations} Newton iterations; the estimates are not reliable.`);
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
    dfResidual: frame.n - size,
    iterations,
    converged,
    warnings,
  };
}

function thresholdsIncrease(theta: Float64Array, predictors: number): boolean {
  for (let j = predictors + 1; j < theta.length; j += 1) if (!(theta[j] > theta[j - 1])) return false;
  return true;
}

/**
 * One pass over the rows: the log-likelihood, its gradient and Hessian at θ = (β, ζ). With
 * a = ζ_y − η and b = ζ_{y−1} − η (a = +∞ for the last level, b = −∞ for the first),
 * P = F(a) − F(b), ∂log P/∂a = f(a)/P, ∂log P/∂b = −f(b)/P, and the second derivatives
 * f'(a)/P − (f(a)/P)², −f'(b)/P − (f(b)/P)² and f(a)f(b)/P², with f = F(1 − F), f' = f(1 − 2F);
 * ∂a/∂β = ∂b/∂β = −x.
 */
function evaluate(frame: ModelFrame, theta: Float64Array, predictors: number, cuts: number, compact: Int32Array): Pass {
  const size = predictors + cuts;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  let logLikelihood = 0;
  frame.forEachRow((x, y) => {
    const level = compact[y]; // 1 … cuts + 1
    let eta = 0;
    for (let j = 0; j < predictors; j += 1) eta += x[j + 1] * theta[j];
    const hasUpper = level <= cuts;
    const hasLower = level > 1;
    const upper = hasUpper ? theta[predictors + level - 1] - eta : Infinity;
    const lower = hasLower ? theta[predictors + level - 2] - eta : -Infinity;
    const cdfUpper = hasUpper ? logisticCdf(upper) : 1;
    const cdfLower = hasLower ? logisticCdf(lower) : 0;
    // F(a) − F(b) loses digits when both are near 1: use the upper tails then.
    const probability = lower > 0 ? logisticCdf(-lower) - (hasUpper ? logisticCdf(-upper) : 0) : cdfUpper - cdfLower;
    logLikelihood += Math.log(probability);
    const densityUpper = hasUpper ? cdfUpper * (1 - cdfUpper) : 0;
    const densityLower = hasLower ? cdfLower * (1 - cdfLower) : 0;
    const gradientUpper = densityUpper / probability;
    const gradientLower = densityLower / probability;
    const secondUpper = hasUpper ? (densityUpper * (1 - 2 * cdfUpper)) / probability - gradientUpper * gradientUpper : 0;
    const secondLower = hasLower ? -(densityLower * (1 - 2 * cdfLower)) / probability - gradientLower * gradientLower : 0;
    const cross = gradientUpper * gradientLower;
    // Gradient: β gets −x (f(a) − f(b))/P; ζ_y gets f(a)/P, ζ_{y−1} gets −f(b)/P.
    const slope = gradientUpper - gradientLower;
    const betaBeta = secondUpper + secondLower + 2 * cross;
    for (let j = 0; j < predictors; j += 1) {
      const xj = x[j + 1];
      if (xj === 0) continue;
      gradient[j] -= xj * slope;
      const row = j * size;
      for (let k = 0; k <= j; k += 1) hessian[row + k] += xj * x[k + 1] * betaBeta;
    }
    const upperIndex = predictors + level - 1;
    const lowerIndex = predictors + level - 2;
    if (hasUpper) {
      gradient[upperIndex] += gradientUpper;
      hessian[upperIndex * size + upperIndex] += secondUpper;
      for (let j = 0; j < predictors; j += 1) hessian[upperIndex * size + j] -= x[j + 1] * (secondUpper + cross);
    }
    if (hasLower) {
      gradient[lowerIndex] -= gradientLower;
      hessian[lowerIndex * size + lowerIndex] += secondLower;
      for (let j = 0; j < predictors; j += 1) hessian[lowerIndex * size + j] -= x[j + 1] * (secondLower + cross);
    }
    if (hasUpper && hasLower) hessian[upperIndex * size + lowerIndex] += cross;
  });
  // Only the lower triangle was added up: mirror it.
  for (let j = 0; j < size; j += 1) for (let k = 0; k < j; k += 1) hessian[k * size + j] = hessian[j * size + k];
  return { logLikelihood, gradient, hessian };
}

/** The Newton step −H⁻¹g, or undefined when −H is not positive definite (no maximum in reach). */
function newtonStep(current: Pass): Float64Array | undefined {
  const size = current.gradient.length;
  const negative = new Matrix(size, size);
  for (let j = 0; j < size; j += 1) for (let k = 0; k < size; k += 1) negative.set(j, k, -current.hessian[j * size + k]);
  const cholesky = new CholeskyDecomposition(negative);
  if (!cholesky.isPositiveDefinite()) return undefined;
  const solution = cholesky.solve(Matrix.columnVector(Array.from(current.gradient)));
  return Float64Array.from(solution.getColumn(0));
}

/** (−H)⁻¹, row-major: the covariance of the estimates at the maximum. */
function inverseOfNegative(hessian: Float64Array, size: number): Float64Array {
  const negative = new Matrix(size, size);
  for (let j = 0; j < size; j += 1) for (let k = 0; k < size; k += 1) negative.set(j, k, -hessian[j * size + k]);
  const cholesky = new CholeskyDecomposition(negative);
  const inverse = cholesky.isPositiveDefinite() ? cholesky.solve(Matrix.eye(size)) : Matrix.zeros(size, size).fill(Number.NaN);
  return Float64Array.from(inverse.to1DArray());
}
