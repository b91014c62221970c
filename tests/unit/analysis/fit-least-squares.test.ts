import { fitLeastSquares, fitLeastSquaresByQr } from '../../../analysis/fit-least-squares';
import { buildModelFrame } from '../../../analysis/model-frame';
import { arrayRowSource } from '../../../analysis/row-source';

/** 2,000 rows: a 40-level factor, a 3-level one and two numbers (44 columns), the second `second(first, index)`. */
function rows(second: (first: number, index: number) => number): Array<Record<string, number | string>> {
  let state = 5;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  return Array.from({ length: 2000 }, (_, index) => {
    const first = uniform() * 10;
    const level = Math.floor(uniform() * 40);
    return { y: first + Math.cos(level) + uniform(), first, second: second(first, index), level: `l${level}`, kind: ['a', 'b', 'c'][index % 3] };
  });
}
const spec = { outcome: 'y', predictors: ['first', 'second', 'level', 'kind'] };

describe('fitLeastSquares', () => {
  test('when the design is well-conditioned, then the normal equations give the QR\'s factor, coefficients and residual sum of squares', async () => {
    const frame = await buildModelFrame(arrayRowSource(rows((_first, index) => index % 11)), spec);
    try {
      const fast = fitLeastSquares(frame);
      const qr = fitLeastSquaresByQr(frame);
      expect(fast.size).toBe(44);
      fast.r.forEach((row, i) => row.forEach((value, j) => expect(Math.abs(value - qr.r[i][j])).toBeLessThanOrEqual(1e-9 * Math.abs(qr.r[i][i]))));
      fast.coefficients().forEach((value, index) => expect(Math.abs(value - qr.coefficients()[index])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value))));
      expect(Math.abs(fast.residualSumOfSquares - qr.residualSumOfSquares)).toBeLessThanOrEqual(1e-9 * qr.residualSumOfSquares);
    } finally {
      frame.close();
    }
  });

  test('when a column is a combination of others, then the QR still names it', async () => {
    const frame = await buildModelFrame(arrayRowSource(rows((first) => 2 * first + 3)), spec);
    try {
      expect(() => fitLeastSquares(frame)).toThrow(/"second" are constant or an exact combination/);
    } finally {
      frame.close();
    }
  });
});
