/**
 * Ordinary least squares, as R's `lm`, from a stream of rows.
 *
 * β from the normal equations, touching only each row's non-zero entries, where they are
 * well-conditioned (checked; ols-normal-equations.ts), else β = R⁻¹Qᵀy from a streamed Householder
 * QR of X (never an inverted XᵀX); σ² = RSS/(n − p);
 * Var(β) = σ²(XᵀX)⁻¹ with (XᵀX)⁻¹ = R⁻¹R⁻ᵀ; t = β/se on n − p df; 95% CI β ± t₀.₉₇₅ se;
 * R² = 1 − RSS/TSS, adjusted R² = 1 − (1 − R²)(n − 1)/(n − p), F = ((TSS − RSS)/(p − 1))/σ².
 * HC3 (`robust: 'hc3'`, as `sandwich::vcovHC(type = "HC3")`): (XᵀX)⁻¹ Σ xᵢxᵢᵀ eᵢ²/(1 − hᵢ)² (XᵀX)⁻¹,
 * hᵢ = xᵢᵀ(XᵀX)⁻¹xᵢ, computed in a second pass (MacKinnon & White 1985; Long & Ervin 2000).
 * Clustered (`cluster: 'donor'`, as `sandwich::vcovCL(fit, cluster = ~donor, type = "HC1")`, see
 * cluster-robust-covariance.ts): the standard errors, t, p and intervals are those of
 * `lmtest::coeftest(fit, vcov = vc)` and `lmtest::coefci(fit, vcov = vc)` — t on the residual df
 * n − p, as lmtest does for an `lm` (not G − 1) — and F is the Wald test of all slopes with that
 * covariance, `lmtest::waldtest(fit, vcov = vc)`: F = bᵀV⁻¹b/(p − 1) on (p − 1, n − p) df, null
 * when G − 1 < p − 1 (that covariance is then singular and R's waldtest fails too). Rows
 * whose cluster is missing are dropped (counted in `dropped`), as `na.omit` would before `lm`.
 *
 * @throws AnalysisError for an unknown column, a non-numeric outcome, a factor with one level,
 *   an unknown reference level, an empty selection, or a constant/collinear predictor; an unknown
 *   cluster column (named), fewer than 2 clusters, or both `robust` and `cluster`.
 * @example
 *   const result = await ols(csvRowSource('german_credit.csv'), { outcome: 'amount', predictors: ['age', 'sex'] });
 *   result.coefficients[1].estimate; // the effect of one year of age on the amount
 *   const clustered = await ols(source, { outcome: 'amount', predictors: ['age', 'sex'], cluster: 'donor' });
 *   clustered.clustered; // { column: 'donor', clusters: 412, type: 'HC1' }
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { AnalysisError } from './analysis-error';
import { clusteredErrors, clusterRobustCovariance, type ClusteredErrors } from './cluster-robust-covariance';
import { tQuantileAt, tTwoSidedP, fUpperTail } from './distributions';
import { fitLeastSquaresByQr } from './fit-least-squares';
import { solveOlsByNormalEquations, type LeastSquaresSolution } from './ols-normal-equations';
import { buildModelFrame, type FrameOptions, type ModelFrame, type ModelSpec } from './model-frame';
import { sandwichProduct } from './sandwich-product';
import type { RowSource } from './types';

export interface Coefficient {
  term: string;
  estimate: number;
  stdError: number;
  statistic: number;
  pValue: number;
  ciLow: number;
  ciHigh: number;
}

export interface OlsResult {
  model: 'ols';
  n: number;
  dfResidual: number;
  coefficients: Coefficient[];
  rSquared: number;
  adjRSquared: number;
  /**
   * The F test of all slopes; clustered, the Wald F — null when there are fewer clusters than
   * slopes + 1 (G − 1 < p − 1: the clustered covariance of the slopes is singular, so no joint test).
   */
  fStatistic: number | null;
  fPValue: number | null;
  /** Rows left out because a used column was missing. */
  dropped: number;
  robust?: 'hc3';
  /** Present when the errors are clustered (`cluster` given): by what, and how many clusters. */
  clustered?: ClusteredErrors;
}

export interface OlsOptions extends ModelSpec, FrameOptions {
  robust?: 'hc3';
}

export async function ols(source: RowSource, options: OlsOptions): Promise<OlsResult> {
  if (options.robust && options.cluster !== undefined) throw new AnalysisError('Give either robust (HC3) or cluster errors, not both: clustered errors are already robust to unequal spread.');
  const frame = await buildModelFrame(source, options, options);
  try {
    return fitOls(frame, options.robust);
  } finally {
    frame.close();
  }
}

