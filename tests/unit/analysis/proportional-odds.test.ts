import fs from 'node:fs';
import path from 'node:path';
import { csvRowSource } from '../../../analysis/load-csv';
import { proportionalOdds } from '../../../analysis/proportional-odds';
import { arrayRowSource } from '../../../analysis/row-source';
import { expectMatchesR, GERMAN_CSV } from '../../helpers/fixtures';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const SAMPLE_CSV = path.join(FIXTURES, 'rake/credit_sample.csv');
const reference = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ordinal/polr_reference.json'), 'utf8'));

interface Reported { estimate: number; stdError: number; ciLow: number; ciHigh: number }

/**
 * R's job without the fields that describe the job rather than its result, and without the
 * interval ends: an end near zero is a difference of two numbers (β − 1.96 se) and keeps only
 * the absolute precision of R's BFGS maximum (about 1e-9), so `expectMatchesR` would compare it
 * relatively against noise. The ends are checked against the standard error's scale instead.
 */
function expected(job: Record<string, any>) {
  const { outcome: _outcome, order: _order, predictors: _predictors, reference: _reference, defaultFitDeviance: _default, convergence: _convergence, ...numbers } = job;
  return { ...numbers, coefficients: job.coefficients.map(({ ciLow: _low, ciHigh: _high, ...rest }: Reported) => rest) };
}

function expectIntervalsMatchR(actual: Reported[], reference: Reported[]) {
  reference.forEach((row, index) => {
    expect(Math.abs(actual[index].ciLow - row.ciLow)).toBeLessThan(1e-6 * row.stdError);
    expect(Math.abs(actual[index].ciHigh - row.ciHigh)).toBeLessThan(1e-6 * row.stdError);
  });
}

describe('proportional-odds regression against MASS::polr', () => {
  test('when installment_rate (1–4) is fitted on the German credit data, then coefficients, thresholds, SEs, deviance and AIC match polr', async () => {
    const job = reference.german;
    const result = await proportionalOdds(csvRowSource(GERMAN_CSV), { outcome: job.outcome, order: job.order, predictors: job.predictors, reference: job.reference });
    expectMatchesR(result, expected(job));
    expectIntervalsMatchR(result.coefficients, job.coefficients);
    expect(result.converged).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  test('when rating_class is fitted with "unknown" read as missing and an order with a level no row has, then the numbers match polr and the empty level is named', async () => {
    const job = reference.rating;
    const result = await proportionalOdds(csvRowSource(SAMPLE_CSV), { outcome: job.outcome, order: job.order, missingLevels: ['unknown'], predictors: job.predictors });
    expectMatchesR(result, expected(job));
    expectIntervalsMatchR(result.coefficients, job.coefficients);
    expect(result.emptyLevels).toEqual(['G']);
    expect(result.warnings.join(' ')).toMatch(/"G" of "rating_class"/);
    expect(result.dropped).toBe(76);
  });

  test('when the caller gives the order worst first, then the model follows that order, not the sorted one (polr on the reversed factor)', async () => {
    const job = reference.ratingWorstFirst;
    const result = await proportionalOdds(csvRowSource(SAMPLE_CSV), { outcome: job.outcome, order: job.order, missingLevels: ['unknown'], predictors: job.predictors });
    expectMatchesR(result, expected(job));
    expectIntervalsMatchR(result.coefficients, job.coefficients);
    expect(result.levels).toEqual(['F', 'E', 'D', 'C', 'B', 'A']);
  });

  test('when the outcome has a value outside the order, then the error names the column and the value', async () => {
    await expect(proportionalOdds(csvRowSource(SAMPLE_CSV), { outcome: 'rating_class', order: ['A', 'B', 'C', 'D', 'E', 'F'], predictors: ['negative_entries'] }))
      .rejects.toThrow(/"rating_class" has the value "unknown", which is not in its order/);
  });

  test('when fewer than three levels are used, then the error says to use the logistic model', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => ({ y: index % 2 === 0 ? 'low' : 'high', x: index }));
    await expect(proportionalOdds(arrayRowSource(rows), { outcome: 'y', order: ['low', 'mid', 'high'], predictors: ['x'] })).rejects.toThrow(/2 level\(s\).*logistic/);
  });

  test('when the order names a level twice, then the error says so', async () => {
    await expect(proportionalOdds(arrayRowSource([{ y: 'a', x: 1 }]), { outcome: 'y', order: ['a', 'b', 'a'], predictors: ['x'] })).rejects.toThrow(/names a level twice/);
  });

  test('when a group only ever has the last level, then a warning says its estimate has no finite value', async () => {
    const rows = Array.from({ length: 60 }, (_, index) => ({ y: index < 20 ? 'c' : ['a', 'b', 'c'][index % 3], g: index < 20 ? 'stuck' : index % 2 === 0 ? 'p' : 'q' }));
    const result = await proportionalOdds(arrayRowSource(rows), { outcome: 'y', order: ['a', 'b', 'c'], predictors: ['g'], reference: { g: 'p' } });
    expect(result.warnings.join(' ')).toMatch(/"g=stuck" have no finite value|did not converge/);
  });
});
