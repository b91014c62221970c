import { normalLowerTail } from './distributions';
import type { ValueCounts } from './value-counts';

/**
 * The Mann–Whitney U (Wilcoxon rank-sum) test with the normal approximation, tie and continuity
 * correction, as R's `wilcox.test(x, y, exact = FALSE, correct = TRUE)` (Mann & Whitney 1947;
 * Hollander & Wolfe, Nonparametric Statistical Methods, 2nd ed., 1999, §4.1).
 *
 * W = R₁ − n₁(n₁ + 1)/2, R₁ the sum of the sample's mid-ranks in the pooled data (R's statistic W:
 * the number of (sample, reference) pairs where the sample's value is larger, ties counting ½);
 * z = (W − n₁n₂/2 − ½·sign(W − n₁n₂/2))/σ, σ² = n₁n₂/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))) over
 * tie blocks of size t; p = 2·min(Φ(z), 1 − Φ(z)).
 * The samples come as value → count maps, so ranks cost memory in distinct values, not rows.
 *
 * @returns null when either sample is empty or every value ties (σ = 0).
 * @throws never: empty or constant samples give null.
 * @example
 *   const x = new ValueCounts(); [2, 3, 4, 4, 5].forEach((v) => x.add(v));
 *   const y = new ValueCounts(); [1, 2, 2, 3, 3, 3].forEach((v) => y.add(v));
 *   mannWhitney(x, y) // { statistic: 24.5, pValue: 0.08871 }
 */
export function mannWhitney(sample: ValueCounts, reference: ValueCounts): { statistic: number; pValue: number } | null {
  const n1 = sample.n;
  const n2 = reference.n;
  if (n1 === 0 || n2 === 0) return null;
  const values = [...new Set([...sample.counts.keys(), ...reference.counts.keys()])].sort((first, second) => first - second);
  let below = 0;
  let rankSum = 0;
  let ties = 0;
  for (const value of values) {
    const inSample = sample.counts.get(value) ?? 0;
    const tied = inSample + (reference.counts.get(value) ?? 0);
    rankSum += inSample * (below + (tied + 1) / 2);
    ties += tied ** 3 - tied;
    below += tied;
  }
  const total = n1 + n2;
  const statistic = rankSum - (n1 * (n1 + 1)) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (total + 1 - ties / (total * (total - 1))));
  if (sigma === 0) return null;
  const centred = statistic - (n1 * n2) / 2;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return { statistic, pValue: Math.min(1, 2 * Math.min(normalLowerTail(z), normalLowerTail(-z))) };
}
