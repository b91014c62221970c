import { conditionedRowSource } from '../../../analysis/conditioned-row-source';
import { modelTerms } from '../../../analysis/model-terms';
import { parseCondition } from '../../../analysis/row-condition';
import { arrayRowSource } from '../../../analysis/row-source';

describe('parseCondition', () => {
  test('when each operator is given, then it compares as R would', () => {
    expect(parseCondition('score_text != Low').test('High', 1)).toBe(true);
    expect(parseCondition('score_text != Low').test(' Low ', 1)).toBe(false);
    expect(parseCondition('age >= 25').test('25', 1)).toBe(true);
    expect(parseCondition('age<25').test(24.5, 1)).toBe(true);
    expect(parseCondition('age > 25').test('25', 1)).toBe(false);
    expect(parseCondition('age <= 25').test('25.0', 1)).toBe(true);
    expect(parseCondition('priors = 1').test('1.0', 1)).toBe(true);
    expect(parseCondition('priors == 2').test('1', 1)).toBe(false);
    expect(parseCondition('race in (African-American, "Native American")').test('Native American', 1)).toBe(true);
    expect(parseCondition('race not in (Caucasian)').test('Caucasian', 1)).toBe(false);
    expect(parseCondition('"score text" = "Low risk"')).toMatchObject({ column: 'score text', operator: '=', values: ['Low risk'] });
  });

  test('when the cell is missing, then the condition is missing (NA), not false', () => {
    expect(parseCondition('age >= 25').test('', 1)).toBeUndefined();
    expect(parseCondition('race != Other').test('NA', 1)).toBeUndefined();
  });

  test('when a condition cannot be read, then the error names the token', () => {
    expect(() => parseCondition('age => 25')).toThrow(/"=>" is not an operator|"> 25" follows|not a number/);
    expect(() => parseCondition('age ~ 25')).toThrow(/"~" is not an operator/);
    expect(() => parseCondition('age >=')).toThrow(/the value after ">=" is missing/);
    expect(() => parseCondition('race in African-American')).toThrow(/"in" needs a list in parentheses/);
    expect(() => parseCondition('race in (a, b')).toThrow(/not closed with "\)"/);
    expect(() => parseCondition('age > old')).toThrow(/"old" is not a number/);
    expect(() => parseCondition('"age > 1')).toThrow(/never closed/);
  });

  test('when an ordering meets text in the data, then the error names the column, value and row', () => {
    expect(() => parseCondition('age > 30').test('thirty', 7)).toThrow('column "age" holds "thirty" in data row 7');
  });
});

describe('conditionedRowSource', () => {
  const rows = [{ g: 'a', y: 'yes', x: 1 }, { g: 'b', y: 'no', x: 5 }, { g: 'a', y: '', x: 9 }];

  test('when filters and a derived outcome are given, then rows are kept and the 0/1 column added (missing stays missing)', async () => {
    const source = conditionedRowSource(arrayRowSource(rows), { where: ['x > 2'], derived: ['y = yes'] });
    expect(await source.columns()).toEqual(['g', 'y', 'x', 'y = yes']);
    const seen = [];
    for await (const row of source.rows()) seen.push(row);
    expect(seen).toEqual([{ g: 'b', y: 'no', x: 5, 'y = yes': 0 }, { g: 'a', y: '', x: 9, 'y = yes': null }]);
  });

  test('when a condition names an unknown column, then the error names it', async () => {
    await expect(conditionedRowSource(arrayRowSource(rows), { where: ['colour = red'] }).columns()).rejects.toThrow('Unknown column "colour" in the condition "colour = red"');
  });
});

describe('modelTerms', () => {
  test('when predictors cross columns, then terms come as R orders them, main effects first', () => {
    expect(modelTerms(['race*sex', 'priors'])).toEqual({ columns: ['race', 'sex', 'priors'], terms: [[0], [1], [2], [0, 1]] });
    expect(modelTerms(['a*b*c']).terms).toEqual([[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]]);
    // R names the term by the order the columns first appear: b + a + a:b has the term b:a.
    expect(modelTerms(['b', 'a', 'a:b'])).toEqual({ columns: ['b', 'a'], terms: [[0], [1], [0, 1]] });
    expect(modelTerms(['age', 'age']).terms).toEqual([[0]]);
    expect(modelTerms(['time:stamp', 'a*b'], (name) => name === 'time:stamp').columns).toEqual(['time:stamp', 'a', 'b']);
  });

  test('when a predictor cannot be read, then the error names it', () => {
    expect(() => modelTerms(['race*'])).toThrow('Cannot read the predictor "race*": a column name is missing after "*"');
    expect(() => modelTerms(['a*b:c'])).toThrow(/"a\*b:c": use either \*/);
    expect(() => modelTerms(['a:a'])).toThrow('The predictor "a:a" names a column twice');
  });
});
