import { aucDeLong, equalAucTest } from '../../../analysis/auc-delong';
import { calibration } from '../../../analysis/calibration';
import { conditionedRowSource } from '../../../analysis/conditioned-row-source';
import { csvRowSource } from '../../../analysis/load-csv';
import { arrayRowSource } from '../../../analysis/row-source';
import { AUDIT_CSV, auditorReference } from '../../helpers/auditor-fixtures';
import { expectMatchesR } from '../../helpers/fixtures';

const reference = auditorReference();

describe('calibration against R', () => {
  test('when the score is continuous, then quantile bins, the LR tests, DeLong AUCs and the 4-group AUC test match R and pROC', async () => {
    const result = await calibration(csvRowSource(AUDIT_CSV), { truth: 'two_year_recid', score: 'score', groups: ['race'], reference: 'Caucasian' });
    expectMatchesR(result, reference.calibration_score);
    expect(result.aucTest?.method).toMatch(/Wald chi-square test of 4 independent AUCs/);
  });

  test('when the score has ten values, then each value is its own bin', async () => {
    const result = await calibration(csvRowSource(AUDIT_CSV), { truth: 'two_year_recid', score: 'decile_score', groups: ['race'], reference: 'Caucasian' });
    expectMatchesR(result, reference.calibration_decile);
    expect(result.bins.filter((bin) => bin.group === 'Caucasian').map((bin) => [bin.low, bin.high])).toContainEqual([7, 7]);
  });

  test('when there are two groups, then the AUC test is roc.test\'s unpaired DeLong z', async () => {
    const source = conditionedRowSource(csvRowSource(AUDIT_CSV), { where: ['race in (African-American, Caucasian)'] });
    const result = await calibration(source, { truth: 'two_year_recid', score: 'score', groups: ['race'], reference: 'Caucasian' });
    expectMatchesR(result, reference.calibration_two_groups);
  });
});

describe('aucDeLong and equalAucTest', () => {
  test('when scores tie across classes, then ties count one half', () => {
    const result = aucDeLong(Float64Array.of(1, 2, 2, 3), Uint8Array.of(0, 0, 1, 1));
    expect(result.auc).toBeCloseTo(0.875, 12);
  });

  test('when a group lacks two cases, then the error says what is needed', () => {
    expect(() => aucDeLong(Float64Array.of(1, 2, 3), Uint8Array.of(0, 0, 1))).toThrow('at least two cases and two controls (got 1 and 2)');
    expect(() => equalAucTest([{ auc: 0.5, variance: 0.01 }])).toThrow('at least two groups');
  });

  test('when two AUCs are compared, then the chi-square is the square of z', () => {
    const test = equalAucTest([{ auc: 0.7, variance: 0.001 }, { auc: 0.6, variance: 0.002 }]);
    expect(test.statistic).toBeCloseTo(test.z! ** 2, 12);
    expect(test.z).toBeCloseTo(0.1 / Math.sqrt(0.003), 12);
  });
});

describe('calibration errors', () => {
  test('when the score is text, then the error names the column and a value', async () => {
    const rows = [{ y: 1, s: 'high', g: 'a' }, { y: 0, s: '0.2', g: 'b' }];
    await expect(calibration(arrayRowSource(rows), { truth: 'y', score: 's', groups: ['g'] })).rejects.toThrow('The score "s" must be a number (found "high")');
  });

  test('when the truth is not 0/1, then the error names the value', async () => {
    const rows = [{ y: 2, s: 0.1, g: 'a' }, { y: 0, s: 0.2, g: 'b' }];
    await expect(calibration(arrayRowSource(rows), { truth: 'y', score: 's', groups: ['g'] })).rejects.toThrow('The outcome "y" must be 0 or 1 in every row (found 2)');
    await expect(calibration(arrayRowSource(rows.map((row) => ({ ...row, y: 'yes' }))), { truth: 'y', score: 's', groups: ['g'] })).rejects.toThrow('(found "yes"); give a condition such as "y = yes"');
  });

  test('when bins is not a whole number of at least 2, then it says so', async () => {
    await expect(calibration(arrayRowSource([{ y: 1, s: 1, g: 'a' }]), { truth: 'y', score: 's', groups: ['g'], bins: 1 })).rejects.toThrow('number of bins must be a whole number of at least 2');
  });
});
