/** The log-rank test that survival curves are equal, as R's `survival::survdiff(rho = 0)`. */
import { Matrix, solve } from 'ml-matrix';
import { chiSquareUpperTail } from './distributions';

export interface LogRankResult {
  /** Per group (in the order of the codes): observed and expected events. */
  observed: number[];
  expected: number[];
  statistic: number;
  df: number;
  pValue: number;
}

/**
 * At each distinct event time t with dₜ events among nₜ at risk (n_gt in group g):
 * E_g = Σ n_gt dₜ/nₜ, and the hypergeometric covariance
 * V_gh = Σ dₜ (nₜ − dₜ)/(nₜ − 1) · (n_gt/nₜ)(δ_gh − n_ht/nₜ);
 * χ² = (O − E)ᵀ V⁻ (O − E) on G − 1 df, dropping the last group (Mantel 1966; Peto & Peto 1972).
 * @param groups each row's group code, 0 … groupCount − 1.
 * @throws RangeError for fewer than two groups or no event.
 * @example logRank(Float64Array.of(1, 2, 3, 4), Uint8Array.of(1, 1, 1, 0), Int32Array.of(0, 1, 0, 1), 2).pValue
 */
export function logRank(times: ArrayLike<number>, events: ArrayLike<number>, groups: ArrayLike<number>, groupCount: number): LogRankResult {
  if (groupCount < 2) throw new RangeError('The log-rank test needs at least two groups.');
  const order = Int32Array.from({ length: times.length }, (_, index) => index).sort((first, second) => times[second] - times[first]);
  const atRisk = new Float64Array(groupCount);
  const observed = new Array<number>(groupCount).fill(0);
  const expected = new Array<number>(groupCount).fill(0);
  const variance = Array.from({ length: groupCount }, () => new Array<number>(groupCount).fill(0));
  const eventsHere = new Float64Array(groupCount);
  // From the latest time backwards, so the risk sets grow by the rows at each time.
  for (let start = 0; start < order.length;) {
    const time = times[order[start]];
    let end = start;
    eventsHere.fill(0);
    while (end < order.length && times[order[end]] === time) {
      const row = order[end];
      atRisk[groups[row]] += 1;
      eventsHere[groups[row]] += events[row];
      end += 1;
    }
    start = end;
    const deaths = eventsHere.reduce((sum, value) => sum + value, 0);
    if (deaths === 0) continue;
    const total = atRisk.reduce((sum, value) => sum + value, 0);
    const factor = total > 1 ? (deaths * (total - deaths)) / (total - 1) : 0;
    for (let g = 0; g < groupCount; g += 1) {
      observed[g] += eventsHere[g];
      expected[g] += (atRisk[g] * deaths) / total;
      for (let h = 0; h < groupCount; h += 1) variance[g][h] += factor * (atRisk[g] / total) * ((g === h ? 1 : 0) - atRisk[h] / total);
    }
  }
  if (observed.every((count) => count === 0)) throw new RangeError('The log-rank test needs at least one event.');
  const kept = groupCount - 1;
  const difference = Matrix.columnVector(observed.slice(0, kept).map((count, g) => count - expected[g]));
  const reduced = new Matrix(variance.slice(0, kept).map((row) => row.slice(0, kept)));
  const statistic = difference.transpose().mmul(solve(reduced, difference)).get(0, 0);
  return { observed, expected, statistic, df: kept, pValue: chiSquareUpperTail(statistic, kept) };
}
