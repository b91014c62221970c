import { csvRowSource } from '../../../analysis/load-csv';
import { logistic } from '../../../analysis/logistic';
import { ols } from '../../../analysis/ols';
import { arrayRowSource } from '../../../analysis/row-source';
import type { Row } from '../../../analysis/types';
import { CLUSTERED_SAMPLE_CSV, clusterReference } from '../../helpers/cluster-fixtures';
import { expectMatchesR } from '../../helpers/fixtures';

const predictors = ['age', 'group', 'platform'];

describe('regressions with errors clustered by donor, against R', () => {
  test('when OLS is clustered by donor, then every number matches vcovCL(type = "HC1") with coeftest, coefci and waldtest', async () => {
    const result = await ols(csvRowSource(CLUSTERED_SAMPLE_CSV), { outcome: 'amount', predictors, cluster: 'donor' });
    const { call: _call, ...expected } = clusterReference().ols;
    expectMatchesR(result, expected);
  });

  test('when a logistic fit is clustered by donor, then every number matches vcovCL(type = "HC1") with z tests and intervals', async () => {
    const result = await logistic(csvRowSource(CLUSTERED_SAMPLE_CSV), { outcome: 'adverse', predictors, cluster: 'donor' });
    const { call: _call, ...expected } = clusterReference().logistic;
    expectMatchesR(result, expected);
    expect(result.warnings.join(' ')).toMatch(/likelihood-ratio test treats every row as independent/);
  });

  test('when no cluster is given, then the fit has no clustered field and the usual errors', async () => {
    const result = await ols(csvRowSource(CLUSTERED_SAMPLE_CSV), { outcome: 'amount', predictors });
    expect(result.clustered).toBeUndefined();
    expect(result.coefficients[1].stdError).not.toBeCloseTo(clusterReference().ols.coefficients[1].stdError, 3);
  });
});

/** One record per donor, and the same records each copied `copies` times (the same donor). */
function donorsAndCopies(copies: number): { single: Row[]; copied: Row[] } {
  const single: Row[] = [];
  for (let donor = 0; donor < 60; donor += 1) {
    const age = 20 + ((donor * 17) % 50);
    const group = ['A', 'B', 'C'][donor % 3];
    const noise = Math.sin(donor * 12.9898) * 800;
    single.push({ donor: `d${donor}`, age, group, amount: 3000 + 25 * age + (group === 'B' ? -300 : 0) + noise, adverse: noise > 100 ? 1 : 0 });
  }
  return { single, copied: single.flatMap((row) => Array.from({ length: copies }, () => ({ ...row }))) };
}

describe('copies of one record do not shrink clustered errors', () => {
  const { single, copied } = donorsAndCopies(5);

  test('when every donor\'s record is copied 5 times, then the clustered OLS errors stay within 5% of one record per donor (the unclustered ones shrink)', async () => {
    const spec = { outcome: 'amount', predictors: ['age', 'group'], cluster: 'donor' };
    const once = await ols(arrayRowSource(single), spec);
    const five = await ols(arrayRowSource(copied), spec);
    const naive = await ols(arrayRowSource(copied), { outcome: 'amount', predictors: ['age', 'group'] });
    once.coefficients.forEach((coefficient, index) => {
      expect(five.coefficients[index].stdError / coefficient.stdError).toBeGreaterThan(0.95);
      expect(five.coefficients[index].stdError / coefficient.stdError).toBeLessThan(1.05);
      expect(naive.coefficients[index].stdError / coefficient.stdError).toBeLessThan(0.5);
    });
    expect(five.clustered).toEqual({ column: 'donor', clusters: 60, type: 'HC1' });
  });

  test('when every donor\'s record is copied 5 times, then the clustered logistic errors stay within 5% of one record per donor', async () => {
    const spec = { outcome: 'adverse', predictors: ['age', 'group'], cluster: 'donor' };
    const once = await logistic(arrayRowSource(single), spec);
    const five = await logistic(arrayRowSource(copied), spec);
    once.coefficients.forEach((coefficient, index) => {
      expect(five.coefficients[index].stdError / coefficient.stdError).toBeGreaterThan(0.95);
      expect(five.coefficients[index].stdError / coefficient.stdError).toBeLessThan(1.05);
    });
  });
});

describe('clustered errors refuse what they cannot do', () => {
  const rows = [1, 2, 3, 4, 5, 6].map((x) => ({ y: x * 2 + (x % 3), x, donor: 'only', other: x % 2 ? `c${x}` : null }));

  test('when the cluster column does not exist, then the error names it', async () => {
    await expect(ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x'], cluster: 'donr' })).rejects.toThrow(/Unknown cluster column "donr"/);
  });

  test('when all rows belong to one cluster, then the error says that 2 are needed', async () => {
    await expect(ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x'], cluster: 'donor' })).rejects.toThrow(/"donor" has 1 distinct value.*at least 2 clusters/);
    await expect(logistic(arrayRowSource(rows.map((row) => ({ ...row, y: row.x % 2 }))), { outcome: 'y', predictors: ['x'], cluster: 'donor' })).rejects.toThrow(/at least 2 clusters/);
  });

  test('when a row misses its cluster, then it is dropped and counted like a missing predictor', async () => {
    const result = await ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x'], cluster: 'other' });
    expect(result.n).toBe(3);
    expect(result.dropped).toBe(3);
    expect(result.clustered?.clusters).toBe(3);
  });

  test('when there are fewer clusters than slopes + 1, then the coefficients are clustered but the Wald F is null, not a singular number', async () => {
    const few = Array.from({ length: 30 }, (_, i) => ({ y: Math.sin(i) * 10 + i, a: i % 7, b: (i * 3) % 5, c: ['x', 'y', 'z'][i % 3], d: `d${i % 3}` }));
    const result = await ols(arrayRowSource(few), { outcome: 'y', predictors: ['a', 'b', 'c'], cluster: 'd' });
    expect(result.clustered?.clusters).toBe(3);
    expect(result.fStatistic).toBeNull();
    expect(result.fPValue).toBeNull();
    expect(result.coefficients.every((coefficient) => Number.isFinite(coefficient.stdError))).toBe(true);
  });

  test('when two levels each occur in one donor only, then the slopes\' clustered covariance is singular and the Wald F is null, not an error', async () => {
    // Each such level's dummy fits its donor's mean, so its score sums to zero in every cluster, and
    // a combination of the two dummies free of the intercept is uninformed. R: vcovCL's eigenvalues
    // 1.55, 0.373, 0.159, −2.6e−17, −1.2e−16; waldtest stops, "system is computationally singular".
    const rows = Array.from({ length: 80 }, (_, i) => ({
      y: Math.cos(i * 1.7) * 5 + (i % 9),
      x: (i * 7) % 11,
      g: i < 4 ? 'only-d0' : i >= 76 ? 'only-d1' : ['a', 'b'][i % 2],
      d: i < 4 ? 'd0' : i >= 76 ? 'dlast' : `d${1 + (i % 19)}`,
    }));
    const result = await ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x', 'g'], cluster: 'd' });
    expect(result.clustered?.clusters).toBe(21);
    expect(result.fStatistic).toBeNull();
    expect(result.fPValue).toBeNull();
    expect(result.coefficients.find((coefficient) => coefficient.term === 'x')?.stdError).toBeGreaterThan(0);
  });

  test('when both HC3 and clustering are asked for, then the error says to choose one', async () => {
    await expect(ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x'], cluster: 'donor', robust: 'hc3' })).rejects.toThrow(/either robust \(HC3\) or cluster/);
  });
});
