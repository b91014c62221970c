import type { Comparison } from '../../../src/evidence/campaign-analyses-types';
import { comparisonChartGroups } from '../../../src/evidence/charts/comparison-chart-groups';

describe('comparisonChartGroups', () => {
  it('when a group is under k, then its chart group has the label and no number, and only the reference is marked', () => {
    const comparison: Comparison = {
      outcome: 'denied', stratum: {}, attribute: 'sex', kind: 'rate', reference: 'f', adjustedFor: [],
      groups: [
        { level: 'f', suppressed: false, donors: 40, records: 40, estimate: 0.25, ciLow: 0.14, ciHigh: 0.4 },
        { level: 'm', suppressed: false, donors: 30, records: 31, estimate: 0.4, ciLow: 0.25, ciHigh: 0.57 },
        { level: 'd', suppressed: true },
      ],
    };
    expect(comparisonChartGroups(comparison, (level) => level.toUpperCase())).toEqual([
      { label: 'F', suppressed: false, estimate: 0.25, ciLow: 0.14, ciHigh: 0.4, isReference: true },
      { label: 'M', suppressed: false, estimate: 0.4, ciLow: 0.25, ciHigh: 0.57, isReference: false },
      { label: 'D', suppressed: true },
    ]);
  });
});
