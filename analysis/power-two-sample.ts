/**
 * Group sizes for a two-sample comparison to detect a given gap (normal approximation).
 */
import { normalQuantileAt } from './distributions';

export interface TwoSamplePowerInput {
  /** Per-record variance of the outcome in the group and in the reference: p(1 − p) for a rate, s² for a mean. */
  groupVariance: number;
  referenceVariance: number;
  /** Records the reference group has now. */
  referenceSize: number;
  /** The difference to detect, in the outcome's units (0.05 for 5 percentage points). */
  gap: number;
  alpha?: number;
  power?: number;
}

export interface TwoSampleSizes {
  /** Records the group needs. */
  groupSize: number;
  /** Records the reference needs: its current size, or more when it alone is too small. */
  referenceSize: number;
}

/**
 * How many records a group needs so that a two-sided test at level α detects `gap` against the
 * reference with the given power, when the reference keeps its current size:
 * the standard error √(v₁/n₁ + v₀/n₀) must not exceed gap/(z₁₋α/₂ + z_power) (Chow, Shao & Wang,
 * "Sample Size Calculations in Clinical Research", 2nd ed., 2008, §4.2, unequal allocation), so
 * n₁ = v₁ / (target² − v₀/n₀). When the reference alone already uses up the budget, both groups
 * grow and each is given half of it: n = 2v/target². With n₀ → ∞ and v₀ = v₁ this is the usual
 * one-sample size; with equal sizes it is (v₁ + v₀)/target², which R's `power.prop.test` gives
 * within about 1% (it uses the pooled variance under the null hypothesis) and `power.t.test`
 * within a few records (it uses the t distribution).
 *
 * @throws RangeError for a gap or a variance that is not positive and finite
 * @example
 *   twoSampleSizes({ groupVariance: 0.24, referenceVariance: 0.25, referenceSize: Infinity, gap: 0.1 })
 *   // { groupSize: 189, referenceSize: Infinity }   (0.24 / (0.1 / 2.8016)²)
 */
export function twoSampleSizes(input: TwoSamplePowerInput): TwoSampleSizes {
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  for (const [name, value] of [['gap', input.gap], ['groupVariance', input.groupVariance], ['referenceVariance', input.referenceVariance]] as const) {
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a positive number (got ${value})`);
  }
  const target = input.gap / (normalQuantileAt(1 - alpha / 2) + normalQuantileAt(power));
  const budget = target * target;
  const referenceShare = input.referenceSize > 0 ? input.referenceVariance / input.referenceSize : Infinity;
  if (referenceShare < budget) {
    return { groupSize: Math.ceil(input.groupVariance / (budget - referenceShare)), referenceSize: input.referenceSize };
  }
  return {
    groupSize: Math.ceil((2 * input.groupVariance) / budget),
    referenceSize: Math.ceil((2 * input.referenceVariance) / budget),
  };
}
