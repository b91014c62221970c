import fs from 'node:fs';
import path from 'node:path';
import { csvRowSource } from '../../../analysis/load-csv';
import { fitRecordModel } from '../../../analysis/record-prediction';
import { predictFromStoredModel } from '../../../analysis/stored-record-model';
import { expectMatchesR, GERMAN_CSV } from '../../helpers/fixtures';

const record = { decision: 0, amount: 5951, duration_months: 48, age: 22, installment_rate: 2, existing_credits: 1, sex: 'female', foreign_worker: 'yes', housing: 'own', telephone: 'yes' };
const german = csvRowSource(GERMAN_CSV);

describe('a record model kept as aggregates', () => {
  test('when a stored OLS model places the record, then prediction and residual are lm\u2019s and the percentile is within a point of the mid-rank one', async () => {
    const model = await fitRecordModel(german, { outcome: 'amount', legitimate: ['duration_months', 'installment_rate', 'housing'], reference: { housing: 'own' } });
    const stored = JSON.parse(JSON.stringify(model.stored()));
    expect(stored.residualPercentiles).toHaveLength(99);
    expect(Object.keys(stored)).toEqual(['model', 'n', 'predictors', 'terms', 'levels', 'coefficients', 'residualPercentiles']);
    // R: tests/fixtures/stored-record-model/residual-grid.R (coef(fit); quantile(resid(fit), (1:99)/100, type = 7))
    const reference = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/stored-record-model/residual-grid.json'), 'utf8'));
    expectMatchesR({ coefficients: stored.coefficients, residualPercentiles: stored.residualPercentiles }, reference);
    const placed = predictFromStoredModel(stored, record, 'amount');
    // R: predict(lm(amount ~ duration_months + installment_rate + housing), newdata = record)
    expectMatchesR(placed, { predicted: 7968.68202271977, residual: -2017.68202271977 });
    expect(Math.abs(placed.residualPercentile! - 9.1)).toBeLessThan(1);
  });

  test('when a stored logistic model places the record, then the probability is glm\u2019s and the percentile within a point', async () => {
    const model = await fitRecordModel(german, { outcome: 'decision', legitimate: ['duration_months', 'housing'], reference: { housing: 'own' } });
    const placed = predictFromStoredModel(model.stored(), record, 'decision');
    expectMatchesR(placed, { predicted: 0.511166393131761, residual: -0.511166393131761 });
    expect(Math.abs(placed.residualPercentile! - 26.05)).toBeLessThan(1);
  });

  test('when the record lacks a predictor or has a level the model never saw, then the error names the column', async () => {
    const stored = (await fitRecordModel(german, { outcome: 'amount', legitimate: ['duration_months', 'housing'] })).stored();
    expect(() => predictFromStoredModel(stored, { ...record, housing: 'castle' }, 'amount')).toThrow(/"housing" = "castle"/);
    expect(() => predictFromStoredModel(stored, { ...record, duration_months: null }, 'amount')).toThrow('The record has no value for "duration_months".');
  });
});
