/**
 * One (weighted) least-squares pass over a model frame: the streaming QR factor, the column norms
 * for the rank check, and a clear error when a predictor is constant or collinear.
 */
import { AnalysisError } from './analysis-error';
import type { ModelFrame } from './model-frame';
import { StreamingQr, type QrFactor } from './streaming-qr';

/** What `prepare` sets for each row: the (working) response and its weight. */
export interface WorkingRow {
  response: number;
  weight: number;
}

/**
 * Fits y (or IRLS's working response) on the frame's design. `prepare` fills one reused
 * `WorkingRow` per row, so a pass over a million rows allocates nothing per row.
 */
export function fitLeastSquares(
  frame: ModelFrame,
  prepare: (x: Float64Array, y: number, target: WorkingRow) => void = (_x, y, target) => {
    target.response = y;
    target.weight = 1;
  },
): QrFactor {
  const p = frame.terms.length;
  const qr = new StreamingQr(p);
  const squaredNorms = new Array<number>(p).fill(0);
  const working: WorkingRow = { response: 0, weight: 1 };
  frame.forEachRow((x, y) => {
    prepare(x, y, working);
    for (let j = 0; j < p; j += 1) squaredNorms[j] += x[j] * x[j] * working.weight;
    qr.addRow(x, working.response, working.weight);
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
