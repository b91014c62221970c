/**
 * Names the group of a row from one or more group columns. Several columns are crossed into
 * intersectional groups, named `sex=female & foreign_worker=yes`; one column keeps its level.
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf } from './cells';
import type { Row } from './types';

export function groupKeyOf(row: Row, groupColumns: readonly string[]): string | undefined {
  if (groupColumns.some((column) => isMissing(row[column]))) return undefined;
  if (groupColumns.length === 1) return levelOf(row[groupColumns[0]]!).trim();
  return groupColumns.map((column) => `${column}=${levelOf(row[column]!).trim()}`).join(' & ');
}

export function groupLabel(groupColumns: readonly string[]): string {
  return groupColumns.join(' × ');
}

/** Checks the columns exist before a pass, naming the first unknown one. */
export function requireColumns(available: readonly string[], wanted: readonly string[]): void {
  const known = new Set(available);
  for (const column of wanted) {
    if (!known.has(column)) throw new AnalysisError(`Unknown column "${column}". Columns are: ${available.join(', ')}.`);
  }
}

/** The reference group: the one asked for (which must exist), else the first in sorted order. */
export function chooseReference(groups: readonly string[], requested: string | undefined, groupColumns: readonly string[]): string {
  if (groups.length < 2) {
    throw new AnalysisError(`The group column${groupColumns.length > 1 ? 's' : ''} ${groupColumns.map((column) => `"${column}"`).join(', ')} ha${groupColumns.length > 1 ? 've' : 's'} only one group (${groups[0] ?? 'none'}) in the rows used; there is nothing to compare.`);
  }
  if (requested === undefined) return groups[0];
  if (!groups.includes(requested)) throw new AnalysisError(`Unknown reference level "${requested}" for ${groupLabel(groupColumns)}. The groups are: ${groups.join(', ')}.`);
  return requested;
}
