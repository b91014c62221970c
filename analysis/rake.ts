/**
 * Raking: weights that make the sample's margins equal known population margins.
 */
import { AnalysisError } from './analysis-error';

/** One margin: each row's level (index into `totals`) and the population total of each level. */
export interface RakingMargin {
  /** The column's name, for errors and tables. */
  name: string;
  levels: readonly string[];
  /** Per row: the index of its level in `levels`. */
  cells: Int32Array;
  /** Per level: the population total (a count, or a share: only proportions matter for means). */
  totals: readonly number[];
}

export interface RakeOptions {
  /** Sweeps over all margins at most (R: `control$maxit`). Default 100. */
  maxIterations?: number;
  /**
   * Stop when no cell of the cross-table of the margins' columns changes its weighted count by
   * `epsilon` or more in a sweep; below 1 it is relative to the sum of the starting weights
   * (R's rule, `control$epsilon`). Default 1e-10: converged to the last digits.
   */
  epsilon?: number;
}

export interface RakedWeights {
  /** The raked weight of each row. */
  weights: Float64Array;
  /**
   * Per margin, the weights just after that margin was matched in the last sweep: the variance
   * of a raked estimate projects on each margin with these (R keeps them as the `weights`
   * attribute of each post-stratum of the "raking" design).
   */
  marginWeights: Float64Array[];
  margins: readonly RakingMargin[];
  iterations: number;
  converged: boolean;
}

/**
 * Iterative proportional fitting (Deming & Stephan 1940, "On a least squares adjustment of a
 * sampled frequency table when the expected marginal totals are known", Ann. Math. Statist.
 * 11:427–444; Lumley, Complex Surveys, 2010, §7.3): each sweep post-stratifies on every margin in
 * turn, multiplying the weights of the rows in a level by population total / weighted sample
 * total, until the weighted cross-table of the margins' columns stops changing.
 *
 * R: `rake(svydesign(ids = ~donor, data = d), list(~age_band, ~sex), list(ageTotals, sexTotals),
 * control = list(maxit = 100, epsilon = 1e-10))`. R's default (`epsilon = 1`) stops when no cell
 * moves by one unit of the population totals, so its weights depend on whether the totals are
 * people or thousands; this function iterates to convergence instead (the reference script uses
 * the same rule).
 *
 * @param margins each margin's levels, each row's level, and the population totals.
 * @param initial the weights before raking (default 1 per row, as `svydesign` without weights).
 * @throws AnalysisError when a margin's totals do not match its levels, a total is not positive,
 *   or a level of the population has no row in the sample (R: "Some strata absent from sample").
 * @example
 *   const raked = rake([{ name: 'sex', levels: ['female', 'male'], cells: Int32Array.from([0, 0, 0, 1]), totals: [51, 49] }]);
 *   raked.weights; // [17, 17, 17, 49]
 */
export function rake(margins: readonly RakingMargin[], initial?: Float64Array, options: RakeOptions = {}): RakedWeights {
  if (margins.length === 0) throw new AnalysisError('Raking needs at least one population margin.');
  const rows = margins[0].cells.length;
  const weights = initial ? Float64Array.from(initial) : new Float64Array(rows).fill(1);
  for (const margin of margins) checkMargin(margin, weights);
  const maxIterations = options.maxIterations ?? 100;
  const requested = options.epsilon ?? 1e-10;
  const epsilon = requested < 1 ? requested * weights.reduce((sum, weight) => sum + weight, 0) : requested;

  const cross = crossCells(margins, rows);
  let oldTable = crossTable(cross, weights);
  const marginWeights = margins.map(() => new Float64Array(rows));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    margins.forEach((margin, index) => {
      postStratify(margin, weights);
      marginWeights[index].set(weights);
    });
    const newTable = crossTable(cross, weights);
    let delta = 0;
    for (let cell = 0; cell < newTable.length; cell += 1) delta = Math.max(delta, Math.abs(newTable[cell] - oldTable[cell]));
    iterations += 1;
    if (delta < epsilon) {
      converged = true;
      break;
    }
    oldTable = newTable;
  }
  return { weights, marginWeights, margins, iterations, converged };
}

function checkMargin(margin: RakingMargin, weights: Float64Array): void {
  if (margin.totals.length !== margin.levels.length) throw new AnalysisError(`The margin "${margin.name}" has ${margin.levels.length} levels but ${margin.totals.length} population totals.`);
  if (margin.cells.length !== weights.length) throw new AnalysisError(`The margin "${margin.name}" has ${margin.cells.length} rows, not ${weights.length}.`);
  margin.totals.forEach((total, level) => {
    if (!(total > 0) || !Number.isFinite(total)) throw new AnalysisError(`The population total of ${margin.name} = ${margin.levels[level]} must be a positive number (got ${total}).`);
  });
  const present = new Uint8Array(margin.levels.length);
  for (const cell of margin.cells) present[cell] = 1;
  const absent = margin.levels.filter((_level, index) => !present[index]);
  if (absent.length > 0) {
    throw new AnalysisError(`No row has ${absent.map((level) => `${margin.name} = ${level}`).join(', ')}, so the sample cannot be raked to that margin: merge the level with a neighbour in the margins or leave the margin out.`);
  }
}

/** Multiplies each row's weight by its level's population total / weighted sample total. */
function postStratify(margin: RakingMargin, weights: Float64Array): void {
  const sampleTotals = new Float64Array(margin.levels.length);
  for (let row = 0; row < weights.length; row += 1) sampleTotals[margin.cells[row]] += weights[row];
  const factors = sampleTotals.map((total, level) => margin.totals[level] / total);
  for (let row = 0; row < weights.length; row += 1) weights[row] *= factors[margin.cells[row]];
}

/** Each row's cell in the cross-classification of all margins' columns (only combinations that occur). */
function crossCells(margins: readonly RakingMargin[], rows: number): { cells: Int32Array; count: number } {
  const index = new Map<string, number>();
  const cells = new Int32Array(rows);
  for (let row = 0; row < rows; row += 1) {
    const key = margins.map((margin) => margin.cells[row]).join(',');
    let cell = index.get(key);
    if (cell === undefined) {
      cell = index.size;
      index.set(key, cell);
    }
    cells[row] = cell;
  }
  return { cells, count: index.size };
}

function crossTable(cross: { cells: Int32Array; count: number }, weights: Float64Array): Float64Array {
  const table = new Float64Array(cross.count);
  for (let row = 0; row < weights.length; row += 1) table[cross.cells[row]] += weights[row];
  return table;
}
