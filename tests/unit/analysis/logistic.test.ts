import fs from 'node:fs';
import { csvRowSource } from '../../../analysis/load-csv';
import { logistic } from '../../../analysis/logistic';
import { arrayRowSource } from '../../../analysis/row-source';
import { expectMatchesR, GERMAN_CSV, germanReference, SHARED_FIXTURES } from '../../helpers/fixtures';

const job = JSON.parse(fs.readFileSync(`${SHARED_FIXTURES}/german_spec.json`, 'utf8')).jobs.find((candidate: { name: string }) => candidate.name === 'logit_decision');

describe('logistic regression against R', () => {
  test('when logit_decision is fitted on the German credit data, then every number matches glm', async () => {
    // The shared fixture ran glm with glm.control(epsilon = 1e-12): fit to the same rule.
    const result = await logistic(csvRowSource(GERMAN_CSV), { outcome: job.outcome, predictors: job.predictors, reference: job.reference, epsilon: 1e-12 });
    expectMatchesR(result, germanReference().logit_decision);
    expect(result.converged).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  test('when a predictor separates the outcome perfectly, then a warning names it', async () => {
    const rows = Array.from({ length: 40 }, (_, index) => ({ y: index < 20 ? 0 : 1, x: index, noise: (index * 7) % 5 }));
    const result = await logistic(arrayRowSource(rows), { outcome: 'y', predictors: ['x', 'noise'] });
    expect(result.warnings.join(' ')).toMatch(/Separation: .*"x"/);
  });

  test('when the outcome is not 0/1, then the error names the outcome and the value', async () => {
    await expect(logistic(csvRowSource(GERMAN_CSV), { outcome: 'installment_rate', predictors: ['age'] })).rejects.toThrow(/"installment_rate" must be 0 or 1.*found 4/);
  });

  test('when the outcome is 0 in every row, then the error says there is nothing to explain', async () => {
    const rows = Array.from({ length: 10 }, (_, index) => ({ y: 0, x: index }));
    await expect(logistic(arrayRowSource(rows), { outcome: 'y', predictors: ['x'] })).rejects.toThrow(/is 0 in every row/);
  });

  test('when a categorical outcome is given, then the error says it must be 0 or 1', async () => {
    await expect(logistic(csvRowSource(GERMAN_CSV), { outcome: 'sex', predictors: ['age'] })).rejects.toThrow(/"sex" must be 0 or 1/);
  });
});
