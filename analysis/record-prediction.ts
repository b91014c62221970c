/**
 * Predicted versus actual for one record, from a model on the legitimate factors alone.
 */
import { AnalysisError } from './analysis-error';
import { isMissing, levelOf, numberOf } from './cells';
import { fitLogistic } from './logistic';
import { buildModelFrame, type ModelFrame } from './model-frame';
import { fitOls } from './ols';
import { arrayRowSource } from './row-source';
import type { ReferenceLevels, Row, RowSource } from './types';

export interface PredictionOptions {
  outcome: string;
  legitimate: string[];
  reference?: ReferenceLevels;
}

export interface RecordModel {
  model: 'ols' | 'logistic';
  n: number;
  predictors: string[];
  /** The record's prediction, residual and residual percentile among the fitted rows. */
  predict(record: Row): RecordPrediction;
}

export interface RecordPrediction {
  model: 'ols' | 'logistic';
  n: number;
  /** The predicted mean outcome (OLS) or probability (logistic). */
  predicted: number;
  actual: number;
  residual: number;
  /** Mid-rank percentile of the record's residual among all rows' residuals. */
  residualPercentile: number | null;
  predictors: string[];
}

type ModelShape = Pick<ModelFrame, 'terms' | 'factors'>;

function designRow(frame: ModelShape, record: Row): Float64Array {
  const x = new Float64Array(frame.terms.length);
  frame.terms.forEach((term, index) => {
    if (index === 0) x[index] = 1;
    else if (term.parts) x[index] = term.parts.reduce((product, part) => product * (part.level === undefined ? numberOf(record[part.column]!) : levelOf(record[part.column]!).trim() === part.level ? 1 : 0), 1);
    else if (term.level === undefined) x[index] = numberOf(record[term.column]!);
    else x[index] = levelOf(record[term.column]!).trim() === term.level ? 1 : 0;
  });
  return x;
}

function isBinary(frame: ModelFrame): boolean {
  let binary = true;
  frame.forEachRow((_x, y) => {
    if (y !== 0 && y !== 1) binary = false;
  });
  return binary;
}

/**
 * A model of the outcome on the legitimate factors alone, fitted once, that then places any
 * record: the fit and every row's residual are computed at fitting, so placing a record costs
 * a dot product and a binary search — what a server needs to answer many donors per dataset.
 * See `recordPrediction` for the method; `predict` returns exactly what it returns.
 *
 * @throws AnalysisError as `ols`/`logistic` do (unknown column, constant predictor …); `predict`
 *   throws as `recordPrediction` does for a record that does not fit the model.
 * @example
 *   const model = await fitRecordModel(rows, { outcome: 'amount', legitimate: ['duration_months', 'installment_rate', 'housing'], reference: { housing: 'own' } });
 *   model.predict(record) // { model: 'ols', predicted: 7968.68, actual: 5951, residual: -2017.68, residualPercentile: 9.05, … }
 */
export async function fitRecordModel(input: RowSource | readonly Row[], options: PredictionOptions): Promise<RecordModel> {
  const source = Array.isArray(input) ? arrayRowSource(input) : (input as RowSource);
  const frame = await buildModelFrame(source, { outcome: options.outcome, predictors: options.legitimate, reference: options.reference });
  try {
    const binary = frame.outcomeNumeric && isBinary(frame);
    const fit = binary ? fitLogistic(frame) : fitOls(frame);
    const beta = fit.coefficients.map((coefficient) => coefficient.estimate);
    const linear = (x: Float64Array) => x.reduce((sum, value, index) => sum + value * beta[index], 0);
    const predict = (x: Float64Array) => (binary ? 1 / (1 + Math.exp(-linear(x))) : linear(x));
    const residuals = new Float64Array(frame.n);
    let index = 0;
    frame.forEachRow((x, y) => {
      residuals[index] = y - predict(x);
      index += 1;
    });
    residuals.sort();
    const shape = { terms: frame.terms, factors: frame.factors };
    const model = binary ? 'logistic' as const : 'ols' as const;
    return {
      model,
      n: frame.n,
      predictors: options.legitimate,
      predict(record: Row): RecordPrediction {
        for (const column of [options.outcome, ...options.legitimate]) {
          if (isMissing(record[column])) throw new AnalysisError(`The record has no value for "${column}".`);
        }
        checkRecordFits(shape, record);
        const predicted = predict(designRow(shape, record));
        const actual = numberOf(record[options.outcome]!);
        const residual = actual - predicted;
        return { model, n: frame.n, predicted, actual, residual, residualPercentile: midRankPercentile(residuals, residual), predictors: options.legitimate };
      },
    };
  } finally {
    frame.close();
  }
}

/** 100·(#below + ½·#equal)/n of `target` among sorted `values` (as `MidRankPercentile`), by binary search. */
function midRankPercentile(sorted: Float64Array, target: number): number | null {
  if (sorted.length === 0 || !Number.isFinite(target)) return null;
  const bound = (strict: boolean) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (strict ? sorted[middle] < target : sorted[middle] <= target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const below = bound(true);
  return (100 * (below + (bound(false) - below) / 2)) / sorted.length;
}

/**
 * Predicted versus actual for one record: the outcome is fitted on the legitimate factors alone
 * — OLS (`ols.ts`, R's `lm`) for a numeric outcome, logistic regression (`logistic.ts`, R's
 * `glm(family = binomial)`) for a 0/1 one — over all rows, then
 * predicted = x'β̂ (OLS) or 1/(1 + e^(−x'β̂)) (logistic), residual = actual − predicted, and the
 * residual's mid-rank percentile 100·(#below + ½·#equal)/n among all n rows' residuals
 * (the record included when it is among the rows). A large negative residual says: people with
 * the same legitimate factors usually fared better. Memory is bounded by the model and the n
 * residuals, not by the rows' other columns.
 *
 * @throws AnalysisError as `ols`/`logistic` do (unknown column, constant predictor …), and when the
 *   record lacks a value, has a non-number where the model has a number, or a level the model has
 *   never seen.
 * @example
 *   await recordPrediction(rows, record, { outcome: 'amount', legitimate: ['duration_months', 'installment_rate', 'housing'], reference: { housing: 'own' } })
 *   // { model: 'ols', predicted: 7968.68, actual: 5951, residual: -2017.68, residualPercentile: 9.05, … }
 */
export async function recordPrediction(input: RowSource | readonly Row[], record: Row, options: PredictionOptions): Promise<RecordPrediction> {
  for (const column of [options.outcome, ...options.legitimate]) {
    if (isMissing(record[column])) throw new AnalysisError(`The record has no value for "${column}".`);
  }
  return (await fitRecordModel(input, options)).predict(record);
}

/** The record must have numbers where the model has numbers and levels the model has seen. */
function checkRecordFits(frame: ModelShape, record: Row): void {
  for (const term of frame.terms.slice(1)) {
    if (term.level === undefined && !term.parts && !Number.isFinite(numberOf(record[term.column]!))) {
      throw new AnalysisError(`The record's "${term.column}" is not a number.`);
    }
  }
  for (const [column, factor] of frame.factors) {
    const level = levelOf(record[column]!).trim();
    if (!factor.levels.includes(level)) throw new AnalysisError(`No one else has "${column}" = "${level}", so no prediction can be made for it.`);
  }
}
