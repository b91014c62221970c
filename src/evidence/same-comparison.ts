/**
 * Whether an effect, a planner entry or a group belongs to a comparison: the same outcome,
 * attribute and stratum. With strata, outcome and attribute alone no longer name one comparison.
 */
import type { Stratum } from './campaign-analyses-types';

export function stratumKey(stratum: Stratum): string {
  if (stratum === null) return '*';
  return Object.keys(stratum).sort().map((name) => `${name}=${stratum[name]}`).join('&');
}

export function sameComparison(first: { outcome: string; attribute: string; stratum: Stratum }, second: { outcome: string; attribute: string; stratum: Stratum }): boolean {
  return first.outcome === second.outcome && first.attribute === second.attribute && stratumKey(first.stratum) === stratumKey(second.stratum);
}

/** A comparison's name as one string: two have the same key exactly when `sameComparison` holds (for indexing effects by comparison). */
export function comparisonKey(item: { outcome: string; attribute: string; stratum: Stratum }): string {
  return `${item.outcome}\u0000${item.attribute}\u0000${stratumKey(item.stratum)}`;
}
