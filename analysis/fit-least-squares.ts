/**
 * One (weighted) least-squares pass over a model frame: the streaming QR factor, the column norms
 * for the rank check, and a clear error when a predictor is constant or collinear.
 */
import { AnalysisError } from './analysis-error';
import type { ModelFrame, Term } from './model-frame';
import { StreamingQr, type QrFactor } from './streaming-qr';

/** What `prepare` sets for each row: the (working) response and its weight. */
export interface WorkingRow {
  response: number;
  weight: number;
}

/**
 * One least-squares pass fed row by row (so that several models can share a pass over the frame):
 * the streaming QR factor and the column norms for the rank check.
 */
export class LeastSquaresPass {
  private readonly qr: StreamingQr;
  private readonly squaredNorms: Float64Array;

  constructor(private readonly terms: readonly Term[]) {
    this.qr = new StreamingQr(terms.length);
    this.squaredNorms = new Float64Array(terms.length);
  }

  addRow(x: ArrayLike<number>, response: number, weight: number): void {
    const squaredNorms = this.squaredNorms;
    for (let j = 0; j < squaredNorms.length; j += 1) squaredNorms[j] += x[j] * x[j] * weight;
    this.qr.addRow(x, response, weight);
  }

  /** The factor; @throws AnalysisError naming constant or collinear terms. */
  finish(): QrFactor {
    const factor = this.qr.finish();
    const deficient = factor.deficientColumns(Array.from(this.squaredNorms, Math.sqrt));
    if (deficient.length > 0) {
      const names = deficient.map((index) => this.terms[index].name);
      throw new AnalysisError(
        `The predictor term(s) ${names.map((name) => `"${name}"`).join(', ')} are constant or an exact combination of other predictors (collinear), so their effect cannot be estimated. Remove them.`,
      );
    }
    return factor;
  }
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
  const pass = new LeastSquaresPass(frame.terms);
  const working: WorkingRow = { response: 0, weight: 1 };
  frame.forEachRow((x, y) => {
    prepare(x, y, working);
    pass.addRow(x, working.response, working.weight);
  });
  return pass.finish();
}
