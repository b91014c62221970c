import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCompare } from '../../../src/cli/compare-command';
import { expectMatchesR, GERMAN_CSV, germanReference } from '../../helpers/fixtures';
import { groupMethodsReference, UNICODE_CSV } from '../../helpers/group-methods-reference';
import { runCli } from './capture-cli';

describe('crowdaudit compare', () => {
  test('when it prints JSON, then it is R\'s shape with R\'s numbers', async () => {
    const { output, exitCode } = await runCli('compare', '--csv', GERMAN_CSV, '--outcome', 'amount', '--group', 'sex', '--reference', 'male', '--format', 'json');
    expect(exitCode).toBe(0);
    expectMatchesR(JSON.parse(output), germanReference().compare_amount_sex);
  });

  test('when groups are crossed or levels are unicode, then the numbers match R', async () => {
    const crossed = await runCompare({ csv: GERMAN_CSV, format: 'json', outcome: 'amount', group: ['sex', 'foreign_worker'], reference: ['sex=male & foreign_worker=no'], minGroupSize: 5 });
    expectMatchesR(JSON.parse(crossed), groupMethodsReference().results.compare_amount_sex_foreign_worker);
    const unicode = await runCompare({ csv: UNICODE_CSV, format: 'json', outcome: 'amount', group: ['country'], reference: ['Deutschland'], minGroupSize: 5 });
    expectMatchesR(JSON.parse(unicode), groupMethodsReference().results.compare_unicode);
  });

  test('when it prints CSV and a table, then each group is one row and the table says tests are unadjusted', async () => {
    const options = { csv: GERMAN_CSV, outcome: 'amount', group: ['housing'], reference: ['own'], minGroupSize: 5 };
    const lines = (await runCompare({ ...options, format: 'csv' })).trim().split(/\r?\n/);
    expect(lines[0]).toBe('group,n,mean,sd,median,welchT,welchDf,welchP,mannWhitneyW,mannWhitneyP,cohensD');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['free', 'own', 'rent']);
    expect(lines[1].split(',')[4]).toBe('3800.5');
    expect(await runCompare({ ...options, format: 'table' })).toContain('Tests are not adjusted for multiple groups.');
  });

  describe('when the input is wrong, then it exits with 1 and a message naming the problem', () => {
    test.each([
      ['an unknown outcome column', ['--outcome', 'salary', '--group', 'sex'], /Unknown column "salary"/],
      ['an unknown group column', ['--outcome', 'amount', '--group', 'colour'], /Unknown column "colour"/],
      ['a non-numeric outcome', ['--outcome', 'housing', '--group', 'sex'], /The outcome "housing" must be a number .*found "own" in data row 1/],
      ['an unknown reference level', ['--outcome', 'amount', '--group', 'housing', '--reference', 'castle'], /Unknown reference level "castle" for housing\. The groups are: free, own, rent/],
    ])('%s', async (_, args, message) => {
      const { errors, exitCode } = await runCli('compare', '--csv', GERMAN_CSV, ...args);
      expect(errors).toMatch(message);
      expect(exitCode).toBe(1);
    });

    test('a group column with one level, and an empty selection', async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-compare-'));
      fs.writeFileSync(path.join(folder, 'one.csv'), 'y,g\n1.5,a\n2,a\n');
      fs.writeFileSync(path.join(folder, 'empty.csv'), 'y,g\n');
      const one = await runCli('compare', '--csv', path.join(folder, 'one.csv'), '--outcome', 'y', '--group', 'g');
      expect(one.errors).toMatch(/"g" has only one group \(a\)/);
      expect(one.exitCode).toBe(1);
      const empty = await runCli('compare', '--csv', path.join(folder, 'empty.csv'), '--outcome', 'y', '--group', 'g');
      expect(empty.errors).toContain('The selection is empty');
      expect(empty.exitCode).toBe(1);
    });
  });
});
