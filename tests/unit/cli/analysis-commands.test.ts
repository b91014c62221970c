import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildProgram, main } from '../../../src/cli';
import { runCompare } from '../../../src/cli/compare-command';
import { runDisparity } from '../../../src/cli/disparity-command';
import { runRegress } from '../../../src/cli/regress-command';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { expectMatchesR, GERMAN_CSV, germanReference } from '../../helpers/fixtures';
import { seedDatabaseFile } from '../../helpers/test-database';

const common = { csv: GERMAN_CSV, reference: [] as string[] };

describe('analysis commands', () => {
  test('when regress prints JSON, then it is R\'s shape with R\'s numbers', async () => {
    const output = await runRegress({ ...common, format: 'json', outcome: 'amount', predictors: ['duration_months', 'age', 'installment_rate', 'existing_credits', 'sex', 'foreign_worker', 'housing'], model: 'ols', reference: ['sex=male', 'foreign_worker=no', 'housing=own'] });
    expectMatchesR(JSON.parse(output), germanReference().ols_amount);
  });

  test('when regress prints CSV, then there is one row per coefficient, with the fit statistics as columns', async () => {
    const output = await runRegress({ ...common, format: 'csv', outcome: 'decision', predictors: ['age', 'sex'], model: 'logistic' });
    const lines = output.trim().split(/\r?\n/);
    expect(lines[0]).toBe('term,estimate,stdError,statistic,pValue,ciLow,ciHigh,oddsRatio,oddsRatioCiLow,oddsRatioCiHigh,n,dropped,dfResidual,dfNull,deviance,nullDeviance,aic,lrStatistic,lrDf,lrPValue,iterations,converged');
    expect(lines.map((line) => line.split(',')[0])).toEqual(['term', '(Intercept)', 'age', 'sex=male']);
  });

  test('when disparity prints a table, then groups, the chi-square and the heuristic label are there', async () => {
    const output = await runDisparity({ ...common, format: 'table', outcome: 'decision', group: ['housing'], reference: ['own'], adjust: 'holm', minGroupSize: 5 });
    expect(output).toMatch(/^group\s+n\s+positives/);
    expect(output).toContain('Pearson chi-square = 18.200, df = 2');
    expect(output).toContain('Heuristic, not a statistical test');
  });

  test('when compare prints JSON, then it matches R', async () => {
    const output = await runCompare({ ...common, format: 'json', outcome: 'amount', group: ['sex'], reference: ['male'], minGroupSize: 5 });
    expectMatchesR(JSON.parse(output), germanReference().compare_amount_sex);
  });

  test('when the input is missing or doubled, then the error says which option to give', async () => {
    await expect(runCompare({ reference: [], outcome: 'amount', group: ['sex'], minGroupSize: 5 })).rejects.toThrow(/--csv FILE or --db FILE --campaign SLUG/);
    await expect(runCompare({ ...common, db: 'x.sqlite', outcome: 'amount', group: ['sex'], minGroupSize: 5 })).rejects.toThrow(/either --csv or --db/);
    await expect(runRegress({ ...common, outcome: 'amount', predictors: ['age'], model: 'ols', reference: ['sex'] })).rejects.toThrow(/column=level/);
    await expect(runRegress({ ...common, outcome: 'decision', predictors: ['age'], model: 'logistic', robust: 'hc3' })).rejects.toThrow(/--robust hc3 applies to --model ols/);
  });

  describe('through the command line', () => {
    let output: string;
    let errors: string;
    beforeEach(() => {
      output = '';
      errors = '';
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        output += String(chunk);
        return true;
      });
      jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
        errors += String(chunk);
        return true;
      });
      process.exitCode = undefined;
    });
    afterEach(() => {
      jest.restoreAllMocks();
      process.exitCode = undefined;
    });

    const run = (...args: string[]) => main(['node', 'crowdaudit', ...args]);

    test('when disparity reads a seeded campaign from SQLite with --cluster none, then the record-level disparity shows', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-cli-')), 'demo.sqlite');
      await seedDatabaseFile(file, 'credit-scores', { count: 500, seed: 1 });
      await run('disparity', '--db', file, '--campaign', 'credit-scores', '--outcome', 'application_refused', '--group', 'nationality', '--reference', 'german', '--format', 'json', '--cluster', 'none');
      const result = JSON.parse(output);
      const nonEu = result.groups.find((group: { group: string }) => group.group === 'non-eu');
      expect(nonEu.ratio).toBeGreaterThan(1.3);
      expect(nonEu.fisherPAdjusted).toBeLessThan(0.05);
      expect(process.exitCode).toBeUndefined();
    });

    test('when a column is unknown, then the command fails with a message naming it', async () => {
      await run('regress', '--csv', GERMAN_CSV, '--outcome', 'amount', '--predictors', 'age,colour', '--format', 'json');
      expect(errors).toContain('Unknown column "colour"');
      expect(process.exitCode).toBe(1);
    });

    test('when a group has one level, then the command fails saying so', async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-cli-')), 'one.csv');
      fs.writeFileSync(file, 'y,g\n1,a\n0,a\n');
      await run('disparity', '--csv', file, '--outcome', 'y', '--group', 'g');
      expect(errors).toMatch(/"g" has only one group/);
      expect(process.exitCode).toBe(1);
    });
  });

  test('when the program is built, then every documented command is registered', () => {
    const names = buildProgram().commands.map((command) => command.name());
    expect(names).toEqual(expect.arrayContaining(['serve', 'seed-demo', 'regress', 'disparity', 'compare']));
  });
});
