/**
 * The proportional-odds log-likelihood row by row, on the parameters θ = (β, ζ): the pass that
 * Newton's method takes (value, gradient, Hessian) and each row's score, which the errors
 * clustered by donor sum per donor. Both read one row's terms from `rowTerms`, so the scores are
 * exactly the summands of the gradient the fit drove to zero.
 *
 * With η = xᵀβ, a = ζ_y − η and b = ζ_{y−1} − η (a = +∞ for the last level, b = −∞ for the
 * first), the row's probability is P = F(a) − F(b), F the logistic distribution function and
 * f = F(1 − F) its density. Its score is −x (f(a) − f(b))/P for β, f(a)/P for ζ_y and −f(b)/P
 * for ζ_{y−1} — R's `sandwich::estfun.polr`, which differentiates with respect to ζ itself, not
 * polr's internal log-spacings.
 */
import type { ModelFrame } from './model-frame';

/** Where β and ζ sit in θ, and each rank of the order's position among the levels used. */
export interface ParameterLayout {
  /** Number of β (the frame's terms without the intercept). */
  predictors: number;
  /** Number of ζ (levels used − 1). */
  cuts: number;
  /** Rank in the order → 1-based position among the levels used. */
  compact: Int32Array;
}

export interface LikelihoodPass {
  logLikelihood: number;
  gradient: Float64Array;
  /** The Hessian of the log-likelihood, row-major. */
  hessian: Float64Array;
}

/** One row's pieces of the likelihood, written into a reused object. */
interface RowTerms {
  probability: number;
  hasUpper: boolean;
  hasLower: boolean;
  cdfUpper: number;
  cdfLower: number;
  /** f(a)/P (0 for the last level). */
  upperRatio: number;
  /** f(b)/P (0 for the first level). */
  lowerRatio: number;
  /** The index of ζ_y in θ (meaningful when hasUpper). */
  upperIndex: number;
  /** The index of ζ_{y−1} in θ (meaningful when hasLower). */
  lowerIndex: number;
}

