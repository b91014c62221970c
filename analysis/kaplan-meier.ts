/**
 * The Kaplan–Meier estimate of a survival curve, as R's `survival::survfit(Surv(time, event) ~ 1)`
 * with its defaults (Greenwood's variance, log-transformed 95% interval).
 */
import { normalQuantileAt } from './distributions';

export interface KaplanMeierStep {
  /** Every distinct time with an event or a censoring, as survfit's `time`. */
  time: number;
  atRisk: number;
  events: number;
  censored: number;
  survival: number;
  /** survfit's `std.err`: the standard error of −log S (Greenwood), null once S reaches 0. */
  stdErr: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface KaplanMeierCurve {
  n: number;
  events: number;
  /** The median survival time (survfit's rule), null when S never falls to 0.5. */
  median: number | null;
  steps: KaplanMeierStep[];
}

/**
 * S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ) over the distinct times (Kaplan & Meier, JASA 53, 1958);
 * Greenwood's Var(log S) = Σ dᵢ/(nᵢ(nᵢ − dᵢ)); the interval S·exp(∓1.96·se), the upper end at
 * most 1 (`conf.type = "log"`). The median is the first time S ≤ 0.5, or the midpoint to the next
 * step when S is exactly 0.5 there (R's `survmean`).
 * @throws RangeError for a negative or non-finite time or an event that is not 0 or 1.
 * @example kaplanMeier(Float64Array.of(1, 2, 2, 3), Uint8Array.of(1, 1, 0, 1)).steps[1].survival // 0.5
 */
export function kaplanMeier(times: ArrayLike<number>, events: ArrayLike<number>): KaplanMeierCurve {
  const order = Int32Array.from({ length: times.length }, (_, index) => index);
  for (const index of order) {
    if (!(times[index] >= 0) || !Number.isFinite(times[index])) throw new RangeError(`A survival time must be a number of at least 0 (got ${times[index]}).`);
    if (events[index] !== 0 && events[index] !== 1) throw new RangeError(`An event must be 0 or 1 (got ${events[index]}).`);
  }
  order.sort((first, second) => times[first] - times[second]);
  const z = normalQuantileAt(0.975);
  const steps: KaplanMeierStep[] = [];
  let atRisk = times.length;
  let survival = 1;
  let greenwood = 0;
  let totalEvents = 0;
  for (let start = 0; start < order.length;) {
    const time = times[order[start]];
    let end = start;
    let eventCount = 0;
    while (end < order.length && times[order[end]] === time) {
      eventCount += events[order[end]];
      end += 1;
    }
    const leaving = end - start;
    if (eventCount > 0) {
      survival *= 1 - eventCount / atRisk;
      greenwood = atRisk > eventCount ? greenwood + eventCount / (atRisk * (atRisk - eventCount)) : Number.POSITIVE_INFINITY;
    }
    const stdErr = survival > 0 && Number.isFinite(greenwood) ? Math.sqrt(greenwood) : null;
    steps.push({
      time,
      atRisk,
      events: eventCount,
      censored: leaving - eventCount,
      survival,
      stdErr,
      ciLow: stdErr === null ? null : survival * Math.exp(-z * stdErr),
      ciHigh: stdErr === null ? null : Math.min(1, survival * Math.exp(z * stdErr)),
    });
    totalEvents += eventCount;
    atRisk -= leaving;
    start = end;
  }
  return { n: times.length, events: totalEvents, median: medianOf(steps), steps };
}

/** R's `survmean` median: the first time S < 0.5 + √ε, averaged with the next drop when S is 0.5 there. */
function medianOf(steps: KaplanMeierStep[]): number | null {
  const tolerance = Math.sqrt(Number.EPSILON);
  const below = steps.filter((step) => step.survival < 0.5 + tolerance);
  if (below.length === 0) return null;
  const first = below[0];
  if (Math.abs(first.survival - 0.5) < tolerance) {
    const next = below.find((step) => step.survival < first.survival);
    if (next) return (first.time + next.time) / 2;
  }
  return first.time;
}
