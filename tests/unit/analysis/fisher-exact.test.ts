import { fisherExact } from '../../../analysis/fisher-exact';
import { expectMatchesR } from '../../helpers/fixtures';
import { groupMethodsReference } from '../../helpers/group-methods-reference';

const cases = groupMethodsReference().methods.fisher as Array<{ cells: [number, number, number, number]; pValue: number }>;

describe('fisherExact', () => {
  test.each(cases.map((entry) => [entry.cells.join(', '), entry] as const))('when the table is [%s], then the two-sided p-value is fisher.test\'s', (_, entry) => {
    expectMatchesR(fisherExact(...entry.cells), entry.pValue, 'pValue');
  });

  test('when the table has a million rows, then the p-value comes without overflowing the stack and matches R', () => {
    const million = cases.find((entry) => entry.cells[0] === 250300)!;
    expect(million.cells.reduce((sum, cell) => sum + cell, 0)).toBe(1_000_000);
    expectMatchesR(fisherExact(...million.cells), million.pValue, 'pValue');
  });

  test('when the table is transposed or its rows swapped, then the two-sided p-value is the same', () => {
    const p = fisherExact(12, 5, 7, 20);
    expect(fisherExact(12, 7, 5, 20)).toBeCloseTo(p, 12);
    expect(fisherExact(7, 20, 12, 5)).toBeCloseTo(p, 12);
  });

  test('when a cell is not a count, then a RangeError names it', () => {
    expect(() => fisherExact(1, -2, 3, 4)).toThrow(/cell b is -2/);
    expect(() => fisherExact(1, 2, 3.5, 4)).toThrow(/cell c is 3.5/);
  });
});
