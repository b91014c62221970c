import { chiSquareUpperTail } from './distributions';

export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
  /** The smallest expected count E; under 5 the χ² approximation is doubtful (Cochran 1954). */
  smallestExpected: number;
}

/**
 * Pearson's chi-square test of independence of an r×c table of counts, without continuity
 * correction, as R's `chisq.test(table, correct = FALSE)` (Agresti, Categorical Data Analysis,
 * 3rd ed., 2013, §3.2): Eᵢⱼ = rowᵢ·columnⱼ/n, X² = Σ (Oᵢⱼ − Eᵢⱼ)²/Eᵢⱼ, df = (r − 1)(c − 1),
 * p = P(χ²_df > X²).
 * Rows or columns that are all zero are left out (R's `table()` would not have them).
 *
 * @returns null when fewer than two rows or columns have counts (no test is possible).
 * @throws RangeError when the rows differ in length or a cell is not a non-negative number.
 * @example chiSquareIndependence([[10, 20], [20, 10]]) // { statistic: 6.6667, df: 1, pValue: 0.009823, smallestExpected: 15 }
 */
export function chiSquareIndependence(table: number[][]): ChiSquareResult | null {
  const width = table[0]?.length ?? 0;
  table.forEach((row, index) => {
    if (row.length !== width) throw new RangeError(`Row ${index + 1} of the table has ${row.length} cells, not ${width}.`);
    if (row.some((count) => !(count >= 0))) throw new RangeError(`Row ${index + 1} of the table has a cell that is not a count.`);
  });
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
