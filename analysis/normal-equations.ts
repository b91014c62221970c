/**
 * The weighted normal equations XᵀWX β = XᵀWz, accumulated row by row (skipping a row's zero
 * entries, so a factor's dummies cost nothing where they are 0) and solved by Cholesky
 * (Golub & Van Loan, Matrix Computations, 4th ed., §4.2 and §5.3.2).
 *
 * About p²/2 multiply-adds a row against p² for the streamed QR, but the error in β grows with
 * the square of X's condition number, so it serves only where that is harmless and checked: the
 * intermediate steps of IRLS (logistic.ts), whose results the next step corrects, and only while
 * every Cholesky pivot keeps at least 1e-6 of its column's squared norm (Σ w x_j²): a column at
 * most that close to the span of the others, so κ² stays below about 10⁶ in the scale of the
 * columns and β keeps about seven digits or more (the next IRLS step corrects them; the reported
 * step is a QR). Otherwise `solve` says no and the caller takes the QR.
 */
import { QR_RANK_TOLERANCE, QrFactor } from './streaming-qr';

const SMALLEST_RELATIVE_PIVOT = 1e-6;
/**
 * A normal-equations solution is reported as it is (no QR) when every Cholesky pivot keeps at
 * least this share of its column's squared norm: κ² below about 10⁴ in the scale of the columns,
 * so β and (XᵀWX)⁻¹ keep about eleven digits, far inside R's agreement. Used by IRLS for its
 * final step (logistic-irls.ts) and by OLS (ols-normal-equations.ts).
 */
export const FINAL_RELATIVE_PIVOT = 1e-4;
/** How far from the QR's rank tolerance (QR_RANK_TOLERANCE) a diagonal must be for the normal equations to decide alone. */
const RANK_MARGIN = 10;
/** A residual sum of squares reported from the normal equations keeps at least this share of zᵀWz. */
const SMALLEST_RESIDUAL_SHARE = 1e-6;

export class NormalEquations {
  /** XᵀWX, upper triangle, row by row. */
  private readonly gram: Float64Array;
  private readonly moment: Float64Array;
  private readonly nonzero: Int32Array;
  /** Σ w z², for the residual sum of squares. */
  private responseSquares = 0;

  constructor(private readonly columnCount: number) {
    this.gram = new Float64Array(columnCount * columnCount);
    this.moment = new Float64Array(columnCount);
    this.nonzero = new Int32Array(columnCount);
  }

  addRow(x: ArrayLike<number>, response: number, weight: number): void {
    const p = this.columnCount;
    const nonzero = this.nonzero;
    let count = 0;
    for (let j = 0; j < p; j += 1) if (x[j] !== 0) nonzero[count++] = j;
    this.addNonzero(x, nonzero, count, response, weight);
  }

  /**
   * Adds a row whose non-zero entries are at `columns[0 … count)` (ascending; x is 0 elsewhere),
   * as a model frame lists them: about count²/2 multiply-adds, whatever p is.
   */
  addNonzero(x: ArrayLike<number>, columns: Int32Array, count: number, response: number, weight: number): void {
    const p = this.columnCount;
    const { gram, moment } = this;
    this.responseSquares += weight * response * response;
    for (let a = 0; a < count; a += 1) {
      const i = columns[a];
      const weighted = weight * x[i];
      moment[i] += weighted * response;
      const row = i * p;
      for (let b = a; b < count; b += 1) {
        const j = columns[b];
        gram[row + j] += weighted * x[j];
      }
    }
  }

  /**
   * The Cholesky factor R (RᵀR = XᵀWX) as a QrFactor (β = R⁻¹u with Rᵀu = XᵀWz; (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ;
   * its residual sum of squares zᵀWz − uᵀu), the smallest pivot relative to its column's squared
   * norm, and zᵀWz; or undefined when a pivot is below 1e-6 (see above). The residual sum of
   * squares is a difference: its rounding error is about p·ε·zᵀWz, so a caller that reports it
   * checks it is not a tiny share of zᵀWz (and centres z first).
   */
  solve(): { factor: QrFactor; smallestRelativePivot: number; responseSquares: number } | undefined {
    const p = this.columnCount;
    const { gram, moment } = this;
    const r = Array.from({ length: p }, () => new Float64Array(p));
    let smallestRelativePivot = Infinity;
    for (let j = 0; j < p; j += 1) {
      let pivot = gram[j * p + j];
      for (let k = 0; k < j; k += 1) pivot -= r[k][j] * r[k][j];
      const relative = pivot / gram[j * p + j];
      if (!(relative > SMALLEST_RELATIVE_PIVOT)) return undefined;
      smallestRelativePivot = Math.min(smallestRelativePivot, relative);
      const diagonal = Math.sqrt(pivot);
      r[j][j] = diagonal;
      for (let i = j + 1; i < p; i += 1) {
        let sum = gram[j * p + i];
        for (let k = 0; k < j; k += 1) sum -= r[k][j] * r[k][i];
        r[j][i] = sum / diagonal;
      }
    }
    // Rᵀu = XᵀWz; the factor then solves Rβ = u.
    const u = new Array<number>(p).fill(0);
    let explained = 0;
    for (let i = 0; i < p; i += 1) {
      let sum = moment[i];
      for (let k = 0; k < i; k += 1) sum -= r[k][i] * u[k];
      u[i] = sum / r[i][i];
      explained += u[i] * u[i];
    }
    const residual = Math.max(this.responseSquares - explained, 0);
    return { factor: new QrFactor(r, u, residual), smallestRelativePivot, responseSquares: this.responseSquares };
  }

  /**
   * The solution as a factor that may stand in for the streamed QR's (same R up to rounding: both
   * have a positive diagonal), or undefined when the caller must take the QR:
   * - a pivot keeps less than FINAL_RELATIVE_PIVOT of its column's squared norm (ill-conditioned);
   * - a diagonal of R is within a factor 10 of the QR's rank tolerance, 1e-7 of the column's norm
   *   (`squaredNorms`, Σ w x² of the columns as the QR sees them; by default this system's own,
   *   when nothing was shifted): the QR then decides, and names constant or collinear terms;
   * - the residual sum of squares keeps less than 1e-6 of zᵀWz (it is a difference; see `solve`).
   */
  solveInPlaceOfQr(squaredNorms?: ArrayLike<number>): QrFactor | undefined {
    const solved = this.solve();
    if (!solved || solved.smallestRelativePivot < FINAL_RELATIVE_PIVOT) return undefined;
    const { factor, responseSquares } = solved;
    const p = this.columnCount;
    for (let j = 0; j < p; j += 1) {
      const diagonal = factor.r[j][j];
      const norm = squaredNorms ? squaredNorms[j] : this.gram[j * p + j];
      if (!(diagonal * diagonal > (RANK_MARGIN * QR_RANK_TOLERANCE) ** 2 * norm)) return undefined;
    }
    if (!(factor.residualSumOfSquares >= SMALLEST_RESIDUAL_SHARE * responseSquares)) return undefined;
    return factor;
  }
}
