/**
 * Every number R gives for a real credit data set that was not used to build the statistics
 * (AER's CreditCard), and for group methods the shared fixtures do not cover.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compare } from '../../../analysis/compare';
import { disparity } from '../../../analysis/disparity';
import { csvRowSource } from '../../../analysis/load-csv';
import { logistic } from '../../../analysis/logistic';
import { ols } from '../../../analysis/ols';
import { expectMatchesR, GERMAN_CSV } from '../../helpers/fixtures';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const creditCard = csvRowSource(path.join(FIXTURES, 'creditcard.csv'));
const creditCardReference = read('creditcard_reference.json');
const groupReference = read('group_methods_reference.json');

describe('CreditCard (AER) against R', () => {
  const jobs = read('creditcard_spec.json').jobs as Array<Record<string, any>>;
  test.each(jobs.map((job) => [job.name as string, job] as const))('when %s runs, then every number matches R', async (name, job) => {
    const reference = job.reference as Record<string, string>;
    let result: unknown;
    if (job.kind === 'ols') result = await ols(creditCard, { outcome: job.outcome, predictors: job.predictors, reference, robust: job.robust });
    else if (job.kind === 'logistic') result = await logistic(creditCard, { outcome: job.outcome, predictors: job.predictors, reference });
    else if (job.kind === 'disparity') result = await disparity(creditCard, { outcome: job.outcome, groups: [job.group], reference: reference[job.group] });
    else result = await compare(creditCard, { outcome: job.outcome, groups: [job.group], reference: reference[job.group] });
    expectMatchesR(result, creditCardReference[name]);
  });
});

describe('group methods against R', () => {
  const german = csvRowSource(GERMAN_CSV);

  test('when Benjamini–Hochberg is asked, then adjusted p-values match p.adjust(method = "BH")', async () => {
    const housing = await disparity(german, { outcome: 'decision', groups: ['housing'], reference: 'own', adjust: 'bh' });
    expectMatchesR(housing.groups.filter((group) => group.group !== 'own').map((group) => ({ fisherP: group.fisherP, fisherPAdjusted: group.fisherPAdjusted })),
      groupReference.bh_housing.groups.map((_: string, index: number) => ({ fisherP: groupReference.bh_housing.fisherP[index], fisherPAdjusted: groupReference.bh_housing.fisherPAdjusted[index] })));
    const crossed = await disparity(german, { outcome: 'decision', groups: ['sex', 'foreign_worker'], reference: 'sex=male & foreign_worker=no', adjust: 'bh' });
    expectMatchesR(crossed.groups.filter((group) => group.fisherP !== undefined).map((group) => group.fisherPAdjusted), groupReference.intersectional.fisherPAdjustedBH, 'fisherPAdjusted');
  });

  test('when groups are crossed, then Fisher, Holm, chi-square and rates match R on the pasted factor', async () => {
    const result = await disparity(german, { outcome: 'decision', groups: ['sex', 'foreign_worker'], reference: 'sex=male & foreign_worker=no' });
    const compared = result.groups.filter((group) => group.group !== result.reference);
    expect(compared.map((group) => group.group)).toEqual(groupReference.intersectional.groups);
    expectMatchesR(compared.map((group) => group.fisherP), groupReference.intersectional.fisherP, 'fisherP');
    expectMatchesR(compared.map((group) => group.fisherPAdjusted), groupReference.intersectional.fisherPAdjusted, 'fisherPAdjusted');
    expectMatchesR(result.chiSquare, groupReference.intersectional.chiSquare, 'chiSquare');
    expectMatchesR(result.groups.map((group) => group.rate), groupReference.intersectional.rates, 'rate');
    expect(result.warnings.join(' ')).toContain('under 5');
  });

  test('when strata are given, then the Cochran–Mantel–Haenszel test and common odds ratio match mantelhaen.test', async () => {
    const result = await disparity(german, { outcome: 'decision', groups: ['housing'], reference: 'own', strata: 'telephone' });
    expectMatchesR(result.stratified!.groups, groupReference.cmh_housing_by_telephone, 'stratified');
  });

  test('when three groups are compared, then Welch and Mann–Whitney against the reference match R', async () => {
    const result = await compare(german, { outcome: 'amount', groups: ['housing'], reference: 'own' });
    expectMatchesR(result.groups.filter((group) => group.group !== 'own'), groupReference.compare_amount_housing, 'groups');
  });
});
