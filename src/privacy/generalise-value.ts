/**
 * One quasi-identifier value coarsened to a level of its field's generalisation (DESIGN.md
 * "Campaigns"): level 0 is the value as given, each further level one step of the dictionary's
 * `generalisation`, and the last level hides the value altogether. Missing stays missing.
 */
import type { Generalisation } from '../campaigns/types';

export type QuasiIdentifierValue = string | number | null;

/** Levels above 0 that the generalisation has; the last one always suppresses the value. */
export function generalisationDepth(generalisation: Generalisation): number {
  switch (generalisation.method) {
    case 'suppress':
      return 1;
    case 'bands':
      return generalisation.width.length + 1;
    case 'map':
      return generalisation.levels.length + 1;
    case 'truncate':
      return generalisation.lengths.length + 1;
    case 'year':
      return 2;
  }
}

function band(value: number, width: number): string {
  const low = Math.floor(value / width) * width;
  return `${low}-${low + width - 1}`;
}

/**
 * The value at `level` (0 … depth). Numbers in bands become "low-high" labels; map levels apply
 * one after another (values a level does not name stay as they are, e.g. "not-stated").
 * @throws RangeError when the level is outside 0 … depth.
 * @example generaliseValue('25-34', { method: 'map', levels: [{ '25-34': '18-34' }] }, 1) // '18-34'
 */
export function generaliseValue(value: QuasiIdentifierValue, generalisation: Generalisation, level: number): QuasiIdentifierValue {
  const depth = generalisationDepth(generalisation);
  if (!Number.isInteger(level) || level < 0 || level > depth) throw new RangeError(`level must be 0 … ${depth}`);
  if (value === null || level === 0) return value;
  if (level === depth) return null;
  switch (generalisation.method) {
    case 'bands': {
      const number = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(number) ? band(number, generalisation.width[level - 1]) : null;
    }
    case 'map': {
      let mapped = String(value);
      for (let step = 0; step < level; step += 1) mapped = generalisation.levels[step][mapped] ?? mapped;
      return mapped;
    }
    case 'truncate':
      return String(value).slice(0, generalisation.lengths[level - 1]);
    case 'year':
      return String(value).slice(0, 4);
    case 'suppress':
      return null; // depth 1: unreachable, kept for the exhaustive switch
  }
}
