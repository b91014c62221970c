/**
 * A stratum's raking estimates every shown group of an attribute in one pass (groupEstimates, as
 * withRakedGroups asks): the numbers must be those of each group asked alone (groupEstimate).
 */
import type { Row } from '../../../../analysis/types';
import { rakeStratum } from '../../../../src/evidence/representativeness/stratum-raking';

const margins = [
  { column: 'sex', levels: [{ level: 'female', total: 51 }, { level: 'male', total: 49 }] },
  { column: 'age_band', levels: [{ level: '18-34', total: 30 }, { level: '35-64', total: 50 }, { level: '65+', total: 20 }] },
];

/** 300 records of 150 donors; the young over-represented; five nationalities, one of them of only three donors. */
function stratumRows(): Row[] {
  const nationalities = ['german', 'turkish', 'polish', 'syrian', 'italian'];
  return Array.from({ length: 300 }, (_unused, index): Row => {
    const donor = index % 150;
    return {
      donor: `d${donor}`,
      sex: donor % 2 === 0 ? 'female' : 'male',
      age_band: donor % 5 < 3 ? '18-34' : donor % 5 === 3 ? '35-64' : '65+',
      nationality: donor < 3 ? ' italian ' : nationalities[donor % 4],
      score: 400 + ((donor * 37 + index * 11) % 300),
    };
  });
}

describe('rakeStratum', () => {
  test('when the groups of an attribute are asked at once, then each equals the group asked alone, and a group under k or absent is null', () => {
    const raking = rakeStratum(stratumRows(), 'score', margins, 5);
    if (!raking.raked) throw new Error(`not raked: ${raking.reason}`);
    const levels = ['german', 'italian', 'turkish', 'french', 'polish', 'syrian'];
    const together = raking.groupEstimates('nationality', levels);
    expect(together).toEqual(levels.map((level) => raking.groupEstimate('nationality', level)));
    // Italian (three donors, its level written with spaces) is under k; nobody is French.
    expect(together[1]).toBeNull();
    expect(together[3]).toBeNull();
    expect(together.filter((estimate) => estimate !== null)).toHaveLength(4);
    expect(new Set(together.map((estimate) => estimate?.estimate)).size).toBe(5);
  });
});
