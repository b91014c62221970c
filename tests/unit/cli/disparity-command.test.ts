import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDisparity } from '../../../src/cli/disparity-command';
import { expectMatchesR, GERMAN_CSV, germanReference } from '../../helpers/fixtures';
import { groupMethodsReference } from '../../helpers/group-methods-reference';
import { runCli } from './capture-cli';

const csvFile = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-disparity-')), 'rows.csv');
  fs.writeFileSync(file, text);
  return file;
};

describe('crowdaudit disparity', () => {
  test('when it prints JSON, then it is R\'s shape with R\'s numbers', async () => {
    const { output, exitCode } = await runCli('disparity', '--csv', GERMAN_CSV, '--outcome', 'decision', '--group', 'sex', '--reference', 'male', '--format', 'json');
    expect(exitCode).toBe(0);
    expectMatchesR(JSON.parse(output), germanReference().disparity_sex);
  });

  test('when two groups are crossed with --adjust bh and --strata, then the intersectional and stratified numbers match R', async () => {
    const crossed = JSON.parse(await runDisparity({ csv: GERMAN_CSV, format: 'json', outcome: 'decision', group: ['sex', 'foreign_worker'], reference: ['sex=male & foreign_worker=no'], adjust: 'bh', minGroupSize: 5 }));
    expectMatchesR(crossed, groupMethodsReference().results.disparity_sex_foreign_worker_bh);
    const stratified = JSON.parse(await runDisparity({ csv: GERMAN_CSV, format: 'json', outcome: 'decision', group: ['housing'], reference: ['own'], strata: 'telephone', adjust: 'holm', minGroupSize: 5 }));
    expectMatchesR(stratified.stratified.groups, groupMethodsReference().results.stratified_housing_by_telephone, 'stratified');
  });

  test('when it prints CSV, then there is one row per group with the columns of the JSON groups and the chi-square as columns', async () => {
    const output = await runDisparity({ csv: GERMAN_CSV, format: 'csv', outcome: 'decision', group: ['housing'], reference: ['own'], adjust: 'holm', minGroupSize: 5 });
    const lines = output.trim().split(/\r?\n/);
    expect(lines[0]).toBe('group,n,positives,rate,ciLow,ciHigh,ratio,ratioCiLow,ratioCiHigh,difference,fisherP,fisherPAdjusted,nTotal,dropped,reference,adjust,chiSquare,chiSquareDf,chiSquarePValue');
    expect(lines[1].split(',').slice(-4, -1)).toEqual(['holm', expect.stringMatching(/^18\.199/), '2']);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(['free,108,64', 'own,713,527', 'rent,179,109']);
  });

  test('when it prints a table with strata, then the CMH lines carry adjusted p-values and the heuristic is labelled', async () => {
    const output = await runDisparity({ csv: GERMAN_CSV, format: 'table', outcome: 'decision', group: ['housing'], reference: ['own'], strata: 'telephone', adjust: 'holm', minGroupSize: 5 });
    expect(output).toContain('Within strata of telephone: free vs own: CMH chi-square = 9.7093, p = 1.833e-3 (adjusted 1.835e-3), common odds ratio = 0.5035 [0.3300, 0.7681]');
    expect(output).toContain('Four-fifths rule — Heuristic, not a statistical test');
  });

  test('when a group has no positives, then the table explains the missing interval', async () => {
    const file = csvFile(`y,g\n${'1,a\n0,a\n'.repeat(5)}${'0,b\n'.repeat(6)}`);
    const output = await runDisparity({ csv: file, format: 'table', outcome: 'y', group: ['g'], reference: [], adjust: 'holm', minGroupSize: 5 });
    expect(output).toContain('b: The group has no positives: Katz\'s interval for the rate ratio is undefined.');
  });

  describe('when the input is wrong, then it exits with 1 and a message naming the problem', () => {
    test.each([
      ['an unknown outcome column', ['--outcome', 'verdict', '--group', 'sex'], /Unknown column "verdict"/],
      ['an unknown group column', ['--outcome', 'decision', '--group', 'colour'], /Unknown column "colour"/],
      ['an unknown strata column', ['--outcome', 'decision', '--group', 'sex', '--strata', 'planet'], /Unknown column "planet"/],
      ['an outcome that is not 0/1', ['--outcome', 'amount', '--group', 'sex'], /The outcome "amount" must be 0 or 1 .*found "1169" in data row 1/],
      ['an unknown reference level', ['--outcome', 'decision', '--group', 'sex', '--reference', 'robot'], /Unknown reference level "robot" for sex\. The groups are: female, male/],
    ])('%s', async (_, args, message) => {
      const { errors, exitCode } = await runCli('disparity', '--csv', GERMAN_CSV, ...args);
      expect(errors).toMatch(message);
      expect(exitCode).toBe(1);
    });

    test('a group column with one level', async () => {
      const { errors, exitCode } = await runCli('disparity', '--csv', csvFile('y,g\n1,a\n0,a\n'), '--outcome', 'y', '--group', 'g');
      expect(errors).toMatch(/The group column "g" has only one group \(a\)/);
      expect(exitCode).toBe(1);
    });

    test('an empty selection', async () => {
      const { errors, exitCode } = await runCli('disparity', '--csv', csvFile('y,g\n'), '--outcome', 'y', '--group', 'g');
      expect(errors).toContain('The selection is empty');
      expect(exitCode).toBe(1);
    });

    test('rows where the outcome or group is always missing', async () => {
      const { errors, exitCode } = await runCli('disparity', '--csv', csvFile('y,g\nNA,a\n1,\n'), '--outcome', 'y', '--group', 'g');
      expect(errors).toContain('No row has both "y" and g');
      expect(exitCode).toBe(1);
    });
  });
});
