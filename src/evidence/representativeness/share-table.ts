/**
 * How far the donors are from the population: for each level of each margin the campaign ships,
 * the population's share against the donors' share — counted in people, not records, since the
 * margins count people — and the donors' share once raked (the population's, as a check that the
 * weighting does what it says). Groups under k are never shown, not even by subtraction.
 */
import { rake } from '../../../analysis/rake';
import type { Row } from '../../../analysis/types';
import type { PopulationMarginsFile } from '../../campaigns/population-margins-file';
import type { MarginLevelShare, Representativeness } from '../campaign-analyses-types';
import { DONOR_COLUMN } from '../campaign-rows';
import { marginCells, rakingMargins, withinAll } from './margin-cells';

/** One row per donor: their first record (the margins' fields are asked once per donor). */
function donorRows(rows: readonly Row[]): Row[] {
  const first = new Map<string, Row>();
  for (const row of rows) {
    const donor = String(row[DONOR_COLUMN]);
    if (!first.has(donor)) first.set(donor, row);
  }
  return [...first.values()];
}

/**
 * The levels of one margin to hide: those under k, and — when they alone would total under k or
 * be a single level, so that the shown levels and the total would give them away — the next
 * smallest, until the hidden ones are at least two and total at least k (or all are hidden).
 */
export function hiddenLevels(donors: readonly number[], minGroupSize: number): Set<number> {
  const hidden = new Set(donors.flatMap((count, level) => (count < minGroupSize ? [level] : [])));
  if (hidden.size === 0) return hidden;
  const bySize = donors.map((count, level) => ({ count, level })).sort((first, second) => first.count - second.count || first.level - second.level);
  const hiddenTotal = () => [...hidden].reduce((sum, level) => sum + donors[level], 0);
  for (const { level } of bySize) {
    if (hidden.size >= 2 && hiddenTotal() >= minGroupSize) break;
    hidden.add(level);
  }
  return hidden;
}

export function representativeness(rows: readonly Row[], marginsFile: PopulationMarginsFile, minGroupSize: number): Representativeness {
  const margins = marginsFile.margins;
  const donors = donorRows(rows);
  const cells = marginCells(donors, margins);
  const within = withinAll(cells, donors.length);
  const withinCount = within.reduce((sum, flag) => sum + flag, 0);
  const counts = margins.map((margin, index) => {
    const perLevel = new Array<number>(margin.levels.length).fill(0);
    cells[index].forEach((cell, row) => {
      if (within[row] === 1) perLevel[cell] += 1;
    });
    return perLevel;
  });

  // Weighting needs k donors in every level, as in the strata (stratum-raking.ts): else nothing is raked.
  const rakeable = withinCount > 0 && counts.every((perLevel) => perLevel.every((count) => count >= minGroupSize));
  const raking = rakeable ? rake(rakingMargins(margins, cells, within)) : undefined;
  const rakedShares = raking ? raking.margins.map((margin) => {
    const weighted = new Array<number>(margin.levels.length).fill(0);
    margin.cells.forEach((cell, row) => {
      weighted[cell] += raking.weights[row];
    });
    const total = weighted.reduce((sum, weight) => sum + weight, 0);
    return weighted.map((weight) => weight / total);
  }) : undefined;

  const levels: MarginLevelShare[] = margins.flatMap((margin, index) => {
    const populationTotal = margin.levels.reduce((sum, { total }) => sum + total, 0);
    const hidden = hiddenLevels(counts[index], minGroupSize);
    return margin.levels.map(({ level, total }, position): MarginLevelShare => {
      const base = { margin: margin.column, level, populationShare: total / populationTotal };
      if (hidden.has(position)) return { ...base, suppressed: true };
      return { ...base, suppressed: false, donors: counts[index][position], donorShare: counts[index][position] / withinCount, rakedShare: rakedShares ? rakedShares[index][position] : null };
    });
  });
  const outside = donors.length - withinCount;
  return {
    title: marginsFile.title,
    sources: marginsFile.sources,
    donorsWithin: withinCount >= minGroupSize ? withinCount : null,
    donorsOutside: outside >= minGroupSize ? outside : null,
    levels,
    raking: raking ? { converged: raking.converged, iterations: raking.iterations } : null,
  };
}
