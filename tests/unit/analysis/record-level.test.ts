import { csvRowSource } from '../../../analysis/load-csv';
import { peerComparison } from '../../../analysis/peer-comparison';
import { fitRecordModel, recordPrediction } from '../../../analysis/record-prediction';
import { expectMatchesR, GERMAN_CSV } from '../../helpers/fixtures';

// The second applicant of the German credit data: refused (decision 0), 5,951 DM over 48 months.
const record = { decision: 0, amount: 5951, duration_months: 48, age: 22, installment_rate: 2, existing_credits: 1, sex: 'female', foreign_worker: 'yes', housing: 'own', telephone: 'yes' };
const german = csvRowSource(GERMAN_CSV);

describe('one record among the others', () => {
  test('when peers share the legitimate factors, then their outcome and the record percentile match R', async () => {
    const result = await peerComparison(german, record, { matchOn: ['housing', 'installment_rate'], outcome: 'amount', minGroupSize: 5 });
    // R: peers <- d[d$housing == "own" & d$installment_rate == 2, ]; mean, sd, median, mid-rank percentile of 5951
    expectMatchesR(result, { suppressed: false, peers: 157, mean: 3999.52229299363, sd: 3173.87803634039, median: 3029, percentile: 79.2993630573248 });
    const refusals = await peerComparison(german, record, { matchOn: ['housing', 'installment_rate'], outcome: 'decision', minGroupSize: 5 });
    expectMatchesR(refusals, { rate: 0.7261146 });
  });

  test('when fewer than k peers exist, then nothing about them is shown', async () => {
    const result = await peerComparison(german, record, { matchOn: ['housing', 'installment_rate', 'age', 'duration_months'], outcome: 'amount', minGroupSize: 5 });
    expect(result).toEqual({ suppressed: true, minGroupSize: 5, matchOn: ['housing', 'installment_rate', 'age', 'duration_months'] });
  });

  test('when a numeric outcome is predicted from legitimate factors, then prediction, residual and percentile match lm', async () => {
    const result = await recordPrediction(german, record, { outcome: 'amount', legitimate: ['duration_months', 'installment_rate', 'housing'], reference: { housing: 'own' } });
    expect(result.model).toBe('ols');
    expectMatchesR(result, { predicted: 7968.68202271977, residual: -2017.68202271977 });
    // R gave 9.1 = 91 below / 1000: its resid() and predict() differ in the last bit, so the record
    // did not tie with itself. Here it does: 90 below + ½ (itself) = 9.05.
    expect(result.residualPercentile).toBeCloseTo(9.05, 10);
  });

  test('when a 0/1 outcome is predicted, then the probability and residual percentile match glm', async () => {
    const result = await recordPrediction(german, record, { outcome: 'decision', legitimate: ['duration_months', 'housing'], reference: { housing: 'own' } });
    expect(result.model).toBe('logistic');
    expectMatchesR(result, { predicted: 0.511166393131761, residual: -0.511166393131761, residualPercentile: 26.05 });
  });

  test('when a model is fitted once and places several records, then each placement equals recordPrediction and R', async () => {
    const options = { outcome: 'amount', legitimate: ['duration_months', 'installment_rate', 'housing'], reference: { housing: 'own' } };
    const model = await fitRecordModel(german, options);
    expectMatchesR(model.predict(record), { predicted: 7968.68202271977, residual: -2017.68202271977 });
    expect(model.predict(record).residualPercentile).toBeCloseTo(9.05, 10);
    for (const other of [{ ...record, amount: 1200, duration_months: 12 }, { ...record, housing: 'rent', installment_rate: 4 }]) {
      expect(model.predict(other)).toEqual(await recordPrediction(german, other, options));
    }
    expect(() => model.predict({ ...record, housing: 'castle' })).toThrow(/"housing" = "castle"/);
  });

  test('when the record has a level no one else has, then the error says so', async () => {
    await expect(recordPrediction(german, { ...record, housing: 'castle' }, { outcome: 'amount', legitimate: ['duration_months', 'housing'] })).rejects.toThrow(/"housing" = "castle"/);
  });
});

describe('one record among rows held in memory', () => {
  const rows = [
    { band: 'low', y: 1 }, { band: 'low', y: 2 }, { band: 'low', y: 2 }, { band: 'low', y: 3 }, { band: 'low', y: 9 },
    { band: 'high', y: 10 }, { band: 'high', y: 11 }, { band: 'high', y: 12 }, { band: 'high', y: 13 }, { band: 'high', y: 14 },
  ];

  test('when an array of rows is given, then peers are found in it and the percentile is the mid-rank one', async () => {
    const result = await peerComparison(rows, { band: 'low', y: 2 }, { matchOn: ['band'], outcome: 'y', minGroupSize: 5 });
    // Below 2: one value (1); equal: two. 100·(1 + ½·2)/5 = 40.
    expect(result).toEqual({ suppressed: false, matchOn: ['band'], peers: 5, mean: 3.4, sd: expect.closeTo(Math.sqrt(10.3), 12), median: 2, percentile: 40 });
  });

  test('when the record holds the lowest of n distinct values, then its percentile is 50/n', async () => {
    const result = await peerComparison(rows, { band: 'high', y: 10 }, { matchOn: ['band'], outcome: 'y', minGroupSize: 5 });
    expect(result).toMatchObject({ peers: 5, percentile: 10 });
  });

  test('when the k is one more than the peers, then nothing about them is shown', async () => {
    expect(await peerComparison(rows, { band: 'high', y: 10 }, { matchOn: ['band'], outcome: 'y', minGroupSize: 6 })).toEqual({ suppressed: true, minGroupSize: 6, matchOn: ['band'] });
  });

  test('when the outcome is 0/1, then the rate is reported', async () => {
    const binary = [0, 1, 1, 1, 0].map((y) => ({ band: 'low', y }));
    expect(await peerComparison(binary, { band: 'low', y: 1 }, { matchOn: ['band'], outcome: 'y', minGroupSize: 5 })).toMatchObject({ rate: 0.6, percentile: 70 });
  });

  test('when a prediction is made from an array, then OLS on the factor predicts the group mean', async () => {
    const result = await recordPrediction(rows, { band: 'low', y: 9 }, { outcome: 'y', legitimate: ['band'], reference: { band: 'low' } });
    expect(result.model).toBe('ols');
    expect(result.predicted).toBeCloseTo(3.4, 10);
    expect(result.residual).toBeCloseTo(5.6, 10);
    // Residuals: low −2.4, −1.4, −1.4, −0.4, 5.6; high −2 … 2. The record's 5.6 is the highest of ten: 95.
    expect(result.residualPercentile).toBeCloseTo(95, 10);
  });
});
