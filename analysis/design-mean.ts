/**
 * A weighted mean (or rate) with its design-based standard error, for records clustered by donor
 * and weights that may have been raked.
 */
import { AnalysisError } from './analysis-error';
import { normalQuantileAt } from './distributions';
import type { RakedWeights } from './rake';

export interface DesignEstimate {
  estimate: number;
  stdError: number;
  ciLow: number;
  ciHigh: number;
  /** Rows that entered the estimate (in the domain, value not missing). */
  n: number;
}

export interface DesignMeanOptions {
  /** Each row's weight (default 1: an unweighted mean). */
  weights?: Float64Array;
  /** Each row's cluster (donor) code, 0 … clusters − 1; default: every row its own cluster. */
  clusters?: Int32Array;
  /** The raking the weights came from: the standard error then uses the raking's residuals. */
  raking?: RakedWeights;
  /** Rows of the domain (a group): others count as weight 0 but stay in the design, as R's svyby. */
  domain?: Uint8Array;
}

/** The projection that survey's svyrecvar applies for a raked design: a fixed number of back-fitting sweeps. */
const RAKING_PROJECTION_SWEEPS = 10;

/**
 * The design-based (linearisation) estimate of a mean: Σwy/Σw over the rows of the domain whose
 * value is not missing (NaN), with the standard error of a one-stage cluster sample (clusters
 * drawn with replacement, no strata): the estimating function x_i = w_i (y_i − ȳ)/Σw is summed
 * per cluster and V = m/(m − 1) Σ_c (z_c − z̄)² over the m clusters of the whole design (Lumley,
 * Complex Surveys, 2010, §2.2 and §3.4; Binder 1983). A domain is estimated with the other rows
 * at weight 0, so that clusters without a row of the domain still count, as R's `svyby`.
 *
 * For raked weights, x is first replaced by its residual from the raking: R's survey package
 * (`svyrecvar`, survey ≥ 3.6-3) projects x on the levels of every margin in turn, x ← x −
 * w·mean_level(x/w) with the weights after that margin's step, ten sweeps in all (Lumley 2010,
 * §7.3; Deville & Särndal 1992). This function does exactly that, so it agrees with R to
 * rounding. The interval is estimate ± 1.96·SE (R's `confint` of a survey statistic).
 *
 * R: `svymean(~y, design, na.rm = TRUE)`, `svyby(~y, ~group, design, svymean, na.rm = TRUE)` with
 * `design <- svydesign(ids = ~donor, data = d)` or its `rake(…)`.
 *
 * @throws AnalysisError when no row of the domain has a value, or there is only one cluster.
 * @example
 *   designMean(Float64Array.from([1, 0, 1, 1]), { clusters: Int32Array.from([0, 0, 1, 2]) }).estimate; // 0.75
 */
export function designMean(values: Float64Array, options: DesignMeanOptions = {}): DesignEstimate {
  const { domain, ...design } = options;
  return designDomainMeans(values, { ...design, domains: [domain] })[0];
}

export interface DesignDomainMeansOptions extends Omit<DesignMeanOptions, 'domain'> {
  /** The domains (groups) to estimate, each as in `designMean` (undefined: every row). */
  domains: ReadonlyArray<Uint8Array | undefined>;
}

/**
 * `designMean` of several domains of one design at once — every group of an attribute in a raked
 * stratum —, with exactly the same arithmetic per domain, so each result is identical, bit for
 * bit, to `designMean(values, { ...options, domain })`. Only the passes are shared: the raking's
 * projection, ten sweeps over every margin, walks the rows once for all domains instead of once
 * per domain.
 *
 * R: `svyby(~y, ~group, design, svymean, na.rm = TRUE)`.
 *
 * @throws AnalysisError as `designMean`, for the first domain that has no row with a value.
 * @example
 *   const clusters = Int32Array.from([0, 0, 1, 2]);
 *   designDomainMeans(Float64Array.from([1, 0, 1, 1]), { clusters, domains: [Uint8Array.from([1, 1, 0, 0]), Uint8Array.from([0, 0, 1, 1])] })
 *     .map((group) => group.estimate); // [0.5, 1]
 */
