import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { runRegress } from '../../../src/cli/regress-command';
import { expectMatchesR } from '../../helpers/fixtures';
import { runCli } from './capture-cli';
import { seedDatabaseFile } from '../../helpers/test-database';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const SAMPLE_CSV = path.join(FIXTURES, 'rake/credit_sample.csv');
const reference = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ordinal/polr_reference.json'), 'utf8'));
const clusterReference = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ordinal/polr_cluster_reference.json'), 'utf8'));
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
    try {
      await seedDatabaseFile(file, 'credit-scores', { count: 400, seed: 3 });
      const { output, exitCode, errors } = await runCli('regress', '--db', file, '--campaign', 'credit-scores', '--model', 'ordinal', '--outcome', 'rating_class', '--predictors', 'age_band', '--format', 'table');
      expect(errors).toBe('');
      expect(exitCode).toBe(0);
      expect(output).toMatch(/rating_class ordered A < B < C/);
      expect(output).toContain('order from the credit-scores data dictionary (best-first)');
      expect(output).toMatch(/^threshold A\|B/m);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('regress --model ordinal with errors clustered by donor', () => {
  const ratings = {
    csv: path.join(FIXTURES, 'ordinal/clustered_ratings.csv'), reference: [] as string[], model: 'ordinal' as const, outcome: 'rating',
    predictors: ['age', 'sex', 'platform'], order: ['good', 'fair', 'poor', 'bad'], outsideOrder: ['unknown'], cluster: 'donor',
  };

  test('when a CSV file is given --cluster donor, then the JSON has R\'s clustered polr numbers and the table and csv say by what and how many clusters', async () => {
    const { r: _r, mass: _mass, sandwich: _sandwich, lmtest: _lmtest, call: _call, outcome: _outcome, order: _order, predictors: _predictors, unclusteredStdErrors: _unclustered, ...expected } = clusterReference;
    expectMatchesR(JSON.parse(await runRegress({ ...ratings, format: 'json' })), expected);
    const table = await runRegress({ ...ratings, format: 'table' });
    expect(table).toContain('Standard errors clustered by donor (G = 80 clusters).');
    expect(table).toContain('Clustered tests and intervals: t on 284 df');
    const rows = Papa.parse<Record<string, string>>((await runRegress({ ...ratings, format: 'csv' })).trim(), { header: true }).data;
    expect(rows[0]).toMatchObject({ clusteredBy: 'donor', clusters: '80' });
  });

  test('when a CSV file is read without --cluster, then the fit is polr\'s own and says nothing about clusters', async () => {
    const { cluster: _cluster, ...unclustered } = ratings;
    const output = JSON.parse(await runRegress({ ...unclustered, format: 'json' }));
    expect(output.clustered).toBeUndefined();
    expect(await runRegress({ ...unclustered, format: 'table' })).not.toMatch(/cluster/i);
  });

  describe('a campaign read from SQLite', () => {
    let directory: string;
    let file: string;
    beforeAll(async () => {
      directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-ordinal-cluster-'));
      file = path.join(directory, 'demo.sqlite');
      await seedDatabaseFile(file, 'credit-scores', { count: 400, seed: 3 });
    });
    afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
    const args = () => ['regress', '--db', file, '--campaign', 'credit-scores', '--model', 'ordinal', '--outcome', 'rating_class', '--predictors', 'age_band'];

    test('when --db --campaign is read without --cluster, then the ordinal fit is clustered by donor and the output says so', async () => {
      const table = await runCli(...args(), '--format', 'table');
      expect(table.errors).toBe('');
      expect(table.exitCode).toBe(0);
      expect(table.output).toMatch(/Standard errors clustered by donor \(G = \d+ donors\): the default for a campaign, since a donor may give several records; --cluster none turns it off\./);
      const json = JSON.parse((await runCli(...args(), '--format', 'json')).output);
      expect(json.clustered).toMatchObject({ column: 'donor', type: 'HC1' });
      expect(json.clustered.clusters).toBeGreaterThan(100);
      expect(json.clustered.clusters).toBeLessThanOrEqual(400);
      expect(json.warnings.join(' ')).toMatch(/treat every row as independent/);
    });

    test('when --cluster none is given, then the ordinal fit is not clustered and the output warns that records are not people', async () => {
      const table = await runCli(...args(), '--cluster', 'none', '--format', 'table');
      expect(table.exitCode).toBe(0);
      expect(table.output).toContain('Standard errors not clustered (--cluster none): every record counts as an independent person');
      const json = JSON.parse((await runCli(...args(), '--cluster', 'none', '--format', 'json')).output);
      expect(json.clustered).toBeUndefined();
      const clustered = JSON.parse((await runCli(...args(), '--format', 'json')).output);
      expect(json.coefficients.map((c: { estimate: number }) => c.estimate)).toEqual(clustered.coefficients.map((c: { estimate: number }) => c.estimate));
      expect(json.coefficients[0].stdError).not.toBe(clustered.coefficients[0].stdError);
    });
  });
});
