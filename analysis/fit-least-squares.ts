/**
 * One (weighted) least-squares pass over a model frame: the streaming QR factor, the column norms
 * for the rank check, and a clear error when a predictor is constant or collinear. `fitLeastSquares`
 * first tries the normal equations over each row's non-zero entries (normal-equations.ts), whose
 * Cholesky factor stands in for the QR's where it is well-conditioned and clear of the rank
 * tolerance, and takes the QR's pass otherwise.
 */
import { AnalysisError } from './analysis-error';
import type { ModelFrame, Term } from './model-frame';
import { NormalEquations } from './normal-equations';
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

type Prepare = (x: Float64Array, y: number, target: WorkingRow) => void;

const plainResponse: Prepare = (_x, y, target) => {
  target.response = y;
  target.weight = 1;
};

/**
 * Fits y (or a working response) on the frame's design: the factor R (RᵀR = XᵀWX) with Qᵀ√W z and
 * the residual sum of squares. `prepare` fills one reused `WorkingRow` per row, so a pass over a
 * million rows allocates nothing per row; it may run in two passes (the normal equations', then
 * the QR's when they decline), so it must depend on the row alone.
 * @throws AnalysisError naming constant or collinear terms (decided by the QR).
 */
export function fitLeastSquares(frame: ModelFrame, prepare: Prepare = plainResponse): QrFactor {
  const equations = new NormalEquations(frame.terms.length);
  const working: WorkingRow = { response: 0, weight: 1 };
  frame.forEachRow((x, y, _cluster, nonzero, count) => {
    prepare(x, y, working);
    equations.addNonzero(x, nonzero, count, working.response, working.weight);
  });
  return equations.solveInPlaceOfQr() ?? fitLeastSquaresByQr(frame, prepare);
}

/** The same by the streamed Householder QR alone (its own pass). */
export function fitLeastSquaresByQr(frame: ModelFrame, prepare: Prepare = plainResponse): QrFactor {
  const pass = new LeastSquaresPass(frame.terms);
  const working: WorkingRow = { response: 0, weight: 1 };
  frame.forEachRow((x, y) => {
    prepare(x, y, working);
    pass.addRow(x, working.response, working.weight);
  });
  return pass.finish();
}
