import { NormalEquations } from '../../../analysis/normal-equations';
import { StreamingQr } from '../../../analysis/streaming-qr';

/** Rows of an intercept, two numbers and a dummy, with a third number `third(row)`. */
function fitBoth(third: (first: number, second: number, index: number) => number): { normal: number[] | undefined; qr: number[] } {
  const normal = new NormalEquations(5);
  const qr = new StreamingQr(5);
  let state = 17;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  for (let index = 0; index < 5000; index += 1) {
    const first = uniform() * 10;
    const second = 50 + uniform();
    const x = [1, first, second, index % 3 === 0 ? 1 : 0, third(first, second, index)];
    const weight = 0.1 + uniform();
    const y = 2 + 0.5 * first - second / 10 + x[3] + uniform();
    normal.addRow(x, y, weight);
    qr.addRow(x, y, weight);
  }
  return { normal: normal.solve()?.factor.coefficients(), qr: qr.finish().coefficients() };
}

describe('NormalEquations', () => {
  test('when the columns are far from collinear, then beta equals the QR\'s to 1e-7', () => {
    const { normal, qr } = fitBoth((first, second, index) => (index % 7) * second);
    expect(normal).toBeDefined();
    normal!.forEach((value, index) => expect(Math.abs(value - qr[index]) / Math.abs(qr[index])).toBeLessThan(1e-7));
  });

  test('when a column is nearly a combination of the others, then it declines so that the caller takes the QR', () => {
    let noise = 0;
    expect(fitBoth((first, second) => first + 2 * second + 1e-5 * Math.sin((noise += 1))).normal).toBeUndefined();
    expect(fitBoth((first) => 3 * first).normal).toBeUndefined();
  });
});