export function designDomainMeans(values: Float64Array, options: DesignDomainMeansOptions): DesignEstimate[] {
  const rows = values.length;
  const weights = options.weights ?? new Float64Array(rows).fill(1);
  const clusters = options.clusters ?? Int32Array.from({ length: rows }, (_value, index) => index);
  const count = options.domains.length;
  // Row-major, one column per domain: influence[row * count + domain].
  const influence = new Float64Array(rows * count);
  const estimates = options.domains.map((domain, column) => {
    let weightSum = 0;
    let weighted = 0;
    let n = 0;
    const used = (row: number) => !Number.isNaN(values[row]) && (domain === undefined || domain[row] === 1);
    for (let row = 0; row < rows; row += 1) {
      if (!used(row)) continue;
      weightSum += weights[row];
      weighted += weights[row] * values[row];
      n += 1;
    }
    if (n === 0 || weightSum === 0) throw new AnalysisError('No row of the selection has a value to average.');
    const estimate = weighted / weightSum;
    for (let row = 0; row < rows; row += 1) if (used(row)) influence[row * count + column] = (weights[row] * (values[row] - estimate)) / weightSum;
    return { estimate, n };
  });
  if (options.raking) projectOnMargins(influence, count, options.raking);
  const variances = clusteredVariances(influence, count, clusters);
  const quantile = normalQuantileAt(0.975);
  return estimates.map(({ estimate, n }, column) => {
    const stdError = Math.sqrt(variances[column]);
    return { estimate, stdError, ciLow: estimate - quantile * stdError, ciHigh: estimate + quantile * stdError, n };
  });
}

/**
 * x ← x − w·mean_level(x/w), margin by margin, ten sweeps (survey's svyrecvar for a "raking"
 * design), for `count` influence columns side by side: each column gets the operations, in the
 * order, that it would get alone.
 */
function projectOnMargins(influence: Float64Array, count: number, raking: RakedWeights): void {
  const rows = influence.length / count;
  for (let sweep = 0; sweep < RAKING_PROJECTION_SWEEPS; sweep += 1) {
    for (let index = 0; index < raking.margins.length; index += 1) {
      const margin = raking.margins[index];
      const cells = margin.cells;
      const weights = raking.marginWeights[index];
      const sums = new Float64Array(margin.levels.length * count);
      const counts = new Float64Array(margin.levels.length);
      for (let row = 0; row < rows; row += 1) {
        const level = cells[row];
        const weight = weights[row];
        const at = row * count;
        const sumAt = level * count;
        for (let column = 0; column < count; column += 1) sums[sumAt + column] += influence[at + column] / weight;
        counts[level] += 1;
      }
      for (let row = 0; row < rows; row += 1) {
        const level = cells[row];
        const weight = weights[row];
        const levelCount = counts[level];
        const at = row * count;
        const sumAt = level * count;
        for (let column = 0; column < count; column += 1) influence[at + column] -= (weight * sums[sumAt + column]) / levelCount;
      }
    }
  }
}

/** Per influence column: m/(m − 1) Σ (z_c − z̄)² over the clusters' totals z_c. */
function clusteredVariances(influence: Float64Array, columns: number, clusters: Int32Array): number[] {
  let count = 0;
  for (const cluster of clusters) count = Math.max(count, cluster + 1);
  if (count < 2) throw new AnalysisError('A design-based standard error needs at least two clusters (donors).');
  const totals = new Float64Array(count * columns);
  const rows = influence.length / columns;
  for (let row = 0; row < rows; row += 1) {
    const at = row * columns;
    const totalAt = clusters[row] * columns;
    for (let column = 0; column < columns; column += 1) totals[totalAt + column] += influence[at + column];
  }
  return Array.from({ length: columns }, (_unused, column) => {
    let mean = 0;
    for (let cluster = 0; cluster < count; cluster += 1) mean += totals[cluster * columns + column];
    mean /= count;
    let sum = 0;
    for (let cluster = 0; cluster < count; cluster += 1) {
      const deviation = totals[cluster * columns + column] - mean;
      sum += deviation * deviation;
    }
    return (count / (count - 1)) * sum;
  });
}
