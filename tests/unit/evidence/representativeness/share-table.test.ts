/** How far the donors are from the population: counted in people, small levels hidden, raked shares as a check. */
import type { Row } from '../../../../analysis/types';
import type { PopulationMarginsFile } from '../../../../src/campaigns/population-margins-file';
import { hiddenLevels, representativeness } from '../../../../src/evidence/representativeness/share-table';

const margins: PopulationMarginsFile = {
  file: 'fixture.json',
  title: 'A made-up population',
  campaign: 'fixture',
  margins: [
    { column: 'age_band', levels: [{ level: 'young', total: 300 }, { level: 'old', total: 700 }] },
    { column: 'sex', levels: [{ level: 'female', total: 510 }, { level: 'male', total: 490 }] },
  ],
  sources: [{ column: 'age_band', publisher: 'Office', table: 'T-1', tableTitle: 'People', referenceDate: '2023-12-31', url: 'https://example.org/t-1', derivation: 'Summed.' }],
};

/** `count` donors with the given answers, each giving `records` records. */
function donors(prefix: string, count: number, answers: Row, records = 1): Row[] {
  return Array.from({ length: count }, (_unused, index) => Array.from({ length: records }, () => ({ donor: `${prefix}-${index}`, ...answers }))).flat();
}

describe('the representativeness table', () => {
  test('when donors give several records, then each level counts people, not records, and the raked shares are the population\'s', () => {
    const rows = [
      ...donors('a', 12, { age_band: 'young', sex: 'female' }, 3),
      ...donors('b', 8, { age_band: 'young', sex: 'male' }),
      ...donors('c', 6, { age_band: 'old', sex: 'female' }, 2),
      ...donors('d', 14, { age_band: 'old', sex: 'male' }),
    ];
    const table = representativeness(rows, margins, 5);
    expect(table.donorsWithin).toBe(40);
    expect(table.levels.map((level) => (level.suppressed ? level : [level.level, level.donors, level.donorShare]))).toEqual([
      ['young', 20, 0.5], ['old', 20, 0.5], ['female', 18, 0.45], ['male', 22, 0.55],
    ]);
    expect(table.levels.map((level) => level.populationShare)).toEqual([0.3, 0.7, 0.51, 0.49]);
    expect(table.raking).toEqual({ converged: true, iterations: expect.any(Number) });
    for (const level of table.levels) {
      if (level.suppressed) throw new Error('no level is small here');
      expect(level.rakedShare).toBeCloseTo(level.populationShare, 10);
    }
    expect(table.sources).toEqual(margins.sources);
  });

  test('when donors answer outside the margins, then they are counted apart, and shown only from k up', () => {
    const inside = [...donors('a', 10, { age_band: 'young', sex: 'female' }), ...donors('b', 10, { age_band: 'old', sex: 'male' })];
    const few = representativeness([...inside, ...donors('x', 3, { age_band: 'old', sex: 'diverse' }), ...donors('y', 1, { age_band: null, sex: 'male' })], margins, 5);
    expect(few).toMatchObject({ donorsWithin: 20, donorsOutside: null });
    const many = representativeness([...inside, ...donors('x', 6, { age_band: 'old', sex: 'diverse' }, 2)], margins, 5);
    expect(many).toMatchObject({ donorsWithin: 20, donorsOutside: 6 });
    // The outside donors are in no share: old is still half of the donors within the margins.
    expect(many.levels.find((level) => level.level === 'old')).toMatchObject({ donors: 10, donorShare: 0.5 });
  });

  test('when a level has fewer than k donors, then it and the level that would give it away show no count or share, and nothing is raked', () => {
    const rows = [...donors('a', 3, { age_band: 'young', sex: 'female' }), ...donors('b', 30, { age_band: 'old', sex: 'female' }), ...donors('c', 30, { age_band: 'old', sex: 'male' })];
    const table = representativeness(rows, margins, 5);
    // young has 3 donors; old (60) would give it away as the total minus 60, so it is hidden too.
    expect(table.levels.filter((level) => level.margin === 'age_band')).toEqual([
      { margin: 'age_band', level: 'young', populationShare: 0.3, suppressed: true },
      { margin: 'age_band', level: 'old', populationShare: 0.7, suppressed: true },
    ]);
    expect(table.levels.filter((level) => level.margin === 'sex')).toEqual([
      { margin: 'sex', level: 'female', populationShare: 0.51, suppressed: false, donors: 33, donorShare: 33 / 63, rakedShare: null },
      { margin: 'sex', level: 'male', populationShare: 0.49, suppressed: false, donors: 30, donorShare: 30 / 63, rakedShare: null },
    ]);
    expect(table.raking).toBeNull();
  });

  test.each([
    [[3, 40, 50], [0, 1]],
    [[2, 2, 30, 40], [0, 1, 2]],
    [[3, 3, 100], [0, 1]],
    [[1, 6, 7], [0, 1]],
    [[10, 20], []],
    [[0, 9], [0, 1]],
  ])('when a margin\'s levels have %j donors and k is 5, then levels %j are hidden (at least two, totalling k)', (counts, hidden) => {
    expect([...hiddenLevels(counts, 5)].sort()).toEqual(hidden);
  });
});
