/** Which legitimate factors enter an adjusted model: answered in at least 80% of the rows, and not constant. */
import type { Row } from '../../../analysis/types';
import { usableFactors } from '../../../src/evidence/group-comparison';

describe('usableFactors', () => {
  test('when factors are constant, vary only late, are answered in 80% or 79% of the rows, then only the varying ones answered often enough are usable', () => {
    const rows: Row[] = Array.from({ length: 100 }, (_unused, index) => ({
      constant: 'a',
      lateChange: index === 99 ? 'b' : 'a',
      eighty: index < 80 ? String(index % 2) : null,
      seventyNine: index < 79 ? String(index % 2) : null,
      // Answered only in the last rows: the count is known to fall short long before the end.
      lastTen: index >= 90 ? String(index % 3) : null,
      numbers: index % 5,
    }));
    expect(usableFactors(rows, ['constant', 'lateChange', 'eighty', 'seventyNine', 'lastTen', 'numbers', 'absent'])).toEqual(['lateChange', 'eighty', 'numbers']);
  });

  test('when there are no rows, then no factor is usable', () => {
    expect(usableFactors([], ['a'])).toEqual([]);
  });
});
