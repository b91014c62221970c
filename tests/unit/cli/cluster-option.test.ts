/** Issue 13: regress, disparity and compare with errors clustered by donor (--cluster). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { runCompare } from '../../../src/cli/compare-command';
import { runDisparity } from '../../../src/cli/disparity-command';
import { runRegress } from '../../../src/cli/regress-command';
import { CLUSTERED_SAMPLE_CSV, clusterReference } from '../../helpers/cluster-fixtures';
import { expectMatchesR } from '../../helpers/fixtures';
import { runCli } from './capture-cli';
import { seedDatabaseFile } from '../../helpers/test-database';

const csv = { csv: CLUSTERED_SAMPLE_CSV, reference: [] as string[] };
const withoutCall = ({ call: _call, ...rest }: Record<string, unknown>) => rest;

describe('--cluster on a CSV file', () => {
  test('when regress is given --cluster donor, then its JSON has R\'s clustered numbers and the table says by what and how many clusters', async () => {
    const options = { ...csv, outcome: 'amount', predictors: ['age', 'group', 'platform'], model: 'ols' as const, cluster: 'donor' };
    expectMatchesR(JSON.parse(await runRegress({ ...options, format: 'json' })), withoutCall(clusterReference().ols));
    const table = await runRegress({ ...options, format: 'table' });
    expect(table).toContain('Standard errors clustered by donor (G = 90 clusters).');
    const rows = Papa.parse<Record<string, string>>((await runRegress({ ...options, format: 'csv' })).trim(), { header: true }).data;
    expect(rows[0]).toMatchObject({ clusteredBy: 'donor', clusters: '90' });
  });

  test('when logistic regress is given --cluster donor, then its JSON has R\'s clustered z tests', async () => {
    const output = await runRegress({ ...csv, format: 'json', outcome: 'adverse', predictors: ['age', 'group', 'platform'], model: 'logistic', cluster: 'donor' });
    expectMatchesR(JSON.parse(output), withoutCall(clusterReference().logistic));
  });

  test('when disparity and compare are given --cluster donor, then rates, means and differences are svyby\'s and svyglm\'s', async () => {
    const rates = JSON.parse(await runDisparity({ ...csv, format: 'json', outcome: 'adverse', group: ['group'], adjust: 'holm', minGroupSize: 5, cluster: 'donor' }));
    expectMatchesR(rates, withoutCall(clusterReference().rates));
    expect(rates.estimate).toBe('rate');
    // Holm over the two differences: the smaller p doubled, the larger kept (at least the first).
    const [b, c] = [rates.groups[1].difference.pValue, rates.groups[2].difference.pValue];
    const first = Math.min(1, 2 * Math.min(b, c));
    expect([rates.groups[1].pValueAdjusted, rates.groups[2].pValueAdjusted]).toEqual(b < c ? [first, Math.max(first, c)] : [Math.max(first, b), first]);
    const means = JSON.parse(await runCompare({ ...csv, format: 'json', outcome: 'amount', group: ['group'], minGroupSize: 5, cluster: 'donor' }));
    expectMatchesR(means, withoutCall(clusterReference().means));
    const table = await runCompare({ ...csv, format: 'table', outcome: 'amount', group: ['group'], minGroupSize: 5, cluster: 'donor' });
    expect(table).toContain('Standard errors clustered by donor (G = 90 clusters).');
    expect(table).toContain('t on G − 1 = 89 df');
  });

  test('when no --cluster is given on a CSV file, then the output is the record-level one, without a word on clusters', async () => {
    const table = await runCompare({ ...csv, format: 'table', outcome: 'amount', group: ['group'], minGroupSize: 5 });
    expect(table).toContain('welchT');
    expect(table).not.toMatch(/cluster/i);
    const regress = JSON.parse(await runRegress({ ...csv, format: 'json', outcome: 'amount', predictors: ['age'], model: 'ols' }));
    expect(regress.clustered).toBeUndefined();
  });

  test('when the cluster column does not exist, then the command exits 1 naming it', async () => {
    for (const command of [['regress', '--predictors', 'age'], ['compare', '--group', 'group'], ['disparity', '--group', 'group']]) {
      const outcome = command[0] === 'disparity' ? 'adverse' : 'amount';
      const result = await runCli(command[0], '--csv', CLUSTERED_SAMPLE_CSV, '--outcome', outcome, ...command.slice(1), '--cluster', 'person', '--format', 'json');
      expect(result.exitCode).toBe(1);
      expect(result.errors).toContain('Unknown cluster column "person"');
    }
  });

  test('when disparity\'s outcome is not 0/1 under clustering, then the error names the row', async () => {
    await expect(runDisparity({ ...csv, format: 'json', outcome: 'amount', group: ['group'], adjust: 'holm', minGroupSize: 5, cluster: 'donor' })).rejects.toThrow(/"amount" must be 0 or 1 in every row \(found 4584 in data row 1\)/);
  });
});

describe('a campaign\'s records are clustered by donor by default', () => {
  let file: string;
  let records: number;
  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-cluster-')), 'demo.sqlite');
    records = (await seedDatabaseFile(file, 'platform-decisions', { count: 120, seed: 5 })).records;
  });
  const db = () => ({ db: file, campaign: 'platform-decisions', reference: [] as string[] });

  test('when disparity reads --db without --cluster, then its errors are clustered by donor and the output says so', async () => {
    const result = JSON.parse(await runDisparity({ ...db(), format: 'json', outcome: 'adverse', group: ['sex'], adjust: 'holm', minGroupSize: 5 }));
    expect(result.clustered).toEqual({ column: 'donor', clusters: 120 });
    expect(result.n).toBeLessThanOrEqual(records);
    expect(result.n).toBeGreaterThan(120);
    const table = await runDisparity({ ...db(), format: 'table', outcome: 'adverse', group: ['sex'], adjust: 'holm', minGroupSize: 5 });
    expect(table).toContain('Standard errors clustered by donor (G = 120 donors): the default for a campaign, since a donor may give several records; --cluster none turns it off.');
  });

  test('when regress and compare read --db without --cluster, then they cluster by donor too', async () => {
    const regress = JSON.parse(await runRegress({ ...db(), format: 'json', outcome: 'adverse', predictors: ['sex'], model: 'logistic' }));
    expect(regress.clustered).toEqual({ column: 'donor', clusters: 120, type: 'HC1' });
    const compare = await runCompare({ ...db(), format: 'table', outcome: 'weekly_hours', group: ['sex'], minGroupSize: 5 });
    expect(compare).toContain('clustered by donor (G = 120 donors)');
  });

  test('when --where filters a campaign\'s records, then the donors are counted among the rows kept', async () => {
    const all = JSON.parse(await runCompare({ ...db(), format: 'json', outcome: 'weekly_hours', group: ['sex'], minGroupSize: 5 }));
    const filtered = JSON.parse(await runCompare({ ...db(), format: 'json', outcome: 'weekly_hours', group: ['sex'], minGroupSize: 5, where: ['sex != diverse'] }));
    const diverseDonors = all.groups.find((group: { group: string }) => group.group === 'diverse').clusters;
    expect(filtered.groups.map((group: { group: string }) => group.group)).not.toContain('diverse');
    expect(filtered.clustered.clusters).toBe(all.clustered.clusters - diverseDonors);
  });

  test('when --cluster none is given with --db, then the record-level output returns with a warning that records are not people', async () => {
    const table = await runDisparity({ ...db(), format: 'table', outcome: 'adverse', group: ['sex'], adjust: 'holm', minGroupSize: 5, cluster: 'none' });
    expect(table).toContain('fisherP');
    expect(table).toContain('Standard errors not clustered (--cluster none): every record counts as an independent person');
  });

  test('when --robust hc3 meets the default clustering of a campaign, then the error says how to choose', async () => {
    await expect(runRegress({ ...db(), format: 'json', outcome: 'weekly_hours', predictors: ['sex'], model: 'ols', robust: 'hc3' })).rejects.toThrow(/--robust hc3 and errors clustered by donor exclude each other.*--cluster none/);
  });
});
