import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { runRegress } from '../../../src/cli/regress-command';
import { seedDemo } from '../../../src/demo/seed-demo';
import { DonationService } from '../../../src/donations/donation-service';
import { SqliteStore } from '../../../src/storage/sqlite-store';
import { openDatabase } from '../../../src/storage/open-database';
import { runCli } from './capture-cli';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const SAMPLE_CSV = path.join(FIXTURES, 'rake/credit_sample.csv');
const reference = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ordinal/polr_reference.json'), 'utf8'));
const ordinal = { csv: SAMPLE_CSV, reference: [] as string[], model: 'ordinal' as const, outcome: 'rating_class', predictors: ['age_band', 'negative_entries', 'sex'] };

describe('regress --model ordinal', () => {
  test('when the order is given worst first with --order, then the JSON has polr\'s estimates and thresholds for that order', async () => {
    const output = JSON.parse(await runRegress({ ...ordinal, format: 'json', order: ['F', 'E', 'D', 'C', 'B', 'A'], outsideOrder: ['unknown'] }));
    const job = reference.ratingWorstFirst;
    expect(output.levels).toEqual(job.levels);
    job.coefficients.forEach((row: { term: string; estimate: number }, index: number) => {
      expect(output.coefficients[index].term).toBe(row.term);
      expect(output.coefficients[index].estimate).toBeCloseTo(row.estimate, 7);
    });
    expect(output.thresholds.map((threshold: { threshold: string }) => threshold.threshold)).toEqual(['F|E', 'E|D', 'D|C', 'C|B', 'B|A']);
  });

  test('when it prints CSV, then the thresholds are rows after the coefficients and the fit figures are columns', async () => {
    const lines = (await runRegress({ ...ordinal, format: 'csv', order: ['A', 'B', 'C', 'D', 'E', 'F'], outsideOrder: ['unknown'] })).trim().split(/\r?\n/);
    expect(lines[0]).toBe('term,estimate,stdError,statistic,pValue,ciLow,ciHigh,oddsRatio,oddsRatioCiLow,oddsRatioCiHigh,n,dropped,dfResidual,deviance,aic,logLikelihood,levels,iterations,converged');
    expect(lines.slice(-5).map((line) => line.split(',')[0])).toEqual(['threshold A|B', 'threshold B|C', 'threshold C|D', 'threshold D|E', 'threshold E|F']);
  });

  test('when a CSV is read without --order, then the error says to give the order', async () => {
    await expect(runRegress({ ...ordinal, format: 'json' })).rejects.toThrow(/--model ordinal needs the outcome's levels in order: give --order/);
  });

  test('when --order is given to another model, then the error says it is for ordinal', async () => {
    await expect(runRegress({ ...ordinal, model: 'ols', order: ['A', 'B', 'C'] })).rejects.toThrow(/apply to --model ordinal only/);
  });

  test('when a campaign is read from SQLite, then the dictionary\'s order (A best … P worst) is used', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-ordinal-'));
    const file = path.join(directory, 'demo.sqlite');
    const db = openDatabase(file);
    try {
      await seedDemo(loadCampaigns().get('credit-scores')!, new DonationService(new SqliteStore(db)), { count: 400, seed: 3 });
      const { output, exitCode, errors } = await runCli('regress', '--db', file, '--campaign', 'credit-scores', '--model', 'ordinal', '--outcome', 'rating_class', '--predictors', 'age_band', '--format', 'table');
      expect(errors).toBe('');
      expect(exitCode).toBe(0);
      expect(output).toMatch(/rating_class ordered A < B < C/);
      expect(output).toContain('order from the credit-scores data dictionary (best-first)');
      expect(output).toMatch(/^threshold A\|B/m);
    } finally {
      db.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
