/**
 * Every number R gives for a real credit data set that was not used to build the statistics
 * (AER's CreditCard). The group methods' own R references are tested beside each method.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compare } from '../../../analysis/compare';
import { disparity } from '../../../analysis/disparity';
import { csvRowSource } from '../../../analysis/load-csv';
import { logistic } from '../../../analysis/logistic';
import { ols } from '../../../analysis/ols';
import { expectMatchesR } from '../../helpers/fixtures';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const creditCard = csvRowSource(path.join(FIXTURES, 'creditcard.csv'));
const creditCardReference = read('creditcard_reference.json');

describe('CreditCard (AER) against R', () => {
  const jobs = read('creditcard_spec.json').jobs as Array<Record<string, any>>;
  test.each(jobs.map((job) => [job.name as string, job] as const))('when %s runs, then every number matches R', async (name, job) => {
    const reference = job.reference as Record<string, string>;
    let result: unknown;
    if (job.kind === 'ols') result = await ols(creditCard, { outcome: job.outcome, predictors: job.predictors, reference, robust: job.robust });
    // reference.R runs glm with glm.control(epsilon = 1e-12): fit to the same rule.
    else if (job.kind === 'logistic') result = await logistic(creditCard, { outcome: job.outcome, predictors: job.predictors, reference, epsilon: 1e-12 });
    else if (job.kind === 'disparity') result = await disparity(creditCard, { outcome: job.outcome, groups: [job.group], reference: reference[job.group] });
    else result = await compare(creditCard, { outcome: job.outcome, groups: [job.group], reference: reference[job.group] });
    expectMatchesR(result, creditCardReference[name]);
  });
});
