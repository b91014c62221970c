import { coxPh } from '../../../analysis/cox-ph';
import { kaplanMeier } from '../../../analysis/kaplan-meier';
import { csvRowSource } from '../../../analysis/load-csv';
import { arrayRowSource } from '../../../analysis/row-source';
import { survival } from '../../../analysis/survival';
import { AUDIT_CSV, auditorReference } from '../../helpers/auditor-fixtures';
import { expectMatchesR } from '../../helpers/fixtures';

const reference = auditorReference();

describe('survival against R', () => {
  test('when time to event is compared by group, then Kaplan–Meier, survdiff, coxph (Efron) and cox.zph match R', async () => {
    const result = await survival(csvRowSource(AUDIT_CSV), { time: 'days', event: 'event', groups: ['race'], reference: 'Caucasian' });
    expectMatchesR(result, reference.survival_race);
  });

  test('when predictors adjust the Cox model, then hazard ratios, intervals, the three tests and cox.zph per term match R', async () => {
    const result = await survival(csvRowSource(AUDIT_CSV), { time: 'days', event: 'event', groups: ['race'], reference: 'Caucasian', predictors: ['priors', 'age', 'sex'] });
    expectMatchesR(result, reference.survival_adjusted);
    expect(result.dropped).toBe(7);
  });
});

describe('survival building blocks', () => {
  test('when S is exactly one half over an interval, then the median is the midpoint, as survfit', () => {
    const curve = kaplanMeier(Float64Array.of(1, 2, 3, 4), Uint8Array.of(1, 1, 1, 1));
    expect(curve.steps.map((step) => step.survival)).toEqual([0.75, 0.5, 0.25, 0]);
    expect(curve.median).toBe(2.5);
    expect(curve.steps[3]).toMatchObject({ stdErr: null, ciLow: null, ciHigh: null });
  });

  test('when a time is negative or an event is not 0/1, then Kaplan–Meier says so', () => {
    expect(() => kaplanMeier([-1], [1])).toThrow('at least 0 (got -1)');
    expect(() => kaplanMeier([1], [2])).toThrow('An event must be 0 or 1 (got 2)');
  });

  test('when no one has the event, then the survival analysis says there is nothing to analyse', async () => {
    const rows = [{ t: 1, e: 0, g: 'a' }, { t: 2, e: 0, g: 'b' }, { t: 3, e: 0, g: 'a' }];
    await expect(survival(arrayRowSource(rows), { time: 't', event: 'e', groups: ['g'] })).rejects.toThrow('No row has the event ("e" = 1)');
  });

  test('when the event is text, then the error asks for a condition', async () => {
    const rows = [{ t: 1, e: 'dead', g: 'a' }, { t: 2, e: 'alive', g: 'b' }];
    await expect(survival(arrayRowSource(rows), { time: 't', event: 'e', groups: ['g'] })).rejects.toThrow('The event "e" must be 0 or 1 in every row; for a text column give a condition such as "e = dead"');
  });

  test('when a covariate never varies, then coxPh refuses it by name', () => {
    expect(() => coxPh({ times: Float64Array.of(1, 2, 3), events: Uint8Array.of(1, 1, 0), covariates: [Float64Array.of(1, 1, 1)], names: ['x'], terms: [{ name: 'x', columns: [0] }] })).toThrow('"x" do not vary');
  });
});

describe('crossed groups', () => {
  test('when two group columns are crossed, then each combination gets a curve and a hazard ratio against the reference combination', async () => {
    const result = await survival(csvRowSource(AUDIT_CSV), { time: 'days', event: 'event', groups: ['race', 'sex'], reference: 'race=Caucasian & sex=Male' });
    expect(result.curves).toHaveLength(8);
    expect(result.group).toBe('race × sex');
    expect(result.cox.coefficients.map((coefficient) => coefficient.term)).toContain('race × sex=race=African-American & sex=Male');
    expect(result.logRank.df).toBe(7);
  });
});
