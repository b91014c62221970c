import { chiSquareUpperTail } from './distributions';

/**
 * Pearson's chi-square test of independence of an r×c table of counts, without continuity
 * correction, as R's `chisq.test(table, correct = FALSE)`: X² = Σ (O − E)²/E, df = (r−1)(c−1).
 * Rows or columns that are all zero are left out (R's `table()` would not have them).
 *
 * @returns null when fewer than two rows or columns have counts (no test is possible).
 * @example chiSquareIndependence([[10, 20], [20, 10]]) // { statistic: 6.666…, df: 1, pValue: 0.0098… }
 */
export function chiSquareIndependence(table: number[][]): { statistic: number; df: number; pValue: number; smallestExpected: number } | null {
  const rows = table.filter((row) => row.some((count) => count > 0));
  const columnTotals = rows[0]?.map((_, column) => rows.reduce((sum, row) => sum + row[column], 0)) ?? [];
  const keptColumns = columnTotals.map((total, column) => (total > 0 ? column : -1)).filter((column) => column >= 0);
  if (rows.length < 2 || keptColumns.length < 2) return null;
  const total = rows.reduce((sum, row) => sum + row.reduce((rowSum, count) => rowSum + count, 0), 0);
  let statistic = 0;
  let smallestExpected = Infinity;
  for (const row of rows) {
    const rowTotal = row.reduce((sum, count) => sum + count, 0);
    for (const column of keptColumns) {
      const expected = (rowTotal * columnTotals[column]) / total;
      smallestExpected = Math.min(smallestExpected, expected);
      statistic += (row[column] - expected) ** 2 / expected;
    }
  }
  const df = (rows.length - 1) * (keptColumns.length - 1);
  return { statistic, df, pValue: chiSquareUpperTail(statistic, df), smallestExpected };
}
