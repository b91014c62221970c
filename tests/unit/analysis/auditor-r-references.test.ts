/**
 * The auditor's toolkit against R (tests/fixtures/auditor/auditor-reference.R): glm's default
 * stopping rule, interactions with R's term names, filters and outcomes given as conditions.
 */
import { conditionedRowSource } from '../../../analysis/conditioned-row-source';
import { disparity } from '../../../analysis/disparity';
import { csvRowSource } from '../../../analysis/load-csv';
import { logistic } from '../../../analysis/logistic';
import { ols } from '../../../analysis/ols';
import { AUDIT_CSV, auditorReference } from '../../helpers/auditor-fixtures';
import { expectMatchesR, GERMAN_CSV } from '../../helpers/fixtures';

const reference = auditorReference();
const audit = csvRowSource(AUDIT_CSV);

describe('logistic regression with R\'s default glm rule', () => {
  test('when glm is run without control arguments, then iterations, estimates, standard errors, odds-ratio intervals and the LR test match', async () => {
    const result = await logistic(csvRowSource(GERMAN_CSV), {
      outcome: 'decision',
      predictors: ['amount', 'duration_months', 'age', 'installment_rate', 'sex', 'foreign_worker', 'housing', 'telephone'],
      reference: { sex: 'male', foreign_worker: 'no', housing: 'own', telephone: 'no' },
    });
    expectMatchesR(result, reference.glm_default_german);
    expect(result.iterations).toBe(reference.glm_default_german.iterations);
  });
});

describe('interactions', () => {
  test('when race*sex is given, then the terms are R\'s, named race=…:sex=…, with R\'s numbers', async () => {
    const result = await logistic(audit, { outcome: 'two_year_recid', predictors: ['race*sex', 'priors'], reference: { race: 'Caucasian' } });
    expectMatchesR(result, reference.interaction_logistic);
  });

  test('when a number interacts with a factor whose main effect is absent, then every level gets a slope, as model.matrix', async () => {
    const result = await ols(audit, { outcome: 'decile_score', predictors: ['race', 'age:sex'], reference: { race: 'Caucasian' } });
    expectMatchesR(result, reference.interaction_numeric_factor_ols);
  });

  test('when two numbers are crossed, then their product is a term after the main effects', async () => {
    const result = await ols(audit, { outcome: 'decile_score', predictors: ['age*priors', 'sex'] });
    expectMatchesR(result, reference.interaction_numeric_ols);
  });
});

describe('filters and outcomes given as conditions', () => {
  const filtered = () => conditionedRowSource(audit, { where: ['age >= 25', 'race in (African-American, Caucasian)'], derived: ['score_text != Low'] });

  test('when rows are filtered and the outcome is a condition, then the logistic fit is R\'s on subset()', async () => {
    const result = await logistic(filtered(), { outcome: 'score_text != Low', predictors: ['race', 'sex', 'priors'], reference: { race: 'Caucasian' } });
    expectMatchesR(result, reference.filtered_logistic);
  });

  test('when disparity reads the same filtered rows, then its groups are R\'s', async () => {
    const result = await disparity(filtered(), { outcome: 'score_text != Low', groups: ['race'] });
    expectMatchesR(result, reference.filtered_disparity);
  });
});
