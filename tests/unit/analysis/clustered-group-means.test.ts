import { clusteredGroupMeans } from '../../../analysis/clustered-group-means';
import { csvRowSource } from '../../../analysis/load-csv';
import { arrayRowSource } from '../../../analysis/row-source';
import type { Row } from '../../../analysis/types';
import { CLUSTERED_SAMPLE_CSV, clusterReference } from '../../helpers/cluster-fixtures';
import { expectMatchesR } from '../../helpers/fixtures';

describe('group means and rates clustered by donor, against R (survey)', () => {
  test.each([
    ['means', 'amount'],
    ['rates', 'adverse'],
  ])('when the %s of %s are compared by group, then means, errors, intervals and differences match svyby and svyglm', async (key, outcome) => {
    const result = await clusteredGroupMeans(csvRowSource(CLUSTERED_SAMPLE_CSV), { outcome, groups: ['group'], cluster: 'donor' });
    const { call: _call, ...expected } = clusterReference()[key];
    expectMatchesR(result, expected);
    expect(result.warnings).toEqual([]);
  });

  test('when another reference is asked for, then the differences are from it', async () => {
    const result = await clusteredGroupMeans(csvRowSource(CLUSTERED_SAMPLE_CSV), { outcome: 'amount', groups: ['group'], cluster: 'donor', reference: 'B' });
    const a = result.groups.find((group) => group.group === 'A')!;
    const reference = clusterReference().means.groups;
    expect(result.reference).toBe('B');
    expect(a.difference!.estimate).toBeCloseTo(-reference[1].difference.estimate, 8);
    expect(a.difference!.stdError).toBeCloseTo(reference[1].difference.stdError, 8);
  });
});

describe('copies of one record do not narrow clustered group intervals', () => {
  const single: Row[] = Array.from({ length: 40 }, (_, donor) => ({ donor: `d${donor}`, group: donor % 2 ? 'x' : 'y', amount: 1000 + Math.cos(donor * 3.7) * 300 + (donor % 2) * 80 }));
  const copied = single.flatMap((row) => Array.from({ length: 5 }, () => ({ ...row })));

  test('when every donor\'s record is copied 5 times, then each group\'s clustered error and each difference\'s error stay within 5% (they are equal)', async () => {
    const spec = { outcome: 'amount', groups: ['group'], cluster: 'donor' };
    const once = await clusteredGroupMeans(arrayRowSource(single), spec);
    const five = await clusteredGroupMeans(arrayRowSource(copied), spec);
    once.groups.forEach((group, index) => {
      expect(five.groups[index].n).toBe(group.n * 5);
      expect(five.groups[index].stdError / group.stdError).toBeGreaterThan(0.95);
      expect(five.groups[index].stdError / group.stdError).toBeLessThan(1.05);
    });
    expect(five.groups[1].difference!.stdError / once.groups[1].difference!.stdError).toBeCloseTo(1, 6);
    expect(five.groups[1].difference!.pValue).toBeCloseTo(once.groups[1].difference!.pValue, 6);
    // Each copy taken as its own cluster (records as independent people): the error shrinks by √5.
    const naive = await clusteredGroupMeans(arrayRowSource(copied.map((row, index) => ({ ...row, record: index }))), { ...spec, cluster: 'record' });
    expect(naive.groups[0].stdError / once.groups[0].stdError).toBeLessThan(0.5);
  });
});

describe('clustered group means refuse what they cannot do', () => {
  const rows = [
    { donor: 'a', group: 'x', y: 1 }, { donor: 'a', group: 'y', y: 2 }, { donor: 'b', group: 'x', y: 3 },
    { donor: null, group: 'y', y: 4 }, { donor: 'c', group: 'y', y: 6 }, { donor: 'c', group: 'x', y: 5 },
  ];

  test('when the cluster column does not exist, then the error names it', async () => {
    await expect(clusteredGroupMeans(arrayRowSource(rows), { outcome: 'y', groups: ['group'], cluster: 'person' })).rejects.toThrow(/Unknown cluster column "person"/);
  });

  test('when a row misses its cluster, then it is dropped and counted', async () => {
    const result = await clusteredGroupMeans(arrayRowSource(rows), { outcome: 'y', groups: ['group'], cluster: 'donor' });
    expect(result.dropped).toBe(1);
    expect(result.n).toBe(5);
    expect(result.clustered).toEqual({ column: 'donor', clusters: 3 });
  });

  test('when all rows come from one donor, then the error says that 2 clusters are needed', async () => {
    const one = rows.map((row) => ({ ...row, donor: 'a' }));
    await expect(clusteredGroupMeans(arrayRowSource(one), { outcome: 'y', groups: ['group'], cluster: 'donor' })).rejects.toThrow(/"donor" has 1 distinct value.*at least 2 clusters/);
  });

  test('when there are no more donors than groups, then the error says the tests have no degrees of freedom', async () => {
    const two = rows.filter((row) => row.donor === 'a' || row.donor === 'b');
    await expect(clusteredGroupMeans(arrayRowSource(two), { outcome: 'y', groups: ['group'], cluster: 'donor' })).rejects.toThrow(/2 clusters for 2 groups/);
  });

  test('when a group has records of one donor only, then a warning says its error must not be read', async () => {
    const result = await clusteredGroupMeans(arrayRowSource([...rows, { donor: 'd', group: 'z', y: 9 }, { donor: 'd', group: 'z', y: 8 }]), { outcome: 'y', groups: ['group'], cluster: 'donor' });
    expect(result.warnings).toEqual([expect.stringMatching(/group "z" has records of only one donor/)]);
  });
});