function logisticCdf(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

function newRowTerms(): RowTerms {
  return { probability: 0, hasUpper: false, hasLower: false, cdfUpper: 0, cdfLower: 0, upperRatio: 0, lowerRatio: 0, upperIndex: -1, lowerIndex: -1 };
}

function rowTerms(x: Float64Array, y: number, theta: Float64Array, layout: ParameterLayout, into: RowTerms): void {
  const { predictors, cuts } = layout;
  const level = layout.compact[y]; // 1 … cuts + 1
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
  into.probability = probability;
  into.hasUpper = hasUpper;
  into.hasLower = hasLower;
  into.cdfUpper = cdfUpper;
  into.cdfLower = cdfLower;
  into.upperRatio = hasUpper ? (cdfUpper * (1 - cdfUpper)) / probability : 0;
  into.lowerRatio = hasLower ? (cdfLower * (1 - cdfLower)) / probability : 0;
  into.upperIndex = predictors + level - 1;
  into.lowerIndex = predictors + level - 2;
}

/**
 * One pass over the rows: the log-likelihood, its gradient and Hessian at θ = (β, ζ). The second
 * derivatives of log P are f'(a)/P − (f(a)/P)² in a, −f'(b)/P − (f(b)/P)² in b and f(a)f(b)/P²
 * across, with f' = f(1 − 2F); ∂a/∂β = ∂b/∂β = −x.
 */
export function likelihoodPass(frame: ModelFrame, theta: Float64Array, layout: ParameterLayout): LikelihoodPass {
  const { predictors } = layout;
  const size = predictors + layout.cuts;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const terms = newRowTerms();
  // The predictors a row has non-zero (dummy codes are mostly 0): a 0 adds ±0 to a sum, which
  // changes nothing while every factor is finite, so those terms are skipped. With a factor not
  // finite (a step gone wild), every term is added, so that NaN and ∞ spread as they always did.
  const nonZero = new Int32Array(predictors);
  const thetaFinite = theta.every(Number.isFinite);
  let logLikelihood = 0;
  frame.forEachRow((x, y) => {
    rowTerms(x, y, theta, layout, terms);
    const { hasUpper, hasLower, upperRatio, lowerRatio, upperIndex, lowerIndex } = terms;
    logLikelihood += Math.log(terms.probability);
    const secondUpper = hasUpper ? upperRatio * (1 - 2 * terms.cdfUpper) - upperRatio * upperRatio : 0;
    const secondLower = hasLower ? -lowerRatio * (1 - 2 * terms.cdfLower) - lowerRatio * lowerRatio : 0;
    const cross = upperRatio * lowerRatio;
    // Gradient: β gets −x (f(a) − f(b))/P; ζ_y gets f(a)/P, ζ_{y−1} gets −f(b)/P.
    const slope = upperRatio - lowerRatio;
    const betaBeta = secondUpper + secondLower + 2 * cross;
    const upperCross = secondUpper + cross;
    const lowerCross = secondLower + cross;
    let count = predictors;
    if (thetaFinite && Number.isFinite(betaBeta) && Number.isFinite(upperCross) && Number.isFinite(lowerCross)) {
      count = 0;
      for (let j = 0; j < predictors; j += 1) if (x[j + 1] !== 0) nonZero[count++] = j;
    } else {
      for (let j = 0; j < predictors; j += 1) nonZero[j] = j;
    }
    for (let a = 0; a < count; a += 1) {
      const j = nonZero[a];
      const xj = x[j + 1];
      if (xj === 0) continue;
      gradient[j] -= xj * slope;
      const row = j * size;
      if (count === predictors) {
        for (let k = 0; k <= j; k += 1) hessian[row + k] += xj * x[k + 1] * betaBeta;
      } else {
        for (let b = 0; b <= a; b += 1) hessian[row + nonZero[b]] += xj * x[nonZero[b] + 1] * betaBeta;
      }
    }
    if (hasUpper) {
      gradient[upperIndex] += upperRatio;
      hessian[upperIndex * size + upperIndex] += secondUpper;
      for (let a = 0; a < count; a += 1) hessian[upperIndex * size + nonZero[a]] -= x[nonZero[a] + 1] * upperCross;
    }
    if (hasLower) {
      gradient[lowerIndex] -= lowerRatio;
      hessian[lowerIndex * size + lowerIndex] += secondLower;
      for (let a = 0; a < count; a += 1) hessian[lowerIndex * size + nonZero[a]] -= x[nonZero[a] + 1] * lowerCross;
    }
    if (hasUpper && hasLower) hessian[upperIndex * size + lowerIndex] += cross;
  });
  // Only the lower triangle was added up: mirror it.
  for (let j = 0; j < size; j += 1) for (let k = 0; k < j; k += 1) hessian[k * size + j] = hessian[j * size + k];
  return { logLikelihood, gradient, hessian };
}

/**
 * A function that adds a row's score at θ into `sums` from `offset` (β first, then ζ), for
 * `clusterRobustCovarianceOfScores`. It reuses one scratch object, so it serves one pass at a time.
 */
export function rowScoreAdder(theta: Float64Array, layout: ParameterLayout): (x: Float64Array, y: number, sums: Float64Array, offset: number) => void {
  const terms = newRowTerms();
  return (x, y, sums, offset) => {
    rowTerms(x, y, theta, layout, terms);
    const slope = terms.upperRatio - terms.lowerRatio;
    for (let j = 0; j < layout.predictors; j += 1) sums[offset + j] -= x[j + 1] * slope;
    if (terms.hasUpper) sums[offset + terms.upperIndex] += terms.upperRatio;
    if (terms.hasLower) sums[offset + terms.lowerIndex] -= terms.lowerRatio;
  };
}
