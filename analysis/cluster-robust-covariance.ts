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
 * `bread` is the unscaled covariance (p × p); `scoreWeight(x, y)` gives row i's scalar sᵢ so that
 * its score is xᵢ sᵢ. One pass over the frame; memory O(G · p).
 */
export function clusterRobustCovariance(frame: ModelFrame, bread: number[][], scoreWeight: (x: Float64Array, y: number) => number): number[][] {
  const p = bread.length;
  return clusterRobustCovarianceOfScores(frame, bread, (x, y, sums, offset) => {
    const weight = scoreWeight(x, y);
    for (let j = 0; j < p; j += 1) sums[offset + j] += x[j] * weight;
  });
}

/**
 * The same for a model whose scores are not a multiple of the design row (proportional odds: its
 * thresholds have scores of their own): `addScore(x, y, sums, offset)` adds row i's score, p
 * numbers in the order of `bread`, into `sums` from `offset`. p — and so the HC1 factor's
 * n − p — counts every parameter in the bread, as sandwich's `meatCL` counts the columns of
 * `estfun`. One pass over the frame; memory O(G · p).
 */
export function clusterRobustCovarianceOfScores(
  frame: ModelFrame,
  bread: number[][],
  addScore: (x: Float64Array, y: number, sums: Float64Array, offset: number) => void,
): number[][] {
  const clusters = requireClusters(frame);
  const p = bread.length;
  const sums = new Float64Array(clusters.count * p);
  frame.forEachRow((x, y, cluster) => addScore(x, y, sums, cluster * p));
  const meat = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let g = 0; g < clusters.count; g += 1) {
    const offset = g * p;
    for (let i = 0; i < p; i += 1) {
      const left = sums[offset + i];
      if (left === 0) continue;
      for (let j = i; j < p; j += 1) meat[i][j] += left * sums[offset + j];
    }
  }
  const G = clusters.count;
  const adjustment = (G / (G - 1)) * ((frame.n - 1) / (frame.n - p));
  for (let i = 0; i < p; i += 1) {
    for (let j = i; j < p; j += 1) {
      meat[i][j] *= adjustment;
      meat[j][i] = meat[i][j];
    }
  }
  return sandwichProduct(bread, meat);
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
