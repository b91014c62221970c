import fs from 'node:fs';
import path from 'node:path';
import { isMissing } from '../../../analysis/cells';
import { csvRowSource } from '../../../analysis/load-csv';
import { proportionalOdds } from '../../../analysis/proportional-odds';
import { arrayRowSource } from '../../../analysis/row-source';
import type { Row } from '../../../analysis/types';
import { expectMatchesR } from '../../helpers/fixtures';

const ORDINAL_FIXTURES = path.resolve(__dirname, '../../fixtures/ordinal');
const RATINGS_CSV = path.join(ORDINAL_FIXTURES, 'clustered_ratings.csv');
const reference = JSON.parse(fs.readFileSync(path.join(ORDINAL_FIXTURES, 'polr_cluster_reference.json'), 'utf8'));
const job = { outcome: 'rating', order: reference.order as string[], missingLevels: ['unknown'], predictors: reference.predictors as string[] };

/** R's numbers without the fields that describe the job, the versions and the unclustered check. */
function expected() {
  const { r: _r, mass: _mass, sandwich: _sandwich, lmtest: _lmtest, call: _call, outcome: _outcome, order: _order, predictors: _predictors, unclusteredStdErrors: _unclustered, ...numbers } = reference;
  return numbers;
}

describe('proportional odds with errors clustered by donor, against R', () => {
  test('when polr is clustered by donor, then estimates, errors, t tests, intervals and thresholds match vcovCL(type = "HC1") with coeftest and coefci', async () => {
    const result = await proportionalOdds(csvRowSource(RATINGS_CSV), { ...job, cluster: 'donor' });
    expectMatchesR(result, expected());
    expect(result.clustered).toEqual({ column: 'donor', clusters: 80, type: 'HC1' });
    // Two rows without a donor, one without an age, one rated "unknown".
    expect(result.dropped).toBe(4);
    expect(result.warnings.join(' ')).toMatch(/deviance, log-likelihood and AIC treat every row as independent; with errors clustered by "donor" \(80 clusters\)/);
  });

  test('when the same rows are not clustered, then the errors are polr\'s own (vcov(fit)) and the fit has no clustered field', async () => {
    const withDonor = (await readRows(RATINGS_CSV)).filter((row) => !isMissing(row.donor));
    const result = await proportionalOdds(arrayRowSource(withDonor), job);
    expect(result.clustered).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(result.n).toBe(reference.n);
    expectMatchesR([...result.coefficients, ...result.thresholds].map((row) => row.stdError), reference.unclusteredStdErrors);
    // Clustering changes every coefficient's error by more than 5%: one donor's ratings are correlated.
    reference.coefficients.forEach((row: { stdError: number }, index: number) => {
      expect(Math.abs(row.stdError / result.coefficients[index].stdError - 1)).toBeGreaterThan(0.05);
    });
  });
});

async function readRows(file: string): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of csvRowSource(file).rows()) rows.push(row);
  return rows;
}

/** One record per donor with an ordered rating, and the same records each copied `copies` times. */
function donorsAndCopies(copies: number): { single: Row[]; copied: Row[] } {
  const single: Row[] = [];
  for (let donor = 0; donor < 60; donor += 1) {
    const age = 20 + ((donor * 17) % 50);
    const group = ['A', 'B', 'C'][donor % 3];
    const latent = 0.04 * (age - 45) + (group === 'B' ? 0.8 : 0) + Math.sin(donor * 12.9898) * 2;
    const rating = latent < -0.8 ? 'good' : latent < 0.3 ? 'fair' : latent < 1.2 ? 'poor' : 'bad';
    single.push({ donor: `d${donor}`, age, group, rating });
  }
  return { single, copied: single.flatMap((row) => Array.from({ length: copies }, () => ({ ...row }))) };
}

describe('copies of one record do not shrink clustered proportional-odds errors', () => {
  const { single, copied } = donorsAndCopies(5);
  const spec = { outcome: 'rating', order: ['good', 'fair', 'poor', 'bad'], predictors: ['age', 'group'] };

  test('when every donor\'s record is copied 5 times, then the clustered errors of coefficients and thresholds stay within 5% of one record per donor (the unclustered ones shrink)', async () => {
    const once = await proportionalOdds(arrayRowSource(single), { ...spec, cluster: 'donor' });
    const five = await proportionalOdds(arrayRowSource(copied), { ...spec, cluster: 'donor' });
    const naive = await proportionalOdds(arrayRowSource(copied), spec);
    const errors = (fit: typeof once) => [...fit.coefficients, ...fit.thresholds].map((row) => row.stdError);
    const [onceErrors, fiveErrors, naiveErrors] = [errors(once), errors(five), errors(naive)];
    expect(onceErrors).toHaveLength(6);
    onceErrors.forEach((stdError, index) => {
      expect(fiveErrors[index] / stdError).toBeGreaterThan(0.95);
      expect(fiveErrors[index] / stdError).toBeLessThan(1.05);
      expect(naiveErrors[index] / stdError).toBeLessThan(0.6);
    });
    expect(five.clustered).toEqual({ column: 'donor', clusters: 60, type: 'HC1' });
    five.coefficients.forEach((coefficient, index) => expect(coefficient.estimate).toBeCloseTo(once.coefficients[index].estimate, 8));
  });
});

describe('clustered proportional odds refuses what it cannot do', () => {
  const rows = Array.from({ length: 40 }, (_, i) => ({ y: ['low', 'mid', 'high'][(i * 7) % 3], x: (i * 13) % 11, donor: 'only', other: i % 4 === 0 ? null : `c${i % 9}` }));
  const spec = { outcome: 'y', order: ['low', 'mid', 'high'], predictors: ['x'] };

  test('when the cluster column does not exist, then the error names it', async () => {
    await expect(proportionalOdds(arrayRowSource(rows), { ...spec, cluster: 'donr' })).rejects.toThrow(/Unknown cluster column "donr"/);
  });

  test('when all rows belong to one cluster, then the error names the column and says that 2 are needed', async () => {
    await expect(proportionalOdds(arrayRowSource(rows), { ...spec, cluster: 'donor' })).rejects.toThrow(/"donor" has 1 distinct value.*at least 2 clusters/);
  });

  test('when a row misses its cluster, then it is dropped and counted like a missing predictor', async () => {
    const result = await proportionalOdds(arrayRowSource(rows), { ...spec, cluster: 'other' });
    expect(result.n).toBe(30);
    expect(result.dropped).toBe(10);
    expect(result.clustered?.clusters).toBe(9);
  });
});
