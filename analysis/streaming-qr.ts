/**
 * An R factor accumulated from a stream of rows (Golub & Van Loan, Matrix Computations, 4th ed.,
 * §5.2 and §6.5): memory is O(p²) whatever the number of rows, and the factorisation is backward
 * stable, unlike inverting XᵀX. Columns are declared before the first row.
 *
 * Rows are gathered into a block of 128, stored column by column; a full block is stacked under R
 * and brought back to triangular form by p Householder reflections, as LAPACK's `dtpqrt` does
 * (and R's `qr`, LINPACK's `dqrdc2`, factors by Householder too). That costs about p² multiply-adds
 * a row in plain loops over contiguous memory — a third of rotating each row in by Givens
 * rotations (2p² multiplications and p square roots a row), which this class did before.
 *
 * After all rows: RᵀR = XᵀWX, `qty` = Qᵀ√W y (first p entries), and `residualSumOfSquares`
 * holds the weighted squared residual that the reflections moved out of the p-dimensional space.
 */
const BLOCK_ROWS = 128;
/** R's `lm` rank tolerance (qr tol = 1e-7): a diagonal of R at most this share of its column's norm makes the column deficient. */
export const QR_RANK_TOLERANCE = 1e-7;

export class StreamingQr {
  /** Upper-triangular rows: r[i][j] for j ≥ i. */
  private readonly r: Float64Array[] = [];
  private readonly qty: number[];
  private residual = 0;
  /** The pending rows, column by column: column j at [j·BLOCK_ROWS, (j+1)·BLOCK_ROWS); column p is √w y. */
  private readonly block: Float64Array;
  private pending = 0;

  constructor(private readonly columnCount: number) {
    for (let i = 0; i < columnCount; i += 1) this.r.push(new Float64Array(columnCount));
    this.qty = new Array<number>(columnCount).fill(0);
    this.block = new Float64Array((columnCount + 1) * BLOCK_ROWS);
  }

  /**
   * Adds one observation. `x` has one entry per column (missing trailing entries count as zero);
   * `weight` is the IRLS or survey weight (1 for OLS).
   */
  addRow(x: ArrayLike<number>, y: number, weight = 1): void {
    const p = this.columnCount;
    const scale = Math.sqrt(weight);
    const block = this.block;
    const row = this.pending;
    const given = Math.min(p, x.length);
    for (let j = 0; j < given; j += 1) block[j * BLOCK_ROWS + row] = x[j] * scale;
    for (let j = given; j < p; j += 1) block[j * BLOCK_ROWS + row] = 0;
    block[p * BLOCK_ROWS + row] = y * scale;
    this.pending = row + 1;
    if (this.pending === BLOCK_ROWS) this.reduce();
  }

  /** Stacks the pending rows under R and reflects them away, column by column. */
  private reduce(): void {
    const rows = this.pending;
    if (rows === 0) return;
    const p = this.columnCount;
    const block = this.block;
    for (let j = 0; j < p; j += 1) {
      const column = j * BLOCK_ROWS;
      let below = 0;
      for (let i = 0; i < rows; i += 1) below += block[column + i] * block[column + i];
      if (below === 0) continue;
      const rj = this.r[j];
      const diagonal = rj[j];
      const norm = Math.sqrt(diagonal * diagonal + below);
      // v = (diagonal − norm, block column j): the reflection I − 2vvᵀ/vᵀv maps (diagonal, column)
      // to (norm, 0). Parlett's form of diagonal − norm avoids cancellation when diagonal > 0.
      const head = diagonal <= 0 ? diagonal - norm : -below / (diagonal + norm);
      const scale = 2 / (head * head + below);
      for (let k = j + 1; k <= p; k += 1) {
        const other = k * BLOCK_ROWS;
        const top = k < p ? rj[k] : this.qty[j];
        let dot = head * top;
        for (let i = 0; i < rows; i += 1) dot += block[column + i] * block[other + i];
        const factor = dot * scale;
        if (k < p) rj[k] = top - factor * head;
        else this.qty[j] = top - factor * head;
        for (let i = 0; i < rows; i += 1) block[other + i] -= factor * block[column + i];
      }
      rj[j] = norm;
    }
    const response = p * BLOCK_ROWS;
    for (let i = 0; i < rows; i += 1) this.residual += block[response + i] * block[response + i];
    this.pending = 0;
  }

  get residualSumOfSquares(): number {
    this.reduce();
    return this.residual;
  }

  /** The finished factor. */
  finish(): QrFactor {
    this.reduce();
    return new QrFactor(this.r, this.qty, this.residual);
  }
}

/** A finished factor: solve for coefficients and their covariance. */
export class QrFactor {
  constructor(
    readonly r: Float64Array[],
    readonly qty: number[],
    readonly residualSumOfSquares: number,
  ) {}

  get size(): number {
    return this.r.length;
  }

  /**
   * Indices of columns whose diagonal is negligible: constant or collinear with earlier columns.
   * The tolerance follows R's `lm` (QR_RANK_TOLERANCE, relative to the column's scale).
   */
  deficientColumns(columnNorms: readonly number[], tolerance = QR_RANK_TOLERANCE): number[] {
    const deficient: number[] = [];
    for (let i = 0; i < this.r.length; i += 1) {
      if (Math.abs(this.r[i][i]) <= tolerance * Math.max(columnNorms[i], Number.MIN_VALUE)) deficient.push(i);
    }
    return deficient;
  }

  /** β = R⁻¹ Qᵀy by back substitution. */
  coefficients(): number[] {
    const p = this.r.length;
    const beta = new Array<number>(p).fill(0);
    for (let i = p - 1; i >= 0; i -= 1) {
      let sum = this.qty[i];
      for (let j = i + 1; j < p; j += 1) sum -= this.r[i][j] * beta[j];
      beta[i] = sum / this.r[i][i];
    }
    return beta;
  }

  /** R⁻¹ (upper triangular), so (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ. */
  inverse(): number[][] {
    const p = this.r.length;
    const inverse = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let column = 0; column < p; column += 1) {
      inverse[column][column] = 1 / this.r[column][column];
      for (let i = column - 1; i >= 0; i -= 1) {
        let sum = 0;
        for (let j = i + 1; j <= column; j += 1) sum += this.r[i][j] * inverse[j][column];
        inverse[i][column] = -sum / this.r[i][i];
      }
    }
    return inverse;
  }

  /** (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ. */
  unscaledCovariance(): number[][] {
    const inverse = this.inverse();
    const p = inverse.length;
    const covariance = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < p; i += 1) {
      for (let j = i; j < p; j += 1) {
        let sum = 0;
        for (let k = Math.max(i, j); k < p; k += 1) sum += inverse[i][k] * inverse[j][k];
        covariance[i][j] = sum;
        covariance[j][i] = sum;
      }
    }
    return covariance;
  }
}
