/**
 * Calibration and discrimination of a risk score by group: does the same score mean the same
 * risk in every group, and does the score rank people as well in every group?
 */
import { AnalysisError } from './analysis-error';
import { aucDeLong, equalAucTest, type AucEstimate } from './auc-delong';
import { chiSquareUpperTail } from './distributions';
import { requireColumns } from './group-key';
import { groupLabel } from './intersect-groups';
import { fitNestedLogistic, type LogisticResult } from './logistic';
import { buildModelFrame, type ModelFrame } from './model-frame';
import { frameGroupCodes } from './frame-group-codes';
import { smallGroupWarnings } from './small-group-warnings';
import { withGroupColumn } from './with-group-column';
import type { RowSource } from './types';
import { wilsonInterval } from './wilson-interval';

export interface CalibrationOptions {
  /** The 0/1 outcome the score predicts. */
  truth: string;
  /** A numeric score; higher means more likely outcome 1. */
  score: string;
  groups: string[];
  reference?: string;
  /** How many score bins (default 10): quantile bins, or one per value when the score has no more values. */
  bins?: number;
  minGroupSize?: number;
  onProgress?: (rowsRead: number) => void;
}

export interface CalibrationBin {
  group: string;
  /** 1-based bin number; the bin holds scores in (low, high], the first also low itself. */
  bin: number;
  low: number;
  high: number;
  n: number;
  events: number;
  rate: number;
  ciLow: number;
  ciHigh: number;
  meanScore: number;
}

export interface LikelihoodRatioTest {
  statistic: number;
  df: number;
  pValue: number;
}

export interface CalibrationResult {
  truth: string;
  score: string;
  group: string;
  reference: string;
  n: number;
  dropped: number;
  /** The bin edges (bins + 1 numbers, fewer when quantiles coincide). */
  breaks: number[];
  bins: CalibrationBin[];
  /**
   * Logistic models of the truth on the score: `interaction` tests score × group (score + group
   * against score * group: does a unit of score mean the same change in every group?);
   * `groupAndInteraction` tests group and score × group together (score alone against
   * score * group: does the same score mean the same risk in every group?).
   */
  logistic: { interaction: LikelihoodRatioTest; groupAndInteraction: LikelihoodRatioTest; model: LogisticResult };
  auc: Array<{ group: string; n: number; events: number } & AucEstimate>;
  /** Equal AUCs across groups: DeLong's z for two groups, the Wald chi-square for more. */
  aucTest: { method: string; statistic: number; df: number; pValue: number; z?: number } | null;
  warnings: string[];
}

class GrowingSample {
  scores = new Float64Array(1024);
  outcomes = new Uint8Array(1024);
  length = 0;

  push(score: number, outcome: number): void {
    if (this.length === this.scores.length) {
      const scores = new Float64Array(this.length * 2);
      scores.set(this.scores);
      this.scores = scores;
      const outcomes = new Uint8Array(this.length * 2);
      outcomes.set(this.outcomes);
      this.outcomes = outcomes;
    }
    this.scores[this.length] = score;
    this.outcomes[this.length] = outcome;
    this.length += 1;
  }
}

/** R's `quantile(x, probs, type = 7)` of sorted `x`. */
function quantileType7(sorted: Float64Array, probability: number): number {
  const index = (sorted.length - 1) * probability;
  const low = Math.floor(index);
  const high = Math.ceil(index);
  const h = index - low;
  return h > 0 && sorted[high] !== sorted[low] ? (1 - h) * sorted[low] + h * sorted[high] : sorted[low];
}

/** Bin edges: one bin per distinct value when there are at most `bins`, else unique quantiles. */
function binBreaks(sorted: Float64Array, bins: number): { breaks: number[]; byValue: boolean } {
  const distinct: number[] = [];
  for (let index = 0; index < sorted.length && distinct.length <= bins; index += 1) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) distinct.push(sorted[index]);
  }
  if (distinct.length <= bins) return { breaks: distinct, byValue: true };
  const breaks: number[] = [];
  for (let k = 0; k <= bins; k += 1) {
    const edge = quantileType7(sorted, k / bins);
    if (breaks.length === 0 || edge !== breaks[breaks.length - 1]) breaks.push(edge);
  }
  return { breaks, byValue: false };
}

