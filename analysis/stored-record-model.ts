/**
 * A record model kept as aggregates only — coefficients and a grid of residual percentiles — so
 * that a published release can place any donor's record later without keeping anyone's rows: a
 * withdrawn donor's record leaves nothing behind but their share in these numbers.
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import type { RecordPrediction } from './record-prediction';
import type { Row } from './types';

export interface StoredRecordModel {
  model: 'ols' | 'logistic';
  n: number;
  predictors: string[];
  /** The design's columns: `(Intercept)`, a number column, or `column=level` as `{ column, level }`. */
  terms: Array<{ column: string; level?: string }>;
  /** Each categorical predictor's levels seen in the fit. */
  levels: Record<string, string[]>;
  coefficients: number[];
  /** The residuals' 1st … 99th percentiles (R's `quantile(type = 7)`), ascending. */
  residualPercentiles: number[];
}

/** R's `quantile(residuals, (1:99)/100, type = 7)` of residuals sorted ascending. */
export function residualGrid(sorted: Float64Array): number[] {
  if (sorted.length === 0) return [];
  return Array.from({ length: 99 }, (_unused, index) => {
    const position = ((index + 1) / 100) * (sorted.length - 1);
    const low = Math.floor(position);
    const high = Math.min(low + 1, sorted.length - 1);
    return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
  });
}

/** Where `value` falls on a 1st…99th percentile grid, interpolated linearly, clamped to [0.5, 99.5]. */
function percentileOnGrid(grid: readonly number[], value: number): number | null {
  if (grid.length !== 99 || !Number.isFinite(value)) return null;
  if (value < grid[0]!) return 0.5;
  if (value > grid[98]!) return 99.5;
  let index = 0;
  while (index < 98 && grid[index + 1]! < value) index += 1;
  const [low, high] = [grid[index]!, grid[index + 1] ?? grid[index]!];
  // Ties across several grid points: the middle of the tied run, as a mid-rank would.
  if (high === low) {
    let last = index;
    while (last < 98 && grid[last + 1] === value) last += 1;
    return (index + last) / 2 + 1;
  }
  return index + 1 + (value - low) / (high - low);
}

/**
 * Predicted versus actual for a record from a stored model: predicted = x'β (OLS) or
 * 1/(1 + e^(−x'β)) (logistic), residual = actual − predicted, and the residual's percentile read
 * off the stored grid (interpolated between the 1st…99th percentiles, so about ±1 point of the
 * mid-rank percentile `recordPrediction` computes from all rows).
 * In R: `predict(fit, newdata = record)`, and `ecdf(residuals(fit))` for the percentile.
 *
 * @throws AnalysisError when the record lacks a value, has a non-number where the model has a
 *   number, or a level the model has never seen.
 * @example
 *   predictFromStoredModel(model.stored(), record, 'amount') // { model: 'ols', predicted: 7968.68, actual: 5951, residual: -2017.68, residualPercentile: 9.1, … }
 */
export function predictFromStoredModel(stored: StoredRecordModel, record: Row, outcome: string): RecordPrediction {
  for (const column of [outcome, ...stored.predictors]) {
    if (isMissing(record[column])) throw new AnalysisError(`The record has no value for "${column}".`);
  }
  const x = stored.terms.map((term, index) => {
    if (index === 0) return 1;
    if (term.level === undefined) {
      const value = numberOf(record[term.column]!);
      if (!Number.isFinite(value)) throw new AnalysisError(`The record's "${term.column}" is not a number.`);
      return value;
    }
    return levelOf(record[term.column]!).trim() === term.level ? 1 : 0;
  });
  for (const [column, levels] of Object.entries(stored.levels)) {
    const level = levelOf(record[column]!).trim();
    if (!levels.includes(level)) throw new AnalysisError(`No one else has "${column}" = "${level}", so no prediction can be made for it.`);
  }
  const linear = x.reduce((sum, value, index) => sum + value * stored.coefficients[index]!, 0);
  const predicted = stored.model === 'logistic' ? 1 / (1 + Math.exp(-linear)) : linear;
  const actual = numberOf(record[outcome]!);
  const residual = actual - predicted;
  return { model: stored.model, n: stored.n, predicted, actual, residual, residualPercentile: percentileOnGrid(stored.residualPercentiles, residual), predictors: stored.predictors };
}
