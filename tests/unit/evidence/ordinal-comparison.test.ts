/** An ordered outcome's comparison when proportional odds cannot be fitted: a note, never a crash of the release. */
import type { Row } from '../../../analysis/types';
import { compareOrderedGroups } from '../../../src/evidence/ordinal-comparison';

const order = { levels: ['A', 'B', 'C', 'D'], missingLevels: ['unknown'], direction: 'best-first' as const };

/** `perGroup` donors in each group, one record each, with the levels given in turn. */
function rows(levels: Record<string, string[]>, perGroup: number): Row[] {
  return Object.entries(levels).flatMap(([group, answers]) =>
    Array.from({ length: perGroup }, (_unused, index): Row => ({ donor: `${group}-${index}`, sex: group, class: answers[index % answers.length]!, income: 'low' })));
}

describe('ordinal comparison', () => {
  const input = { outcome: 'class', attribute: 'sex', legitimate: ['income'], textFields: ['sex', 'income'], minGroupSize: 5, stratum: {} };

  test('when only two levels of the order are used, then each group still has its mean position and the effect says why polr has no estimate', async () => {
    const { comparison, effects } = await compareOrderedGroups({ ...input, order, rows: rows({ female: ['A', 'B'], male: ['B', 'A', 'A'] }, 12) });
    expect(comparison).toMatchObject({ kind: 'ordinal', reference: 'female', ordered: { levels: order.levels, direction: 'best-first' } });
    expect(comparison.groups.every((group) => !group.suppressed)).toBe(true);
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject({ kind: 'ordinal', suppressed: false, adjusted: null, raw: { proportionalOdds: null } });
    expect((effects[0] as { adjustedNote: string }).adjustedNote).toMatch(/proportional odds needs at least three/);
  });

  test('when the answer is outside the order ("unknown"), then it is no answer: the row counts in no group', async () => {
    const data = rows({ female: ['A', 'B', 'C'], male: ['B', 'C', 'D'] }, 10);
    const unknown = Array.from({ length: 6 }, (_unused, index): Row => ({ donor: `x-${index}`, sex: 'diverse', class: 'unknown', income: 'low' }));
    const { comparison, effects } = await compareOrderedGroups({ ...input, order, rows: [...data, ...unknown] });
    expect(comparison.groups.map((group) => group.level)).toEqual(['female', 'male']);
    expect(effects[0]).toMatchObject({ suppressed: false, adjusted: { model: 'ordinal', n: 20 } });
  });
});
