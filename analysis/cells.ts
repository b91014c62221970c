import type { Cell } from './types';

/** Text that stands for a missing value, as R's read.csv reads it. */
const MISSING_TEXT = new Set(['', 'NA']);

export function isMissing(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  // Fast path first: this runs for every cell of every row.
  if (cell === '' || cell === 'NA') return true;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return (first <= 32 || last <= 32) && MISSING_TEXT.has(cell.trim());
}

/** The number in a cell, or NaN when it holds text that is not a number. */
export function numberOf(cell: Cell): number {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string' && cell.trim() !== '') return Number(cell);
  return Number.NaN;
}

/** A categorical level as text (numbers from SQLite become their decimal spelling). */
export function levelOf(cell: Cell): string {
  return typeof cell === 'string' ? cell : String(cell);
}

/** Text order by UTF-16 code units, i.e. R's `sort()` in the C locale. */
export function compareLevels(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0;
}
