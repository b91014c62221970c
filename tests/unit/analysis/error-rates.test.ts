import { errorRates } from '../../../analysis/error-rates';
import { csvRowSource } from '../../../analysis/load-csv';
import { arrayRowSource } from '../../../analysis/row-source';
import { AUDIT_CSV, auditorReference } from '../../helpers/auditor-fixtures';
import { expectMatchesR } from '../../helpers/fixtures';

describe('errorRates against R', () => {
  test('when a score is cut at a threshold, then confusion matrices, Wilson intervals, ratios, differences, Fisher (Holm) and equalised odds match R', async () => {
    const result = await errorRates(csvRowSource(AUDIT_CSV), { truth: 'two_year_recid', score: 'decile_score', threshold: 5, groups: ['race'], reference: 'Caucasian' });
    expectMatchesR(result, auditorReference().error_rates);
    expect(result.comparisons).toHaveLength(15);
  });

  test('when truth and prediction are text columns with a positive level, then they count as their 0/1 coding does', async () => {
    const rows = [
      { truth: 'yes', decision: 'refuse', g: 'a' }, { truth: 'no', decision: 'refuse', g: 'a' }, { truth: 'no', decision: 'accept', g: 'a' },
      { truth: 'yes', decision: 'accept', g: 'b' }, { truth: 'yes', decision: 'refuse', g: 'b' }, { truth: 'no', decision: 'accept', g: 'b' },
    ];
    const coded = rows.map((row) => ({ truth: row.truth === 'yes' ? 1 : 0, decision: row.decision === 'refuse' ? 1 : 0, g: row.g }));
    const result = await errorRates(arrayRowSource(coded), { truth: 'truth', prediction: 'decision', groups: ['g'] });
    expect(result.groups.map((group) => [group.truePositives, group.falsePositives, group.trueNegatives, group.falseNegatives])).toEqual([[1, 1, 1, 0], [1, 0, 1, 1]]);
    expect(result.groups[0].metrics.fpr).toMatchObject({ count: 1, of: 2, estimate: 0.5 });
    const text = await errorRates(arrayRowSource(rows.map((row) => ({ ...row, decision: row.decision === 'refuse' ? 'yes' : 'no' }))), { truth: 'truth', prediction: 'decision', positive: 'yes', groups: ['g'] });
    expect(text.groups).toEqual(result.groups);
  });

  test('when the truth is text without --positive, then the error names the column, the value and the row', async () => {
    await expect(errorRates(arrayRowSource([{ t: 'yes', p: 1, g: 'a' }]), { truth: 't', prediction: 'p', groups: ['g'] })).rejects.toThrow('Column "t" must be 0 or 1 (found "yes" in data row 1)');
  });

  test('when a group has no true negatives, then its FPR is null and the comparison is left out with a warning', async () => {
    const rows = [{ t: 1, p: 1, g: 'a' }, { t: 0, p: 1, g: 'a' }, { t: 0, p: 0, g: 'a' }, { t: 1, p: 0, g: 'b' }, { t: 1, p: 1, g: 'b' }];
    const result = await errorRates(arrayRowSource(rows), { truth: 't', prediction: 'p', groups: ['g'] });
    expect(result.groups[1].metrics.fpr).toEqual({ count: 0, of: 0, estimate: null, ciLow: null, ciHigh: null });
    expect(result.comparisons.some((comparison) => comparison.metric === 'fpr')).toBe(false);
    expect(result.warnings.join(' ')).toContain('No fpr comparison for "b"');
  });
});
