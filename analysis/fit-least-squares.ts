/**
 * One (weighted) least-squares pass over a model frame: the streaming QR factor, the column norms
 * for the rank check, and a clear error when a predictor is constant or collinear.
 */
import { AnalysisError } from './analysis-error';
import type { ModelFrame } from './model-frame';
import { StreamingQr, type QrFactor } from './streaming-qr';

/** Fits y (or the working response) on the frame's design; `weightOf` gives IRLS weights. */
export function fitLeastSquares(
  frame: ModelFrame,
  responseOf: (x: Float64Array, y: number, rowIndex: number) => { response: number; weight: number } = (_x, y) => ({ response: y, weight: 1 }),
): QrFactor {
  const p = frame.terms.length;
  const qr = new StreamingQr(p);
  const squaredNorms = new Array<number>(p).fill(0);
  let rowIndex = 0;
  frame.forEachRow((x, y) => {
    const { response, weight } = responseOf(x, y, rowIndex);
    rowIndex += 1;
    for (let j = 0; j < p; j += 1) squaredNorms[j] += x[j] * x[j] * weight;
    qr.addRow(x, response, weight);
  });
  const factor = qr.finish();
  const deficient = factor.deficientColumns(squaredNorms.map(Math.sqrt));
  if (deficient.length > 0) {
    const names = deficient.map((index) => frame.terms[index].name);
    throw new AnalysisError(
      `The predictor term(s) ${names.map((name) => `"${name}"`).join(', ')} are constant or an exact combination of other predictors (collinear), so their effect cannot be estimated. Remove them.`,
    );
  }
  return factor;
}
