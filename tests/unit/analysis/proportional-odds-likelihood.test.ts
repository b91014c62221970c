/**
 * The likelihood pass skips the predictors a row has at 0 (most dummy codes): it must still give
 * the sums of every term, bit for bit, as the pass over every predictor did (densePass below, the
 * code before the change), and fall back to every term when a parameter is not finite.
 */
import type { ModelFrame } from '../../../analysis/model-frame';
import { likelihoodPass, type ParameterLayout } from '../../../analysis/proportional-odds-likelihood';

/** Rows of x (with the intercept at 0) and y, as the model frame visits them. */
function frameOf(rows: Array<{ x: number[]; y: number }>): ModelFrame {
  return {
    forEachRow(visit: (x: Float64Array, y: number, cluster: number) => void) {
      for (const row of rows) visit(Float64Array.from(row.x), row.y, -1);
    },
  } as unknown as ModelFrame;
}

const logisticCdf = (value: number) => 1 / (1 + Math.exp(-value));

/** The pass as written before zeros were skipped: every predictor of every row. */
function densePass(frame: ModelFrame, theta: Float64Array, layout: ParameterLayout) {
  const { predictors, cuts } = layout;
  const size = predictors + cuts;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  let logLikelihood = 0;
  frame.forEachRow((x, y) => {
    const level = layout.compact[y];
    let eta = 0;
    for (let j = 0; j < predictors; j += 1) eta += x[j + 1] * theta[j];
    const hasUpper = level <= cuts;
    const hasLower = level > 1;
    const upper = hasUpper ? theta[predictors + level - 1] - eta : Infinity;
    const lower = hasLower ? theta[predictors + level - 2] - eta : -Infinity;
    const cdfUpper = hasUpper ? logisticCdf(upper) : 1;
    const cdfLower = hasLower ? logisticCdf(lower) : 0;
    const probability = lower > 0 ? logisticCdf(-lower) - (hasUpper ? logisticCdf(-upper) : 0) : cdfUpper - cdfLower;
    const upperRatio = hasUpper ? (cdfUpper * (1 - cdfUpper)) / probability : 0;
    const lowerRatio = hasLower ? (cdfLower * (1 - cdfLower)) / probability : 0;
    const upperIndex = predictors + level - 1;
    const lowerIndex = predictors + level - 2;
    logLikelihood += Math.log(probability);
    const secondUpper = hasUpper ? upperRatio * (1 - 2 * cdfUpper) - upperRatio * upperRatio : 0;
    const secondLower = hasLower ? -lowerRatio * (1 - 2 * cdfLower) - lowerRatio * lowerRatio : 0;
    const cross = upperRatio * lowerRatio;
    const slope = upperRatio - lowerRatio;
    const betaBeta = secondUpper + secondLower + 2 * cross;
    for (let j = 0; j < predictors; j += 1) {
      const xj = x[j + 1];
      if (xj === 0) continue;
      gradient[j] -= xj * slope;
      for (let k = 0; k <= j; k += 1) hessian[j * size + k] += xj * x[k + 1] * betaBeta;
    }
    if (hasUpper) {
      gradient[upperIndex] += upperRatio;
      hessian[upperIndex * size + upperIndex] += secondUpper;
      for (let j = 0; j < predictors; j += 1) hessian[upperIndex * size + j] -= x[j + 1] * (secondUpper + cross);
    }
    if (hasLower) {
      gradient[lowerIndex] -= lowerRatio;
      hessian[lowerIndex * size + lowerIndex] += secondLower;
      for (let j = 0; j < predictors; j += 1) hessian[lowerIndex * size + j] -= x[j + 1] * (secondLower + cross);
    }
    if (hasUpper && hasLower) hessian[upperIndex * size + lowerIndex] += cross;
  });
  for (let j = 0; j < size; j += 1) for (let k = 0; k < j; k += 1) hessian[k * size + j] = hessian[j * size + k];
  return { logLikelihood, gradient, hessian };
}

/** 500 rows: a number, a six-level factor and a four-level factor as dummies (mostly 0), four levels of y. */
function rows() {
  let state = 7;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: 500 }, () => {
    const first = Math.floor(next() * 6);
    const second = Math.floor(next() * 4);
    const x = [1, next() * 10 - 5, ...[1, 2, 3, 4, 5].map((level) => (first === level ? 1 : 0)), ...[1, 2, 3].map((level) => (second === level ? 1 : 0))];
    return { x, y: 1 + Math.floor(next() * 4) };
  });
}

const layout: ParameterLayout = { predictors: 9, cuts: 3, compact: Int32Array.from([0, 1, 2, 3, 4]) };
const sameBits = (actual: Float64Array, expected: Float64Array) => Array.from(actual).every((value, index) => Object.is(value, expected[index]));

describe('the proportional-odds likelihood pass', () => {
  test('when most predictors of a row are 0, then the log-likelihood, gradient and Hessian are the dense pass\'s, bit for bit', () => {
    const frame = frameOf(rows());
    const theta = Float64Array.from([0.3, -0.5, 0.2, 0.8, -1.1, 0.05, 0.4, -0.3, 0.6, -1, 0.2, 1.3]);
    const sparse = likelihoodPass(frame, theta, layout);
    const dense = densePass(frame, theta, layout);
    expect(Object.is(sparse.logLikelihood, dense.logLikelihood)).toBe(true);
    expect(sameBits(sparse.gradient, dense.gradient)).toBe(true);
    expect(sameBits(sparse.hessian, dense.hessian)).toBe(true);
  });

  test('when a coefficient is not finite, then every term is added, and NaN spreads as in the dense pass', () => {
    const frame = frameOf(rows());
    const theta = Float64Array.from([0.3, Number.NaN, 0.2, 0.8, -1.1, 0.05, 0.4, -0.3, 0.6, -1, 0.2, 1.3]);
    const sparse = likelihoodPass(frame, theta, layout);
    const dense = densePass(frame, theta, layout);
    expect(Number.isNaN(sparse.logLikelihood)).toBe(true);
    expect(sameBits(sparse.gradient, dense.gradient)).toBe(true);
    expect(sameBits(sparse.hessian, dense.hessian)).toBe(true);
  });
});
