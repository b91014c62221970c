import { chiSquareIndependence } from '../../../analysis/chi-square-independence';
import { expectMatchesR } from '../../helpers/fixtures';
import { groupMethodsReference } from '../../helpers/group-methods-reference';

const cases = groupMethodsReference().methods.chiSquare as Array<{ table: number[][]; statistic: number; df: number; pValue: number }>;

describe('chiSquareIndependence', () => {
  test.each(cases.map((entry) => [JSON.stringify(entry.table), entry] as const))('when the table is %s, then X², df and p are chisq.test(correct = FALSE)\'s', (_, entry) => {
    const result = chiSquareIndependence(entry.table)!;
    expectMatchesR(result, { statistic: entry.statistic, df: entry.df, pValue: entry.pValue }, 'chiSquare');
  });

  test('when a cell is expected under 5, then the smallest expected count says so', () => {
    // Row totals 33 and 15, first column total 5: E = 15·5/48.
    expect(chiSquareIndependence([[1, 2, 30], [4, 5, 6]])!.smallestExpected).toBeCloseTo((15 * 5) / 48, 12);
  });

  test('when a row or column is all zero, then it is left out as table() would', () => {
    const withZeros = chiSquareIndependence([[10, 20, 0], [0, 0, 0], [20, 10, 0]])!;
    expect(withZeros.df).toBe(1);
    expect(withZeros.statistic).toBeCloseTo(chiSquareIndependence([[10, 20], [20, 10]])!.statistic, 12);
  });

  test('when only one outcome value occurs, then no test is possible and the result is null', () => {
    expect(chiSquareIndependence([[5, 0], [7, 0]])).toBeNull();
  });

  test('when the table is ragged or holds a negative count, then a RangeError names the row', () => {
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(/Row 2 .* 1 cells, not 2/);
    expect(() => chiSquareIndependence([[1, 2], [3, -4]])).toThrow(/Row 2/);
  });
});