/** OLS on a prepared frame (also used for a donor's predicted outcome); clustered when the frame has clusters. */
export function fitOls(frame: ModelFrame, robust?: 'hc3'): OlsResult {
  if (!frame.outcomeNumeric) throw new AnalysisError(`The outcome "${frame.outcome}" is not numeric (found "${frame.outcomeText ?? ''}"); OLS needs numbers.`);
  const p = frame.terms.length;
  const dfResidual = frame.n - p;
  if (dfResidual <= 0) throw new AnalysisError(`Too few rows (${frame.n}) for ${p} coefficients.`);

  // Total sum of squares by Welford's update, which stays accurate for large means.
  let count = 0;
  let mean = 0;
  let totalSumOfSquares = 0;
  const addOutcome = (y: number) => {
    count += 1;
    const delta = y - mean;
    mean += delta / count;
    totalSumOfSquares += delta * (y - mean);
  };
  let solution: LeastSquaresSolution | undefined = solveOlsByNormalEquations(frame, addOutcome);
  if (!solution) {
    // Ill-conditioned (or rank-deficient: the QR names the terms): the QR's pass, from scratch.
    count = 0;
    mean = 0;
    totalSumOfSquares = 0;
    const factor = fitLeastSquaresByQr(frame, (_x, y, target) => {
      addOutcome(y);
      target.response = y;
      target.weight = 1;
    });
    solution = { beta: factor.coefficients(), unscaledCovariance: factor.unscaledCovariance(), residualSumOfSquares: factor.residualSumOfSquares };
  }
  const beta = solution.beta;
  const rss = solution.residualSumOfSquares;
  const sigmaSquared = rss / dfResidual;
  const unscaled = solution.unscaledCovariance;
  const clustered = frame.clusters ? clusteredErrors(frame) : undefined;
  const covariance = clustered
    ? clusterRobustCovariance(frame, unscaled, (x, y, nonzero, count) => y - sparseDot(x, nonzero, count, beta))
    : robust === 'hc3'
      ? hc3Covariance(frame, beta, unscaled)
      : unscaled.map((row) => row.map((value) => value * sigmaSquared));
  const quantile = tQuantileAt(0.975, dfResidual);
  const coefficients = frame.terms.map((term, index) => {
    const stdError = Math.sqrt(covariance[index][index]);
    const statistic = beta[index] / stdError;
    return {
      term: term.name,
      estimate: beta[index],
      stdError,
      statistic,
      pValue: tTwoSidedP(statistic, dfResidual),
      ciLow: beta[index] - quantile * stdError,
      ciHigh: beta[index] + quantile * stdError,
    };
  });
  const rSquared = 1 - rss / totalSumOfSquares;
  // The clustered meat has rank at most G − 1, so with fewer clusters the slopes have no joint test.
  const fStatistic = clustered ? (clustered.clusters - 1 >= p - 1 ? waldF(beta, covariance) : null) : (totalSumOfSquares - rss) / (p - 1) / sigmaSquared;
  return {
    model: 'ols',
    n: frame.n,
    dfResidual,
    coefficients,
    rSquared,
    adjRSquared: 1 - ((1 - rSquared) * (frame.n - 1)) / dfResidual,
    fStatistic,
    fPValue: fStatistic === null ? null : fUpperTail(fStatistic, p - 1, dfResidual),
    dropped: frame.dropped,
    ...(robust && !clustered ? { robust } : {}),
    ...(clustered ? { clustered } : {}),
  };
}

/** A Cholesky pivot that keeps less than this share of its variance means a singular covariance. */
const SINGULAR_PIVOT = 1e-10;

/** xᵀβ over x's non-zero columns (`nonzero[0 … count)`, as the frame lists them). */
function sparseDot(x: Float64Array, nonzero: Int32Array, count: number, beta: number[]): number {
  let sum = 0;
  for (let index = 0; index < count; index += 1) sum += x[nonzero[index]] * beta[nonzero[index]];
  return sum;
}

/**
 * The Wald F of all slopes (every term but the intercept) under `covariance`: bᵀV⁻¹b/q, or null
 * when V is not positive definite — besides G − 1 < p − 1, a clustered V is singular when a
 * factor never varies within any donor's records but is constant across many of them, and then
 * no joint test exists (R's `waldtest` stops with "system is computationally singular").
 */
function waldF(beta: number[], covariance: number[][]): number | null {
  const slopes = beta.slice(1);
  // The sandwich product is symmetric up to rounding; ml-matrix's Cholesky wants it exactly so.
  const slopeCovariance = slopes.map((_, i) => slopes.map((__, j) => (covariance[i + 1][j + 1] + covariance[j + 1][i + 1]) / 2));
  const cholesky = new CholeskyDecomposition(new Matrix(slopeCovariance));
  if (!cholesky.isPositiveDefinite()) return null;
  // Rounding leaves a singular V with tiny positive pivots instead of zeros: a pivot that keeps
  // under 1e-10 of its variance is a direction the clusters do not inform (R's solve fails there).
  const lower = cholesky.lowerTriangularMatrix;
  if (slopeCovariance.some((row, index) => lower.get(index, index) ** 2 < SINGULAR_PIVOT * row[index])) return null;
  const b = Matrix.columnVector(slopes);
  // V⁻¹b by the Cholesky factor: no explicit inverse.
  return b.transpose().mmul(cholesky.solve(b)).get(0, 0) / slopes.length;
}

/** The HC3 sandwich in one more pass over the rows, touching only each row's non-zero entries. */
function hc3Covariance(frame: ModelFrame, beta: number[], bread: number[][]): number[][] {
  const p = beta.length;
  const meat = new Float64Array(p * p);
  frame.forEachRow((x, y, _cluster, nonzero, count) => {
    const fitted = sparseDot(x, nonzero, count, beta);
    let leverage = 0;
    for (let a = 0; a < count; a += 1) {
      const i = nonzero[a];
      const breadRow = bread[i];
      let sum = 0;
      for (let b = 0; b < count; b += 1) sum += breadRow[nonzero[b]] * x[nonzero[b]];
      leverage += x[i] * sum;
    }
    const residual = y - fitted;
    const weight = (residual * residual) / ((1 - leverage) * (1 - leverage));
    for (let a = 0; a < count; a += 1) {
      const i = nonzero[a];
      const row = i * p;
      for (let b = a; b < count; b += 1) meat[row + nonzero[b]] += x[i] * x[nonzero[b]] * weight;
    }
  });
  const symmetric = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i += 1) {
    for (let j = i; j < p; j += 1) {
      symmetric[i][j] = meat[i * p + j];
      symmetric[j][i] = meat[i * p + j];
    }
  }
  return sandwichProduct(bread, symmetric);
}