/** The 1-based bin of `score`: (b[i−1], b[i]], the first bin closed below (R's `cut(include.lowest = TRUE)`). */
function binOf(score: number, breaks: number[], byValue: boolean): number {
  let low = 0;
  let high = breaks.length - 1;
  if (byValue) {
    while (low < high) {
      const middle = (low + high) >> 1;
      if (breaks[middle] < score) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }
  // The smallest i ≥ 1 with score ≤ breaks[i].
  low = 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (score <= breaks[middle]) high = middle;
    else low = middle + 1;
  }
  return low;
}


/**
 * Per score bin and group: rows, events, the observed rate with Wilson's 95% interval and the
 * mean score (a calibration table; R: `cut(score, unique(quantile(score, 0:bins/bins)),
 * include.lowest = TRUE)` and `prop.test(correct = FALSE)`). Logistic likelihood-ratio tests
 * (`anova(glm(truth ~ score + group), glm(truth ~ score * group), test = "LRT")`, and the same
 * from `truth ~ score`) of whether the score means the same in every group. Per group the AUC
 * with DeLong's interval (`pROC::ci.auc(method = "delong")`) and a test of equal AUCs (see
 * `equalAucTest`). Memory: the AUC needs every score, so this keeps 9 bytes a row.
 *
 * @throws AnalysisError for an unknown column, a non-0/1 truth or non-numeric score (naming a
 *   value), a group column with one level, an unknown reference level, an empty selection.
 * @example
 *   const result = await calibration(csvRowSource('compas.csv'), { truth: 'two_year_recid', score: 'decile_score', groups: ['race'] });
 *   result.logistic.interaction.pValue; // small: a point of score means different things by race
 */
export async function calibration(source: RowSource, options: CalibrationOptions): Promise<CalibrationResult> {
  const bins = options.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 2) throw new AnalysisError(`The number of bins must be a whole number of at least 2 (got ${bins}).`);
  requireColumns(await source.columns(), [options.truth, options.score, ...options.groups]);
  // One read of the data: the model frame (rows complete in truth, score and group) gives both
  // the samples for the bins and AUCs and the design of the logistic models.
  const groupColumn = groupLabel(options.groups);
  const frame = await buildModelFrame(withGroupColumn(source, options.groups, groupColumn), {
    outcome: options.truth,
    predictors: [`${options.score}*${groupColumn}`],
    reference: options.reference !== undefined ? { [groupColumn]: referenceLevelOf(options.reference, options.groups) } : {},
    categorical: [groupColumn],
  }, options);
  try {
    return analyse(frame, options, groupColumn, bins);
  } finally {
    frame.close();
  }
}

