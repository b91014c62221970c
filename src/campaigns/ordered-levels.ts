/**
 * The order of an ordered categorical field, as analyses need it: the levels first to last, the
 * values that are answers but no level (read as missing), and which end is best for the donor.
 */
import type { CampaignField } from './types';

export interface OrderedLevels {
  /** The levels in the dictionary's order, first to last. */
  levels: string[];
  /** Enum values outside the order (e.g. "unknown"): missing for analyses. */
  missingLevels: string[];
  direction: 'best-first' | 'worst-first';
}

/** The field's order, or undefined when the field is not ordered. */
export function orderedLevelsOf(field: CampaignField): OrderedLevels | undefined {
  if (!field.ordered || !field.constraints.enum || !field.direction) return undefined;
  const outside = new Set(field.outsideOrder ?? []);
  return {
    levels: field.constraints.enum.filter((value) => !outside.has(value)),
    missingLevels: field.constraints.enum.filter((value) => outside.has(value)),
    direction: field.direction,
  };
}
