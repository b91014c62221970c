import fs from 'node:fs';
import { csvRowSource } from '../../../analysis/load-csv';
import { ols } from '../../../analysis/ols';
import { arrayRowSource } from '../../../analysis/row-source';
import { expectMatchesR, GERMAN_CSV, germanReference, SHARED_FIXTURES } from '../../helpers/fixtures';

const spec = JSON.parse(fs.readFileSync(`${SHARED_FIXTURES}/german_spec.json`, 'utf8')).jobs as Array<Record<string, any>>;
const job = (name: string) => spec.find((candidate) => candidate.name === name)!;

describe('OLS against R', () => {
  test.each(['ols_amount', 'ols_amount_hc3'])('when %s is fitted on the German credit data, then every number matches lm', async (name) => {
    const { outcome, predictors, reference, robust } = job(name);
    const result = await ols(csvRowSource(GERMAN_CSV), { outcome, predictors, reference, robust });
    expectMatchesR(result, germanReference()[name]);
  });

  test('when a row misses a value, then it is dropped and counted', async () => {
    const rows = [
      { y: 1, x: 1, g: 'a' }, { y: 2, x: 2, g: 'b' }, { y: 2.5, x: 3, g: 'a' }, { y: 5, x: null, g: 'b' },
      { y: 4.1, x: 4, g: 'b' }, { y: 5.2, x: 5, g: 'NA' }, { y: 6.3, x: 6, g: 'a' },
    ];
    const result = await ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x', 'g'] });
    expect(result.n).toBe(5);
    expect(result.dropped).toBe(2);
  });

  test('when a numeric column is declared categorical, then it is dummy-coded like an R factor', async () => {
    const result = await ols(csvRowSource(GERMAN_CSV), { outcome: 'amount', predictors: ['age', 'installment_rate'], categorical: ['installment_rate'] });
    // R: coef(lm(amount ~ age + factor(installment_rate), d))
    expectMatchesR(result.coefficients.map((coefficient) => [coefficient.term, coefficient.estimate]), [
      ['(Intercept)', 3908.248389736319], ['age', 12.0311094678362], ['installment_rate=2', -145.4657250425951], ['installment_rate=3', -1027.7870153292415], ['installment_rate=4', -1827.065258379208],
    ]);
  });

  test('when a predictor is constant, then the error names it', async () => {
    const rows = [1, 2, 3, 4, 5].map((x) => ({ y: x * 2 + (x % 2), x, c: 7 }));
    await expect(ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x', 'c'] })).rejects.toThrow(/"c".*constant or an exact combination/);
  });

  test('when two predictors are collinear, then the error names the later one', async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((x) => ({ y: x + (x % 3), x, double: 2 * x }));
    await expect(ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x', 'double'] })).rejects.toThrow(/"double"/);
  });

  test.each([
    [{ outcome: 'amount', predictors: ['nope'] }, /Unknown column "nope"/],
    [{ outcome: 'sex', predictors: ['age'] }, /outcome "sex" is not numeric/],
    [{ outcome: 'amount', predictors: ['sex'], reference: { sex: 'other' } }, /Unknown reference level "other" for column "sex". Its levels are: female, male/],
  ])('when the request is wrong (%o), then the error says what', async (options, message) => {
    await expect(ols(csvRowSource(GERMAN_CSV), options)).rejects.toThrow(message);
  });

  test('when a factor has one level in the rows used, then the error names it', async () => {
    const rows = [1, 2, 3, 4].map((x) => ({ y: x * 1.5 + (x % 2), x, g: 'only' }));
    await expect(ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x', 'g'] })).rejects.toThrow(/"g" has only one level/);
  });

  test('when the selection is empty, then the error says so', async () => {
    await expect(ols(arrayRowSource([], ['y', 'x']), { outcome: 'y', predictors: ['x'] })).rejects.toThrow(/selection is empty/);
  });

  test('when levels are unicode, then terms are named column=level with the level as written', async () => {
    const rows = Array.from({ length: 12 }, (_, index) => ({ y: index + (index % 3), x: index % 4, land: ['Österreich', 'Ελλάδα', 'Deutschland'][index % 3] }));
    const result = await ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x', 'land'], reference: { land: 'Deutschland' } });
    expect(result.coefficients.map((coefficient) => coefficient.term)).toEqual(['(Intercept)', 'x', 'land=Österreich', 'land=Ελλάδα']);
  });
});
