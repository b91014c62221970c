/** Issue 17: argument errors are printed, the harmful outcome's direction, csv fit statistics, --where and conditions. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { runDisparity } from '../../../src/cli/disparity-command';
import { runRegress } from '../../../src/cli/regress-command';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { AUDIT_CSV, auditorReference } from '../../helpers/auditor-fixtures';
import { expectMatchesR, GERMAN_CSV } from '../../helpers/fixtures';
import { runCli } from './capture-cli';
import { seedDatabaseFile } from '../../helpers/test-database';

const temporaryFile = (name: string, content: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-auditor-')), name);
  fs.writeFileSync(file, content);
  return file;
};

describe('argument errors', () => {
  test('when --reference lacks column=, then regress exits 1 and says what to write', async () => {
    const result = await runCli('regress', '--csv', GERMAN_CSV, '--outcome', 'amount', '--predictors', 'age,sex', '--reference', 'male');
    expect(result.exitCode).toBe(1);
    expect(result.errors).toContain('--reference must be column=level (got "male")');
  });

  test('when neither --csv nor --db is given, then the command exits 1 naming both', async () => {
    const result = await runCli('disparity', '--outcome', 'decision', '--group', 'sex');
    expect(result.exitCode).toBe(1);
    expect(result.errors).toContain('--csv FILE or --db FILE --campaign SLUG');
  });

  test('when a CSV names a column twice, then every command refuses it naming the column', async () => {
    const file = temporaryFile('twice.csv', 'y,g,g\n1,a,b\n0,b,a\n');
    const result = await runCli('disparity', '--csv', file, '--outcome', 'y', '--group', 'g');
    expect(result.exitCode).toBe(1);
    expect(result.errors).toContain('the header names "g" more than once');
  });

  test('when regress gets a text outcome, then it names the column and a value, not NaN', async () => {
    const result = await runCli('regress', '--csv', GERMAN_CSV, '--model', 'logistic', '--outcome', 'sex', '--predictors', 'age');
    expect(result.errors).toContain('The outcome "sex" must be 0 or 1 in every row (found "');
    expect(result.errors).not.toContain('NaN');
    const linear = await runCli('regress', '--csv', GERMAN_CSV, '--outcome', 'housing', '--predictors', 'age');
    expect(linear.errors).toMatch(/The outcome "housing" is not numeric \(found "\w+"\)/);
  });
});

describe('the harmful outcome and the four-fifths rule', () => {
  test('when --harmful 1 is given, then the rule compares favourable rates', async () => {
    const file = temporaryFile('refusals.csv', `refused,g\n${['a,', 'b,'].flatMap((prefix, index) => Array.from({ length: 20 }, (_, row) => `${row < (index === 0 ? 4 : 12) ? 1 : 0},${prefix.slice(0, 1)}`)).join('\n')}\n`);
    const asIs = JSON.parse(await runDisparity({ csv: file, reference: [], format: 'json', outcome: 'refused', group: ['g'], adjust: 'holm', minGroupSize: 5 }));
    expect(asIs.heuristics.fourFifthsRule.belowFourFifths).toEqual([]);
    const harmful = JSON.parse(await runDisparity({ csv: file, reference: [], format: 'json', outcome: 'refused', group: ['g'], adjust: 'holm', minGroupSize: 5, harmful: '1' }));
    expect(harmful.heuristics.fourFifthsRule.belowFourFifths).toEqual(['b']); // 40% favourable against 80%
    const table = await runDisparity({ csv: file, reference: [], format: 'table', outcome: 'refused', group: ['g'], adjust: 'holm', minGroupSize: 5 });
    expect(table).toContain('Assumed outcome 1 is favourable; give --harmful 1');
  });

  test('when a campaign\'s dictionary marks the outcome harmful, then disparity on its database uses that', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-auditor-')), 'demo.sqlite');
    await seedDatabaseFile(file, 'credit-scores', { count: 300, seed: 3 });
    expect(loadCampaigns().get('credit-scores')!.schema.fields.find((field) => field.name === 'application_refused')?.harmful).toBe(true);
    // The four-fifths heuristic is part of the record-level output (a campaign is otherwise clustered by donor).
    const result = JSON.parse(await runDisparity({ db: file, campaign: 'credit-scores', reference: ['german'], format: 'json', outcome: 'application_refused', group: ['nationality'], adjust: 'holm', minGroupSize: 5, cluster: 'none' }));
    expect(result.heuristics.fourFifthsRule.harmfulOutcome).toBe(1);
  });
});

describe('regress output a statistician expects', () => {
  test('when logistic regress prints csv, then odds-ratio intervals, df, deviance, AIC and the LR test are columns', async () => {
    const output = await runRegress({ csv: GERMAN_CSV, reference: ['sex=male', 'foreign_worker=no', 'housing=own', 'telephone=no'], format: 'csv', outcome: 'decision', model: 'logistic',
      predictors: ['amount', 'duration_months', 'age', 'installment_rate', 'sex', 'foreign_worker', 'housing', 'telephone'] });
    const rows = Papa.parse<Record<string, string>>(output.trim(), { header: true }).data;
    const expected = auditorReference().glm_default_german;
    expect(Object.keys(rows[0])).toEqual(['term', 'estimate', 'stdError', 'statistic', 'pValue', 'ciLow', 'ciHigh', 'oddsRatio', 'oddsRatioCiLow', 'oddsRatioCiHigh',
      'n', 'dropped', 'dfResidual', 'dfNull', 'deviance', 'nullDeviance', 'aic', 'lrStatistic', 'lrDf', 'lrPValue', 'iterations', 'converged']);
    rows.forEach((row, index) => expectMatchesR(Number(row.oddsRatioCiHigh), expected.coefficients[index].oddsRatioCiHigh, `oddsRatioCiHigh ${row.term}`));
    expectMatchesR(Number(rows[0].aic), expected.aic, 'aic');
    expectMatchesR(Number(rows[0].lrPValue), expected.likelihoodRatio.pValue, 'lrPValue');
    expect(Number(rows[0].dfResidual)).toBe(expected.dfResidual);
    expect(Number(rows[0].iterations)).toBe(expected.iterations);
  });

  test('when logistic regress prints a table, then the LR test and residual df are under it', async () => {
    const output = await runRegress({ csv: GERMAN_CSV, reference: [], format: 'table', outcome: 'decision', model: 'logistic', predictors: ['age', 'sex'] });
    expect(output).toMatch(/deviance = [\d.]+ on 997 df, null deviance = [\d.]+ on 999 df, AIC = /);
    expect(output).toMatch(/Likelihood-ratio test against the intercept-only model: chi-square = [\d.]+, df = 2, p = /);
  });
});

describe('--where, conditions and interactions through the command line', () => {
  test('when regress gets filters, a condition outcome and an interaction, then it prints R\'s fit', async () => {
    const result = await runCli('regress', '--csv', AUDIT_CSV, '--format', 'json', '--model', 'logistic', '--outcome', 'score_text != Low', '--predictors', 'race,sex,priors',
      '--reference', 'race=Caucasian', '--where', 'age >= 25', '--where', 'race in (African-American, Caucasian)');
    expect(result.errors).toBe('');
    expectMatchesR(JSON.parse(result.output), auditorReference().filtered_logistic);
    const crossed = await runCli('regress', '--csv', AUDIT_CSV, '--format', 'json', '--model', 'logistic', '--outcome', 'two_year_recid', '--predictors', 'race*sex,priors', '--reference', 'race=Caucasian');
    expectMatchesR(JSON.parse(crossed.output), auditorReference().interaction_logistic);
  });

  test('when a --where condition names an unknown column or bad token, then it exits 1 naming it', async () => {
    const unknown = await runCli('disparity', '--csv', AUDIT_CSV, '--outcome', 'two_year_recid', '--group', 'race', '--where', 'colour = red');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.errors).toContain('Unknown column "colour" in the condition "colour = red"');
    const token = await runCli('disparity', '--csv', AUDIT_CSV, '--outcome', 'two_year_recid', '--group', 'race', '--where', 'age ~ 3');
    expect(token.errors).toContain('"~" is not an operator');
  });
});

describe('crowdaudit error-rates', () => {
  test('when the prediction is given as a condition, then the JSON is R\'s for the same cut', async () => {
    // score_text != Low is decile_score >= 5 in the sample (make-audit-sample.R).
    const result = await runCli('error-rates', '--csv', AUDIT_CSV, '--format', 'json', '--truth', 'two_year_recid', '--prediction', 'score_text != Low', '--group', 'race', '--reference', 'Caucasian');
    expect(result.errors).toBe('');
    expectMatchesR(JSON.parse(result.output), auditorReference().error_rates);
  });

  test('when it prints csv, then there is a row per group and metric with the equalised-odds test as columns', async () => {
    const result = await runCli('error-rates', '--csv', AUDIT_CSV, '--format', 'csv', '--truth', 'two_year_recid', '--score', 'decile_score', '--threshold', '5', '--group', 'race', '--reference', 'Caucasian');
    const rows = Papa.parse<Record<string, string>>(result.output.trim(), { header: true }).data;
    expect(rows).toHaveLength(4 * 5);
    expectMatchesR(Number(rows[0].equalizedOddsPValue), auditorReference().error_rates.equalizedOdds.combined.pValue, 'pValue');
  });

  test('when neither --prediction nor --score is given, then it exits 1 saying which to give', async () => {
    const result = await runCli('error-rates', '--csv', AUDIT_CSV, '--truth', 'two_year_recid', '--group', 'race');
    expect(result.exitCode).toBe(1);
    expect(result.errors).toContain('Give --prediction COLUMN, or --score COLUMN with --threshold T.');
  });
});

describe('crowdaudit calibration', () => {
  test('when it prints JSON, then it is R\'s calibration table, LR tests and DeLong AUCs', async () => {
    const result = await runCli('calibration', '--csv', AUDIT_CSV, '--format', 'json', '--truth', 'two_year_recid', '--score', 'score', '--group', 'race', '--reference', 'Caucasian', '--bins', '10');
    expect(result.errors).toBe('');
    expectMatchesR(JSON.parse(result.output), auditorReference().calibration_score);
  });

  test('when it prints a table, then the tests and AUCs are named under it', async () => {
    const result = await runCli('calibration', '--csv', AUDIT_CSV, '--format', 'table', '--truth', 'two_year_recid', '--score', 'decile_score', '--group', 'race', '--reference', 'Caucasian');
    expect(result.output).toMatch(/^group\s+bin\s+low\s+high/);
    expect(result.output).toContain('Same slope in every group (score × group, likelihood-ratio test): chi-square = ');
    expect(result.output).toMatch(/AUC Caucasian: 0\.\d+ \[0\.\d+, 0\.\d+\] \(DeLong\)/);
    expect(result.output).toContain('Equal AUCs (Wald chi-square test of 4 independent AUCs (DeLong variances)): chi-square = ');
  });

  test('when --bins is 1, then it exits 1 naming the option', async () => {
    const result = await runCli('calibration', '--csv', AUDIT_CSV, '--truth', 'two_year_recid', '--score', 'score', '--group', 'race', '--bins', '1');
    expect(result.exitCode).toBe(1);
    expect(result.errors).toContain('--bins must be a whole number of at least 2.');
  });
});

describe('crowdaudit survival', () => {
  test('when it prints JSON with predictors, then it is R\'s survdiff, coxph and cox.zph, and the SVG holds a curve per group', async () => {
    const svg = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-auditor-')), 'km.svg');
    const result = await runCli('survival', '--csv', AUDIT_CSV, '--format', 'json', '--time', 'days', '--event', 'event', '--group', 'race', '--reference', 'Caucasian',
      '--predictors', 'priors,age,sex', '--svg', svg);
    expect(result.errors).toBe('');
    expectMatchesR(JSON.parse(result.output), auditorReference().survival_adjusted);
    const chart = fs.readFileSync(svg, 'utf8');
    expect(chart.match(/<path d="M[^"]*H[^"]*" fill="none"/g)).toHaveLength(4);
    expect(chart).toContain('African-American (n = ');
    expect(chart).not.toContain('style=');
  });

  test('when it prints a table, then the log-rank test, hazard ratios and cox.zph are under it', async () => {
    const result = await runCli('survival', '--csv', AUDIT_CSV, '--format', 'table', '--time', 'days', '--event', 'event', '--group', 'race', '--reference', 'race=Caucasian');
    expect(result.output).toMatch(/^group\s+time\s+atRisk/);
    expect(result.output).toContain(`Log-rank test (survdiff): chi-square = ${auditorReference().survival_race.logRank.statistic.toPrecision(5)}, df = 3`);
    expect(result.output).toMatch(/race=African-American: hazard ratio [\d.]+ \[[\d.]+, [\d.]+\]/);
    expect(result.output).toContain('Proportional hazards (cox.zph): race chi-square = ');
  });
});

describe('the new commands on a campaign database', () => {
  let credit: string;
  let platform: string;
  beforeAll(async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-auditor-db-'));
    credit = path.join(directory, 'credit.sqlite');
    platform = path.join(directory, 'platform.sqlite');
    for (const [file, slug] of [[credit, 'credit-scores'], [platform, 'platform-decisions']] as const) {
      await seedDatabaseFile(file, slug, { count: 400, seed: 5 });
    }
    // Seeding is async now, so jest's hook timeout applies to it (it could not stop the synchronous seeding before).
  }, 60_000);

  test('when error-rates and calibration read --db with --where, then they run on the filtered records', async () => {
    const all = JSON.parse((await runCli('error-rates', '--db', credit, '--campaign', 'credit-scores', '--format', 'json', '--truth', 'application_refused', '--prediction', 'debt_collection = 1', '--group', 'nationality')).output);
    const filtered = await runCli('error-rates', '--db', credit, '--campaign', 'credit-scores', '--format', 'json', '--truth', 'application_refused', '--prediction', 'debt_collection = 1', '--group', 'nationality', '--where', 'sex = female');
    expect(filtered.errors).toBe('');
    expect(JSON.parse(filtered.output).n).toBeLessThan(all.n);
    const calibrated = await runCli('calibration', '--db', credit, '--campaign', 'credit-scores', '--format', 'json', '--truth', 'application_refused', '--score', 'score_value', '--group', 'nationality');
    expect(calibrated.errors).toBe('');
    expect(JSON.parse(calibrated.output).logistic.interaction.df).toBeGreaterThan(0);
  });

  test('when survival reads --db with the event as a condition, then each nationality gets a curve', async () => {
    const result = await runCli('survival', '--db', platform, '--campaign', 'platform-decisions', '--format', 'json', '--time', 'tenure_months', '--event', 'decision_type = deactivation', '--group', 'nationality');
    expect(result.errors).toBe('');
    const parsed = JSON.parse(result.output);
    expect(parsed.curves.length).toBeGreaterThan(1);
    expect(parsed.event).toBe('decision_type = deactivation');
  });
});
