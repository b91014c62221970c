/**
 * An R factor accumulated one row at a time by Givens rotations (Golub & Van Loan, Matrix
 * Computations, 4th ed., §5.1.8 and §6.5): memory is O(p²) whatever the number of rows, and the
 * factorisation is backward stable, unlike inverting XᵀX. Columns are declared before the first row.
 *
 * After all rows: RᵀR = XᵀWX, `qty` = Qᵀ√W y (first p entries), and `residualSumOfSquares`
 * holds the weighted squared residual that rotations moved out of the p-dimensional space.
 */
export class StreamingQr {
  /** Upper-triangular rows: r[i][j] for j ≥ i. */
  private readonly r: Float64Array[] = [];
  private readonly qty: number[];
  private residual = 0;
  private readonly work: Float64Array;

  constructor(columnCount: number) {
    for (let i = 0; i < columnCount; i += 1) this.r.push(new Float64Array(columnCount));
    this.qty = new Array<number>(columnCount).fill(0);
    this.work = new Float64Array(columnCount);
  }

  /**
   * Rotates one observation into the factor. `x` has one entry per column (missing trailing
   * entries count as zero); `weight` is the IRLS or survey weight (1 for OLS).
   */
  addRow(x: ArrayLike<number>, y: number, weight = 1): void {
    const p = this.r.length;
    const scale = Math.sqrt(weight);
    const row = this.work;
    for (let j = 0; j < p; j += 1) row[j] = j < x.length ? x[j] * scale : 0;
    let response = y * scale;
    for (let i = 0; i < p; i += 1) {
      const xi = row[i];
      if (xi === 0) continue;
      const ri = this.r[i];
      const diagonal = ri[i];
      // sqrt rather than Math.hypot, which is several times slower in V8; overflow would need |x| > 1e150.
      const radius = Math.sqrt(diagonal * diagonal + xi * xi);
      const cosine = diagonal / radius;
      const sine = xi / radius;
      ri[i] = radius;
      for (let j = i + 1; j < p; j += 1) {
        const rij = ri[j];
        const xj = row[j];
        ri[j] = cosine * rij + sine * xj;
        row[j] = cosine * xj - sine * rij;
      }
      const qi = this.qty[i];
      this.qty[i] = cosine * qi + sine * response;
      response = cosine * response - sine * qi;
    }
    this.residual += response * response;
  }

  get residualSumOfSquares(): number {
    return this.residual;
  }

  /** The finished factor. */
  finish(): QrFactor {
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
   * The tolerance follows R's `lm` (qr tol = 1e-7, relative to the column's scale).
   */
  deficientColumns(columnNorms: readonly number[], tolerance = 1e-7): number[] {
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
