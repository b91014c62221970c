/**
 * Intersectional groups: several group columns crossed into one level per row, so that
 * `--group sex --group foreign_worker` compares `sex=female & foreign_worker=yes` with the other
 * combinations (as R's `paste0("sex=", sex, " & foreign_worker=", foreign_worker)`). A single
 * column keeps its own level, unchanged.
 */
import { isMissing, levelOf } from './cells';
import type { Cell, Row } from './types';

/**
 * The group of a row: the level of the one group column, or `a=x & b=y` for several.
 * @returns undefined when any group column is missing in the row (the row is then dropped).
 * @example intersectGroups({ sex: 'female', foreign_worker: 'yes' }, ['sex', 'foreign_worker']) // 'sex=female & foreign_worker=yes'
 */
export function intersectGroups(row: Row, groupColumns: readonly string[]): string | undefined {
  if (groupColumns.some((column) => isMissing(row[column]))) return undefined;
  if (groupColumns.length === 1) return levelOf(row[groupColumns[0]]!).trim();
  return groupColumns.map((column) => `${column}=${levelOf(row[column]!).trim()}`).join(' & ');
}

/** The name of the grouping in results: `sex`, or `sex × foreign_worker` for crossed columns. */
export function groupLabel(groupColumns: readonly string[]): string {
  return groupColumns.join(' × ');
}

/**
 * The same group key from cells already picked out of a row: `cells[offset + i]` is the cell of
 * `groupColumns[i]`. Undefined when any is missing.
 */
export function groupKeyOfCells(cells: ReadonlyArray<Cell | undefined>, offset: number, groupColumns: readonly string[]): string | undefined {
  for (let index = 0; index < groupColumns.length; index += 1) if (isMissing(cells[offset + index])) return undefined;
  if (groupColumns.length === 1) return levelOf(cells[offset]!).trim();
  return groupColumns.map((column, index) => `${column}=${levelOf(cells[offset + index]!).trim()}`).join(' & ');
}
