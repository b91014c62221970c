import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCompare } from '../../../src/cli/compare-command';
import { runDisparity } from '../../../src/cli/disparity-command';
import { expectMatchesR } from '../../helpers/fixtures';
import { runCli } from './capture-cli';
import { seedDatabaseFile } from '../../helpers/test-database';

const FIXTURES = path.resolve(__dirname, '../../fixtures/rake');
const SAMPLE_CSV = path.join(FIXTURES, 'credit_sample.csv');
const MARGINS = path.join(FIXTURES, 'sample-margins.json');
const reference = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rake_reference.json'), 'utf8')).ageSexNationality;
const common = { csv: SAMPLE_CSV, reference: [] as string[], minGroupSize: 5, adjust: 'holm' as const };

describe('disparity and compare --rake', () => {
  test('when disparity --rake reads a margins file, then the raked and unweighted rates by group match survey\'s', async () => {
    const output = JSON.parse(await runDisparity({ ...common, format: 'json', outcome: 'refused', group: ['sex'], rake: MARGINS, cluster: 'donor' }));
    expectMatchesR(output.groups.map((group: { group: string; raked: object }) => ({ group: group.group, ...group.raked })), reference.rakedBySex);
    expectMatchesR(output.overall.raked, reference.raked.refused);
    expect(output.sources.map((source: { column: string }) => source.column)).toEqual(['age_band', 'sex', 'nationality']);
  });

  test('when compare --rake prints a table, then raked means stand beside unweighted ones, with the share table and the sources', async () => {
    const output = await runCompare({ ...common, format: 'table', outcome: 'score_value', group: ['nationality'], rake: MARGINS, cluster: 'donor' });
    expect(output).toMatch(/^group\s+n\s+estimate\s+stdError\s+ciLow\s+ciHigh\s+rakedEstimate/);
    expect(output).toMatch(/^\(all\)/m);
    expect(output).toMatch(/age_band = 18-24: \d+ records, 2\d\.\d% of the sample; 9\.0% of the population/);
    expect(output).toContain('records clustered by donor');
    expect(output).toContain('Warning: 39 rows are outside the population margins');
  });

  test('when a campaign is read from SQLite with --rake and no file, then its own Destatis margins are used and named', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-rake-'));
    const file = path.join(directory, 'demo.sqlite');
    try {
      await seedDatabaseFile(file, 'credit-scores', { count: 600, seed: 5 });
      const { output, errors, exitCode } = await runCli('compare', '--db', file, '--campaign', 'credit-scores', '--outcome', 'score_value', '--group', 'sex', '--rake', '--format', 'table');
      expect(errors).toBe('');
      expect(exitCode).toBe(0);
      expect(output).toContain('table 12411-0013');
      expect(output).toContain('2023-12-31');
      expect(output).toMatch(/sex = female: \d+ records/);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  test('when a group has fewer rows than k, then a warning says not to publish it', async () => {
    const output = JSON.parse(await runDisparity({ ...common, minGroupSize: 950, format: 'json', outcome: 'refused', group: ['sex'], rake: MARGINS, cluster: 'donor' }));
    expect(output.warnings).toContain('Group "male" has 908 rows, fewer than k = 950: its numbers are unreliable and must not be published.');
  });

  test('when --rake has no file and the rows are a CSV, then the error says what to give', async () => {
    await expect(runDisparity({ ...common, outcome: 'refused', group: ['sex'], rake: true })).rejects.toThrow(/--rake needs a margins file/);
  });

  test('when --rake is given with two group columns, then the error says it takes one', async () => {
    await expect(runDisparity({ ...common, outcome: 'refused', group: ['sex', 'age_band'], rake: MARGINS })).rejects.toThrow('--rake takes one --group column.');
  });
});
