import { groupLabel, intersectGroups } from '../../../analysis/intersect-groups';

describe('intersectGroups', () => {
  test('when one group column is given, then the row\'s level is the group, trimmed', () => {
    expect(intersectGroups({ sex: ' female ' }, ['sex'])).toBe('female');
    expect(intersectGroups({ installment_rate: 4 }, ['installment_rate'])).toBe('4');
  });

  test('when several columns are given, then they are crossed as column=level joined by " & "', () => {
    expect(intersectGroups({ sex: 'female', foreign_worker: 'yes', age: 30 }, ['sex', 'foreign_worker'])).toBe('sex=female & foreign_worker=yes');
    expect(intersectGroups({ land: 'Österreich', sex: 'female' }, ['land', 'sex'])).toBe('land=Österreich & sex=female');
    expect(groupLabel(['sex', 'foreign_worker'])).toBe('sex × foreign_worker');
  });

  test('when any group column is missing, then the row has no group', () => {
    expect(intersectGroups({ sex: 'female', foreign_worker: null }, ['sex', 'foreign_worker'])).toBeUndefined();
    expect(intersectGroups({ sex: 'NA' }, ['sex'])).toBeUndefined();
    expect(intersectGroups({}, ['sex'])).toBeUndefined();
  });
});
