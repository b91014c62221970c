/**
 * designDomainMeans: several groups of one (raked) design at once. It must give each group's
 * numbers exactly — bit for bit — as designMean gives them for the group alone, since the findings
 * publish them as they are; agreement with R's survey package is checked through rakedEstimates
 * in rake.test.ts, which estimates its groups with it.
 */
import { designDomainMeans, designMean } from '../../../analysis/design-mean';
import { rake, type RakingMargin } from '../../../analysis/rake';

/** A reproducible sequence in [0, 1) (a linear congruential generator), so the design is the same in every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** 600 records of 250 donors, three margins, a number outcome with a few missing, and four groups. */
function design() {
  const next = sequence(16);
  const rows = 600;
  const clusters = Int32Array.from({ length: rows }, () => Math.floor(next() * 250));
  const values = Float64Array.from({ length: rows }, () => (next() < 0.05 ? Number.NaN : 300 + 400 * next()));
  const margin = (name: string, levels: number, totals: number[]): RakingMargin => ({
    name,
    levels: totals.map((_total, index) => `${name}${index}`),
    cells: Int32Array.from({ length: rows }, () => Math.min(levels - 1, Math.floor(next() ** 1.5 * levels))),
    totals,
  });
  const margins = [margin('age', 5, [10, 20, 25, 25, 20]), margin('sex', 2, [51, 49]), margin('region', 4, [30, 30, 20, 20])];
  const group = Int32Array.from({ length: rows }, () => Math.floor(next() * 4));
  const domains = [0, 1, 2, 3].map((level) => Uint8Array.from(group, (candidate) => (candidate === level ? 1 : 0)));
  return { values, clusters, raking: rake(margins), domains };
}

describe('designDomainMeans', () => {
  test('when four groups of a raked design with three margins are estimated at once, then each equals designMean of the group alone, bit for bit', () => {
    const { values, clusters, raking, domains } = design();
    expect(raking.converged).toBe(true);
    const together = designDomainMeans(values, { clusters, weights: raking.weights, raking, domains });
    const alone = domains.map((domain) => designMean(values, { clusters, weights: raking.weights, raking, domain }));
    expect(together).toHaveLength(4);
    together.forEach((estimate, index) => {
      for (const key of ['estimate', 'stdError', 'ciLow', 'ciHigh', 'n'] as const) expect(Object.is(estimate[key], alone[index][key])).toBe(true);
    });
    // Not one number four times: the groups differ.
    expect(new Set(together.map((estimate) => estimate.stdError)).size).toBe(4);
  });

  test('when the whole design is one of the domains and the weights are not raked, then it equals the unweighted designMean too', () => {
    const { values, clusters, domains } = design();
    const [whole, first] = designDomainMeans(values, { clusters, domains: [undefined, domains[0]] });
    expect(whole).toEqual(designMean(values, { clusters }));
    expect(first).toEqual(designMean(values, { clusters, domain: domains[0] }));
  });

  test('when a domain has no row with a value, then it throws as designMean does', () => {
    const { values, clusters, domains } = design();
    expect(() => designDomainMeans(values, { clusters, domains: [domains[0], new Uint8Array(values.length)] })).toThrow('No row of the selection has a value to average.');
  });

  test('when two domains are given, then the example in the doc comment holds', () => {
    const clusters = Int32Array.from([0, 0, 1, 2]);
    expect(designDomainMeans(Float64Array.from([1, 0, 1, 1]), { clusters, domains: [Uint8Array.from([1, 1, 0, 0]), Uint8Array.from([0, 0, 1, 1])] }).map((group) => group.estimate)).toEqual([0.5, 1]);
  });
});