function analyse(frame: ModelFrame, options: CalibrationOptions, groupColumn: string, bins: number): CalibrationResult {
  if (frame.terms[1].name !== options.score) {
    const text = frame.factors.get(options.score)?.levels.find((level) => !Number.isFinite(Number(level)));
    throw new AnalysisError(`The score "${options.score}" must be a number (found "${text ?? ''}").`);
  }
  if (!frame.outcomeNumeric) throw new AnalysisError(`The outcome "${options.truth}" must be 0 or 1 in every row (found "${frame.outcomeText ?? ''}"); give a condition such as "${options.truth} = ${frame.outcomeText ?? 'LEVEL'}".`);
  const groups = frameGroupCodes(frame, groupColumn);
  const samples = groups.levels.map(() => new GrowingSample());
  frame.forEachRow((x, y) => {
    if (y !== 0 && y !== 1) throw new AnalysisError(`The outcome "${options.truth}" must be 0 or 1 in every row (found ${y}).`);
    samples[groups.codeOf(x)].push(x[1], y);
  });
  const names = groups.levels;
  const reference = groups.reference;
  const sampleOf = (name: string) => samples[names.indexOf(name)];

  const total = names.reduce((sum, name) => sum + sampleOf(name).length, 0);
  const everyScore = new Float64Array(total);
  let offset = 0;
  for (const name of names) {
    const sample = sampleOf(name);
    everyScore.set(sample.scores.subarray(0, sample.length), offset);
    offset += sample.length;
  }
  everyScore.sort();
  const { breaks, byValue } = binBreaks(everyScore, bins);
  const binCount = byValue ? breaks.length : breaks.length - 1;

  const calibrationBins: CalibrationBin[] = [];
  const auc: CalibrationResult['auc'] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const sample = sampleOf(name);
    const counts = Array.from({ length: binCount }, () => ({ n: 0, events: 0, scoreSum: 0 }));
    let events = 0;
    for (let index = 0; index < sample.length; index += 1) {
      const cell = counts[binOf(sample.scores[index], breaks, byValue) - 1];
      cell.n += 1;
      cell.events += sample.outcomes[index];
      cell.scoreSum += sample.scores[index];
      events += sample.outcomes[index];
    }
    counts.forEach((cell, index) => {
      if (cell.n === 0) return;
      const interval = wilsonInterval(cell.events, cell.n);
      calibrationBins.push({
        group: name,
        bin: index + 1,
        low: breaks[index],
        high: byValue ? breaks[index] : breaks[index + 1],
        n: cell.n,
        events: cell.events,
        rate: cell.events / cell.n,
        ciLow: interval.low,
        ciHigh: interval.high,
        meanScore: cell.scoreSum / cell.n,
      });
    });
    const outcomes = sample.outcomes.subarray(0, sample.length);
    if (events < 2 || sample.length - events < 2) {
      warnings.push(`Group "${name}" has ${events} events and ${sample.length - events} non-events: no AUC (it needs two of each).`);
      continue;
    }
    auc.push({ group: name, n: sample.length, events, ...aucDeLong(sample.scores.subarray(0, sample.length), outcomes) });
  }
  warnings.unshift(...smallGroupWarnings(names.map((name) => ({ group: name, n: sampleOf(name).length })), options.minGroupSize ?? 5));

  let aucTest: CalibrationResult['aucTest'] = null;
  if (auc.length >= 2) {
    const test = equalAucTest(auc);
    aucTest = { method: auc.length === 2 ? 'DeLong z test for two independent ROC curves' : `Wald chi-square test of ${auc.length} independent AUCs (DeLong variances)`, ...test };
  }

  let logistic: CalibrationResult['logistic'];
  {
    const groupTerms = frame.terms.map((term, index) => (term.column === groupColumn ? index : -1)).filter((index) => index >= 0);
    const [full, additive, scoreOnly] = fitNestedLogistic(frame, [frame.terms.map((_, index) => index), [0, 1, ...groupTerms], [0, 1]]);
    const test = (smaller: LogisticResult, df: number): LikelihoodRatioTest => {
      const statistic = Math.max(smaller.deviance - full.deviance, 0);
      return { statistic, df, pValue: chiSquareUpperTail(statistic, df) };
    };
    logistic = { interaction: test(additive, groupTerms.length), groupAndInteraction: test(scoreOnly, 2 * groupTerms.length), model: full };
  }

  return {
    truth: options.truth,
    score: options.score,
    group: groupColumn,
    reference,
    n: total,
    dropped: frame.dropped,
    breaks,
    bins: calibrationBins,
    logistic,
    auc,
    aucTest,
    warnings: [...warnings, ...logistic.model.warnings],
  };
}

/** `--reference race=Caucasian` and `--reference Caucasian` both name level "Caucasian" of one group column. */
function referenceLevelOf(reference: string, groups: readonly string[]): string {
  const prefix = `${groups[0]}=`;
  return groups.length === 1 && reference.startsWith(prefix) ? reference.slice(prefix.length) : reference;
}
