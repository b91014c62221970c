/**
 * Which level of each population margin a row has: the first step of the campaign's share table
 * and of each stratum's raking. A row whose answer is missing, or is not a level of a margin
 * (sex "diverse" where the population counts only women and men), is outside the margins: the
 * population has no count for it, so it cannot be weighted to it. This follows `rakedEstimates`
 * (analysis/raked-estimates.ts) cell for cell, so that the findings' raked figures are the ones an
 * analyst gets from `crowdaudit disparity|compare --rake` on the same rows.
 */
import { isMissing, levelOf } from '../../../analysis/cells';
import type { RakingMargin } from '../../../analysis/rake';
import type { PopulationMargin } from '../../../analysis/raked-estimates';
import type { Row } from '../../../analysis/types';

/** Outside a margin: no level of it. */
export const OUTSIDE = -1;

/** Per margin, per row: the index of the row's level in the margin, or OUTSIDE. */
export function marginCells(rows: readonly Row[], margins: readonly PopulationMargin[]): Int32Array[] {
  return margins.map((margin) => {
    const index = new Map(margin.levels.map(({ level }, position) => [level, position]));
    // Plain loops here and below: TypedArray.from with a mapping function takes a slow generic path.
    const cells = new Int32Array(rows.length);
    rows.forEach((row, position) => {
      const cell = row[margin.column];
      cells[position] = isMissing(cell) ? OUTSIDE : (index.get(levelOf(cell!).trim()) ?? OUTSIDE);
    });
    return cells;
  });
}

/** Per row: whether it is within every margin. */
export function withinAll(cells: readonly Int32Array[], rows: number): Uint8Array {
  const within = new Uint8Array(rows).fill(1);
  for (const column of cells) for (let row = 0; row < rows; row += 1) if (column[row] === OUTSIDE) within[row] = 0;
  return within;
}

/**
 * The margins as `rake` takes them, for the rows kept (those within every margin). Each margin is
 * scaled to the first one's grand total, as `rakedEstimates` does: margins from different tables
 * rarely share one total, raking to unequal totals never converges, and means and shares depend
 * only on proportions.
 */
export function rakingMargins(margins: readonly PopulationMargin[], cells: readonly Int32Array[], kept: Uint8Array): RakingMargin[] {
  const sum = (margin: PopulationMargin) => margin.levels.reduce((total, { total: count }) => total + count, 0);
  const grandTotal = sum(margins[0]);
  return margins.map((margin, index) => {
    const scale = grandTotal / sum(margin);
    return {
      name: margin.column,
      levels: margin.levels.map(({ level }) => level),
      cells: cells[index].filter((_cell, row) => kept[row] === 1),
      totals: margin.levels.map(({ total }) => total * scale),
    };
  });
}

/** Distinct donors per level of one margin, among the rows kept. */
export function donorsPerLevel(cells: Int32Array, levels: number, donors: readonly string[], kept: Uint8Array): number[] {
  const sets = Array.from({ length: levels }, () => new Set<string>());
  cells.forEach((cell, row) => {
    if (kept[row] === 1) sets[cell].add(donors[row]);
  });
  return sets.map((set) => set.size);
}
