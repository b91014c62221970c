/**
 * Which groups of a protected attribute a comparison may show, shared by every kind of outcome
 * (rates, means, ordered classes) so that the same rules hide the same groups everywhere: answers
 * that name no group are left out, a group of fewer than k donors is only listed as suppressed and
 * enters no figure, and the reference is the largest group (ties broken by name).
 */
import type { Row } from '../../analysis/types';
import { DONOR_COLUMN } from './campaign-rows';

/** Answers that name no group: compared with nobody, and never a reference. */
export const NO_ANSWER_LEVELS = new Set(['not-stated', 'unknown', 'prefer-not-to-say']);

/** A row's group, or undefined when it names none (empty, missing or a "no answer"). */
export function groupLevelOf(value: Row[string]): string | undefined {
  if (value === null || value === undefined) return undefined;
  const level = String(value).trim();
  return level === '' || NO_ANSWER_LEVELS.has(level) ? undefined : level;
}

export interface GroupSelection {
  /** Every group answered with the outcome, sorted by name (suppressed ones included). */
  levels: string[];
  donorsByLevel: Map<string, Set<string>>;
  /** Groups of at least k donors: the only ones any figure is computed from. */
  kept: Set<string>;
  /** The largest kept group; undefined when fewer than two groups have k donors (nothing can be compared). */
  reference: string | undefined;
  /** The rows of kept groups that answer the outcome. */
  rows: Row[];
}

export function selectGroups(rows: readonly Row[], outcome: string, attribute: string, minGroupSize: number): GroupSelection {
  const donorsByLevel = new Map<string, Set<string>>();
  const usable: Row[] = [];
  // Each usable row's group, read once: the kept rows are chosen by it below.
  const usableLevels: string[] = [];
  for (const row of rows) {
    const level = groupLevelOf(row[attribute]);
    if (level === undefined || row[outcome] === null || row[outcome] === undefined) continue;
    let donors = donorsByLevel.get(level);
    if (!donors) {
      donors = new Set();
      donorsByLevel.set(level, donors);
    }
    donors.add(String(row[DONOR_COLUMN]));
    usable.push(row);
    usableLevels.push(level);
  }
  const levels = [...donorsByLevel.keys()].sort();
  const large = levels.filter((level) => donorsByLevel.get(level)!.size >= minGroupSize);
  if (large.length < 2) return { levels, donorsByLevel, kept: new Set(), reference: undefined, rows: [] };
  const reference = [...large].sort((first, second) => donorsByLevel.get(second)!.size - donorsByLevel.get(first)!.size || (first < second ? -1 : 1))[0];
  const kept = new Set(large);
  return { levels, donorsByLevel, kept, reference, rows: usable.filter((_row, index) => kept.has(usableLevels[index])) };
}
