import { fitLeastSquaresByQr } from '../../../analysis/fit-least-squares';
import { ols } from '../../../analysis/ols';
import { solveOlsByNormalEquations } from '../../../analysis/ols-normal-equations';
import { arrayRowSource } from '../../../analysis/row-source';
import { expectMatchesR } from '../../helpers/fixtures';

// The real functions, watched: which path a fit took (QR or normal equations), and a way to force the QR.
jest.mock('../../../analysis/fit-least-squares', () => {
  const actual = jest.requireActual('../../../analysis/fit-least-squares');
  return { ...actual, fitLeastSquaresByQr: jest.fn(actual.fitLeastSquaresByQr) };
});
jest.mock('../../../analysis/ols-normal-equations', () => {
  const actual = jest.requireActual('../../../analysis/ols-normal-equations');
  return { ...actual, solveOlsByNormalEquations: jest.fn(actual.solveOlsByNormalEquations) };
});
const qrSpy = jest.mocked(fitLeastSquaresByQr);

function uniforms(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** 3,000 rows, 1,000 donors: a 60-level factor, a 4-level one, a number and a year (2015–2023): 65 columns, 6 non-zero a row. */
function manyLevels(): Array<Record<string, number | string>> {
  const uniform = uniforms(7);
  return Array.from({ length: 3000 }, (_, index) => {
    const region = Math.floor(uniform() * 60);
    const x = uniform() * 10;
    const year = 2015 + (index % 9);
    const kind = ['a', 'b', 'c', 'd'][Math.floor(uniform() * 4)];
    const y = 3 + 0.5 * x + 0.1 * (year - 2015) + Math.sin(region) + (kind === 'b' ? 0.7 : 0) + 2 * (uniform() - 0.5);
    return { y, x, year, region: `r${String(region).padStart(2, '0')}`, kind, donor: `d${Math.floor(index / 3)}` };
  });
}

/** x2 = x1 + 10⁻³·noise: the normal equations would lose about six more digits than the QR. */
function nearlyCollinear(): Array<Record<string, number | string>> {
  const uniform = uniforms(11);
  return Array.from({ length: 400 }, (_, index) => {
    const x1 = uniform() * 10;
    const x2 = x1 + 1e-3 * (uniform() - 0.5);
    const g = ['p', 'q', 'r'][index % 3];
    return { y: 1 + x1 + x2 + (g === 'q' ? 0.5 : 0) + (uniform() - 0.5), x1, x2, g };
  });
}

const manyLevelsSpec = { outcome: 'y', predictors: ['x', 'year', 'region', 'kind'], cluster: 'donor' };

beforeEach(() => jest.clearAllMocks());

describe('OLS by sparse normal equations', () => {
  test('when a design has many dummy levels, then the sparse normal equations give the QR\'s numbers and R\'s', async () => {
    const sparse = await ols(arrayRowSource(manyLevels()), manyLevelsSpec);
    // Not the QR, although the year (2019 ± 2.6) would leave unshifted pivots of 2e-6 < 1e-4: the shift keeps it.
    expect(qrSpy).not.toHaveBeenCalled();
    jest.mocked(solveOlsByNormalEquations).mockReturnValueOnce(undefined);
    const dense = await ols(arrayRowSource(manyLevels()), manyLevelsSpec);
    expect(qrSpy).toHaveBeenCalledTimes(1);
    expect(sparse.coefficients).toHaveLength(65);
    // The same fit to far inside R's tolerance: estimates, clustered errors, tests and R².
    sparse.coefficients.forEach((coefficient, index) => {
      const other = dense.coefficients[index];
      expect(coefficient.term).toBe(other.term);
      expect(Math.abs(coefficient.estimate - other.estimate)).toBeLessThanOrEqual(1e-9 * Math.abs(other.estimate));
      expect(Math.abs(coefficient.stdError - other.stdError)).toBeLessThanOrEqual(1e-9 * other.stdError);
    });
    expect(Math.abs(sparse.rSquared - dense.rSquared)).toBeLessThan(1e-12);
    expect(Math.abs(sparse.fStatistic! - dense.fStatistic!)).toBeLessThanOrEqual(1e-9 * dense.fStatistic!);
    // R: m <- lm(y ~ x + year + region + kind, d); coeftest(m, vcov. = vcovCL(m, cluster = ~donor, type = "HC1"));
    // waldtest(m, vcov = vcovCL(m, cluster = ~donor, type = "HC1"), test = "F")
    const pick = (term: string) => sparse.coefficients.find((coefficient) => coefficient.term === term);
    expectMatchesR(
      ['(Intercept)', 'x', 'year', 'region=r59', 'kind=b'].map(pick),
      [
        { estimate: -192.083971557169803646, stdError: 8.3381005655232218743, pValue: 4.4325500583111633e-108 },
        { estimate: 0.491414703059399494, stdError: 0.0037037861765711337, pValue: 0 },
        { estimate: 0.096808385569027405, stdError: 0.0041296170739339435, pValue: 1.5247023747397955e-111 },
        { estimate: 0.672423627449492467, stdError: 0.1168817493912832628, pValue: 9.6700819030556692e-09 },
        { estimate: 0.661797276117436883, stdError: 0.0298897704390903192, pValue: 1.3996941946313157e-100 },
      ],
    );
    expectMatchesR(sparse, { n: 3000, dfResidual: 2935, rSquared: 0.89127974059897352, adjRSquared: 0.88890900921850824, fStatistic: 392.89434834483149, clustered: { clusters: 1000 } });
  });

  test('when two predictors are nearly collinear, then the normal equations decline, the QR fits, and the numbers are R\'s', async () => {
    const result = await ols(arrayRowSource(nearlyCollinear()), { outcome: 'y', predictors: ['x1', 'x2', 'g'] });
    expect(qrSpy).toHaveBeenCalledTimes(1);
    // R: summary(lm(y ~ x1 + x2 + g, d))
    expectMatchesR(result, {
      coefficients: [
        { term: '(Intercept)', estimate: 1.043620914774010089, stdError: 0.03476093424483321, pValue: 5.5694873727035883e-104 },
        { term: 'x1', estimate: 52.737598178147017336, stdError: 55.454236256547247308, pValue: 3.4218023680752585e-1 },
        { term: 'x2', estimate: -50.740769237009402559, stdError: 55.453915047162773533, pValue: 3.607457212110970e-1 },
        { term: 'g=q', estimate: 0.481049106401412629, stdError: 0.036407569870374711, pValue: 2.9074668197628558e-33 },
        { term: 'g=r', estimate: -0.034320814104312813, stdError: 0.036368573003244586, pValue: 3.459027444391799e-1 },
      ],
      rSquared: 0.99750479753026389,
      fStatistic: 39477.196720846325,
    });
  });

  test('when a predictor is collinear, then the QR still decides and names it', async () => {
    const rows = nearlyCollinear().map((row) => ({ ...row, twice: 2 * (row.x1 as number) }));
    await expect(ols(arrayRowSource(rows), { outcome: 'y', predictors: ['x1', 'g', 'twice'] })).rejects.toThrow(/"twice" are constant or an exact combination/);
    expect(qrSpy).toHaveBeenCalledTimes(1);
  });
});
