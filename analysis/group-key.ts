/**
 * Which columns and which reference group an analysis uses, checked before and after a pass
 * over the rows, with errors that name the column or level.
 */
import { AnalysisError } from './analysis-error';
import { compareLevels } from './cells';
import { groupLabel } from './intersect-groups';

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
  if (groups.includes(requested)) return requested;
  // `--reference sex=male` (regress's spelling) also names level "male" of the one group column.
  const prefix = `${groupColumns[0]}=`;
  if (groupColumns.length === 1 && requested.startsWith(prefix) && groups.includes(requested.slice(prefix.length))) return requested.slice(prefix.length);
  throw new AnalysisError(`Unknown reference level "${requested}" for ${groupLabel(groupColumns)}. The groups are: ${groups.join(', ')}.`);
}

/**
 * The groups found in a pass, sorted (C locale, as R's `sort`), and the reference among them.
 * @throws AnalysisError when no row was usable, naming why.
 */
export function sortedGroupsAndReference(found: Iterable<string>, rowsRead: number, options: { outcome: string; groups: readonly string[]; reference?: string }): { names: string[]; reference: string } {
  const names = [...found].sort(compareLevels);
  if (names.length === 0) {
    throw new AnalysisError(rowsRead === 0 ? 'The selection is empty: no rows to analyse.' : `No row has both "${options.outcome}" and ${groupLabel(options.groups)}.`);
  }
  return { names, reference: chooseReference(names, options.reference, options.groups) };
}
