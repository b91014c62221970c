import { adjustPValues } from '../../../analysis/p-adjust';
import { expectMatchesR } from '../../helpers/fixtures';
import { groupMethodsReference } from '../../helpers/group-methods-reference';

const reference = groupMethodsReference().methods.pAdjust as { p: Array<number | null>; holm: Array<number | null>; bh: Array<number | null> };

describe('adjustPValues', () => {
  test('when Holm is asked, then the values are p.adjust(method = "holm")\'s, nulls kept out of the family', () => {
    const adjusted = adjustPValues(reference.p, 'holm');
    expect(adjusted[6]).toBeNull();
    expectMatchesR(adjusted, reference.holm, 'pValue');
  });

  test('when Benjamini–Hochberg is asked, then the values are p.adjust(method = "BH")\'s', () => {
    expectMatchesR(adjustPValues(reference.p, 'bh'), reference.bh, 'pValue');
  });

  test('when one test is made, then neither method changes its p-value', () => {
    expect(adjustPValues([0.03], 'holm')).toEqual([0.03]);
    expect(adjustPValues([0.03], 'bh')).toEqual([0.03]);
  });

  test('when every value is null or the list is empty, then nothing is adjusted', () => {
    expect(adjustPValues([null, null], 'holm')).toEqual([null, null]);
    expect(adjustPValues([], 'bh')).toEqual([]);
  });

  test('when a value is not a probability, then a RangeError names its position', () => {
    expect(() => adjustPValues([0.2, 1.5], 'holm')).toThrow(/p-value 2 is 1.5/);
    expect(() => adjustPValues([Number.NaN], 'bh')).toThrow(RangeError);
  });
});
