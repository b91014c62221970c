/**
 * Ordinary least squares by the normal equations XᵀX β = Xᵀy over a model frame's rows, touching
 * only each row's non-zero design entries: a row of a design with a hundred dummies has a handful
 * of them, so a row costs about (its non-zeros)²/2 multiply-adds instead of the streamed QR's p².
 *
 * The normal equations square X's condition number, so they are used only where that is harmless
 * and checked (Golub & Van Loan, Matrix Computations, 4th ed., §5.3.2 and §5.3.7):
 * - Numbers are shifted before they are summed: each numeric column (a number or a product of
 *   numbers: dummies stay 0/1, so sparse) by its value in the first row, and y by the first y
 *   (the "shifted data" of Chan, Golub & LeVeque, Am. Stat. 37(3), 1983). A shift subtracts a
 *   multiple of the intercept column, so it changes neither the column space nor the slopes:
 *   with X̃ = XA, A = I − e₀cᵀ, β = Aβ̃ (only the intercept moves, β₀ = β̃₀ − Σ cⱼβ̃ⱼ + c_y) and
 *   (XᵀX)⁻¹ = A(X̃ᵀX̃)⁻¹Aᵀ. A column such as a year (2020 ± 3) then costs no digits.
 * - Every Cholesky pivot must keep at least FINAL_RELATIVE_PIVOT (1e-4) of its shifted column's
 *   squared norm — the guard IRLS uses to report a step without QR (logistic-irls.ts): κ² stays
 *   below about 10⁴ in the scale of the columns, so β and (XᵀX)⁻¹ keep about eleven digits.
 * - The rank decision stays the QR's: R's diagonal is the same in both factorisations (up to
 *   sign, and the shift leaves it unchanged), so a diagonal within a factor 10 of the QR's
 *   tolerance (1e-7 of the unshifted column norm, QrFactor.deficientColumns) is left to the QR,
 *   which then names the constant or collinear terms exactly as before.
 * - The residual sum of squares ỹᵀỹ − uᵀu is a difference, good to about p·ε·ỹᵀỹ: it must keep at
 *   least 1e-6 of ỹᵀỹ (R² below 1 − 10⁻⁶ or so), else the QR, which reflects it out exactly.
 * When any check fails, `solveOlsByNormalEquations` returns undefined and the caller takes the QR
 * (fit-least-squares.ts), so accuracy is never lost, only the saving.
 */
import type { ModelFrame } from './model-frame';
import { NormalEquations } from './normal-equations';

/** A least-squares fit of y on the frame's design, as ols.ts reports it. */
export interface LeastSquaresSolution {
  beta: number[];
  /** (XᵀX)⁻¹. */
  unscaledCovariance: number[][];
  residualSumOfSquares: number;
}

/**
 * One pass over the frame: β, (XᵀX)⁻¹ and the residual sum of squares, or undefined when the
 * normal equations are not trusted (see above). `onOutcome(y)` sees every row's y, in order.
 */
export function solveOlsByNormalEquations(frame: ModelFrame, onOutcome: (y: number) => void): LeastSquaresSolution | undefined {
  const terms = frame.terms;
  const p = terms.length;
  // Numeric columns (no dummy among their parts) are dense and get shifted; the intercept is 0.
  const shiftedColumns = Int32Array.from(
    terms.flatMap((term, index) => (index > 0 && term.level === undefined && (term.parts ?? []).every((part) => part.level === undefined) ? [index] : [])),
  );
  const shifts = new Float64Array(p);
  let responseShift = 0;
  let first = true;
  const equations = new NormalEquations(p);
  const squaredNorms = new Float64Array(p);
  // The row's entries after shifting: the listed non-zeros and every shifted column, ascending.
  const columns = new Int32Array(p);
  const values = new Float64Array(p);
  const shiftedCount = shiftedColumns.length;
  frame.forEachRow((x, y, _cluster, nonzero, nonzeroCount) => {
    onOutcome(y);
    if (first) {
      for (const column of shiftedColumns) shifts[column] = x[column];
      responseShift = y;
      first = false;
    }
    let count = 0;
    let listed = 0;
    let shifted = 0;
    while (listed < nonzeroCount || shifted < shiftedCount) {
      const fromList = listed < nonzeroCount ? nonzero[listed] : p;
      const fromShifts = shifted < shiftedCount ? shiftedColumns[shifted] : p;
      if (fromShifts <= fromList) {
        columns[count] = fromShifts;
        values[fromShifts] = x[fromShifts] - shifts[fromShifts];
        shifted += 1;
        if (fromShifts === fromList) listed += 1;
      } else {
        columns[count] = fromList;
        values[fromList] = x[fromList];
        listed += 1;
      }
      count += 1;
    }
    for (let index = 0; index < nonzeroCount; index += 1) {
      const column = nonzero[index];
      squaredNorms[column] += x[column] * x[column];
    }
    equations.addNonzero(values, columns, count, y - responseShift, 1);
  });
  if (first) return undefined;
  // The checks above (NormalEquations.solveInPlaceOfQr), the rank one against the unshifted norms.
  const factor = equations.solveInPlaceOfQr(squaredNorms);
  if (!factor) return undefined;

  // Back from the shifted columns: only the intercept's row and column change.
  const beta = factor.coefficients();
  const covariance = factor.unscaledCovariance();
  let intercept = beta[0] + responseShift;
  for (const column of shiftedColumns) intercept -= shifts[column] * beta[column];
  beta[0] = intercept;
  if (shiftedCount > 0) {
    // Row 0 of A·V: V₀ⱼ − Σₖ cₖVₖⱼ; then column 0 of (A·V)·Aᵀ the same way.
    const row = covariance[0].slice();
    for (const k of shiftedColumns) {
      const shift = shifts[k];
      if (shift === 0) continue;
      const other = covariance[k];
      for (let j = 0; j < p; j += 1) row[j] -= shift * other[j];
    }
    let corner = row[0];
    for (const k of shiftedColumns) corner -= shifts[k] * row[k];
    for (let j = 1; j < p; j += 1) {
      covariance[0][j] = row[j];
      covariance[j][0] = row[j];
    }
    covariance[0][0] = corner;
  }
  return { beta, unscaledCovariance: covariance, residualSumOfSquares: factor.residualSumOfSquares };
}
