/**
 * Cluster-robust ("sandwich") covariance of a fitted model's coefficients, as R's
 * `sandwich::vcovCL(fit, cluster = ~donor, type = "HC1")` (Zeileis, Köll & Graham 2020, J. Stat.
 * Softw. 95(1), §2; Cameron & Miller 2015, J. Human Resources 50(2), §II.C).
 *
 * V = c · B (Σ_g u_g u_gᵀ) B, where B is the model's unscaled covariance ((XᵀX)⁻¹ for `lm`,
 * (XᵀWX)⁻¹ for `glm`), u_g = Σ_{i in cluster g} xᵢ sᵢ is cluster g's summed score (sᵢ the
 * residual for `lm`; the working residual times the working weight, y − μ, for a logistic `glm`),
 * and c = G/(G − 1) · (n − 1)/(n − p) — sandwich's cluster adjustment (`cadjust = TRUE`) times its
 * HC1 factor, which `meatCL` applies to `lm` and `glm` alike. For `MASS::polr` (proportional
 * odds; clusterRobustCovarianceOfScores) B is the inverse of the negative Hessian over the
 * coefficients and the thresholds ζ, u_g sums `estfun.polr`'s scores, and p counts both. Records
 * of one donor may be correlated in any way; only donors are taken as independent, so the errors
 * are honest when a donor gives many records, and G, not n, is what makes them small.
 *
 * @throws AnalysisError with fewer than 2 clusters (the meat would be the zero matrix and the
 *   factor G/(G − 1) infinite).
 * @example
 *   // inside a fit, after the coefficients: the lm case
 *   const covariance = clusterRobustCovariance(frame, unscaled, (x, y) => y - dot(x, beta));
 */
import { AnalysisError } from './analysis-error';
import type { ModelFrame } from './model-frame';
import { sandwichProduct } from './sandwich-product';

/** How a fit's errors were clustered, reported beside its coefficients. */
export interface ClusteredErrors {
  /** The column that names each row's cluster (for campaigns: the donor). */
  column: string;
  /** G, the number of clusters in the rows used. */
  clusters: number;
  /** sandwich's small-sample type: HC1, i.e. G/(G − 1) · (n − 1)/(n − p). */
  type: 'HC1';
}

/**
 * `bread` is the unscaled covariance (p × p); `scoreWeight(x, y, nonzero, nonzeroCount)` gives row
 * i's scalar sᵢ so that its score is xᵢ sᵢ (the frame's non-zero columns of x come along, so that
 * sᵢ may be computed from them alone). One pass over the frame, touching only each row's
 * non-zero entries; memory O(G · p).
 */
export function clusterRobustCovariance(
  frame: ModelFrame,
  bread: number[][],
  scoreWeight: (x: Float64Array, y: number, nonzero: Int32Array, nonzeroCount: number) => number,
): number[][] {
  return clusterRobustCovarianceOfScores(frame, bread, (x, y, sums, offset, nonzero, nonzeroCount) => {
    const weight = scoreWeight(x, y, nonzero, nonzeroCount);
    for (let index = 0; index < nonzeroCount; index += 1) {
      const j = nonzero[index];
      sums[offset + j] += x[j] * weight;
    }
  });
}

/**
 * The same for a model whose scores are not a multiple of the design row (proportional odds: its
 * thresholds have scores of their own): `addScore(x, y, sums, offset, nonzero, nonzeroCount)` adds
 * row i's score, p numbers in the order of `bread`, into `sums` from `offset` (`nonzero` lists the
 * row's non-zero design columns, as the frame gives them). p — and so the HC1 factor's n − p —
 * counts every parameter in the bread, as sandwich's `meatCL` counts the columns of `estfun`.
 * One pass over the frame; memory O(G · p). The meat Σ_g u_g u_gᵀ is summed over each cluster's
 * non-zero entries only: a donor's few records touch few dummies, so a cluster costs its
 * non-zeros squared, not p².
 */
export function clusterRobustCovarianceOfScores(
  frame: ModelFrame,
  bread: number[][],
  addScore: (x: Float64Array, y: number, sums: Float64Array, offset: number, nonzero: Int32Array, nonzeroCount: number) => void,
): number[][] {
  const clusters = requireClusters(frame);
  const p = bread.length;
  const sums = new Float64Array(clusters.count * p);
  frame.forEachRow((x, y, cluster, nonzero, nonzeroCount) => addScore(x, y, sums, cluster * p, nonzero, nonzeroCount));
  // Upper triangle, row by row; the same sums in the same order as over every entry (zeros add nothing).
  const meat = new Float64Array(p * p);
  const used = new Int32Array(p);
  for (let g = 0; g < clusters.count; g += 1) {
    const offset = g * p;
    let count = 0;
    for (let i = 0; i < p; i += 1) if (sums[offset + i] !== 0) used[count++] = i;
    for (let a = 0; a < count; a += 1) {
      const i = used[a];
      const left = sums[offset + i];
      const row = i * p;
      for (let b = a; b < count; b += 1) {
        const j = used[b];
        meat[row + j] += left * sums[offset + j];
      }
    }
  }
  const G = clusters.count;
  const adjustment = (G / (G - 1)) * ((frame.n - 1) / (frame.n - p));
  const symmetric = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i += 1) {
    for (let j = i; j < p; j += 1) {
      const value = meat[i * p + j] * adjustment;
      symmetric[i][j] = value;
      symmetric[j][i] = value;
    }
  }
  return sandwichProduct(bread, symmetric);
}

/** The frame's clusters, refusing fewer than two. */
export function requireClusters(frame: ModelFrame): { column: string; count: number } {
  const clusters = frame.clusters;
  if (!clusters) throw new AnalysisError('No cluster column was given for cluster-robust errors.');
  if (clusters.count < 2) {
    throw new AnalysisError(
      `The cluster column "${clusters.column}" has ${clusters.count} distinct value(s) in the rows used; clustered errors need at least 2 clusters (donors).`,
    );
  }
  return clusters;
}

/** The description of the clustering that a fit reports. */
export function clusteredErrors(frame: ModelFrame): ClusteredErrors {
  const clusters = requireClusters(frame);
  return { column: clusters.column, clusters: clusters.count, type: 'HC1' };
}
