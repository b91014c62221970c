/**
 * Time to an event by group ("how long until deactivation, by group"): Kaplan–Meier curves, the
 * log-rank test and a Cox model, read through the shared model frame so that predictors,
 * interactions, reference levels and missing values work as in `regress`.
 */
import { AnalysisError } from './analysis-error';
import { coxPh, type CoxResult } from './cox-ph';
import { frameGroupCodes } from './frame-group-codes';
import { groupLabel } from './intersect-groups';
import { kaplanMeier, type KaplanMeierCurve } from './kaplan-meier';
import { logRank } from './log-rank';
import { buildModelFrame } from './model-frame';
import { smallGroupWarnings } from './small-group-warnings';
import { withGroupColumn } from './with-group-column';
import type { ReferenceLevels, RowSource } from './types';

export interface SurvivalOptions {
  time: string;
  /** 1 when the event happened at `time`, 0 when the row was censored then. */
  event: string;
  groups: string[];
  reference?: string;
  /** More covariates for the Cox model (adjusted hazard ratios), with interactions as in regress. */
  predictors?: string[];
  /** Reference levels of categorical predictors. */
  predictorReference?: ReferenceLevels;
  minGroupSize?: number;
  onProgress?: (rowsRead: number) => void;
}

export interface SurvivalResult {
  time: string;
  event: string;
  group: string;
  reference: string;
  n: number;
  events: number;
  dropped: number;
  curves: Array<{ group: string } & KaplanMeierCurve>;
  logRank: { groups: Array<{ group: string; n: number; observed: number; expected: number }>; statistic: number; df: number; pValue: number };
  cox: CoxResult;
  warnings: string[];
}


/**
 * Per group the Kaplan–Meier curve (`survfit(Surv(time, event) ~ group)`), the log-rank test
 * (`survdiff(Surv(time, event) ~ group)`), and the Cox model with Efron ties on the group and any
 * predictors (`coxph(Surv(time, event) ~ group + …)`) with hazard ratios, their intervals and
 * `cox.zph`. Rows missing the time, event, group or a predictor are dropped and counted.
 *
 * @throws AnalysisError for an unknown column, a time that is negative or not a number, an event
 *   that is not 0/1, a group column with one level, an unknown reference, no event at all, or
 *   covariates that cannot be estimated.
 * @example
 *   const result = await survival(csvRowSource('deactivations.csv'), { time: 'days', event: 'deactivated', groups: ['nationality'] });
 *   result.cox.coefficients[0].hazardRatio; // how much faster one group is deactivated
 */
export async function survival(source: RowSource, options: SurvivalOptions): Promise<SurvivalResult> {
  const groupColumn = groupLabel(options.groups);
  const predictors = options.predictors ?? [];
  const columns = await source.columns();
  for (const column of [options.time, options.event, ...options.groups]) {
    if (!columns.includes(column)) throw new AnalysisError(`Unknown column "${column}". Columns are: ${columns.join(', ')}.`);
  }
  if (predictors.some((predictor) => predictor.split(/[*:]/).map((part) => part.trim()).includes(options.event))) throw new AnalysisError(`The event "${options.event}" cannot also be a predictor.`);
  // The event goes in as the first predictor: the frame then drops the same rows for it, and its
  // column is read back out of the design instead of a second pass.
  const frame = await buildModelFrame(withGroupColumn(source, options.groups, groupColumn), {
    outcome: options.time,
    predictors: [options.event, groupColumn, ...predictors],
    reference: { ...options.predictorReference, ...(options.reference !== undefined ? { [groupColumn]: referenceLevelOf(options.reference, options.groups) } : {}) },
    categorical: [groupColumn],
  }, options);
  try {
    if (!frame.outcomeNumeric) throw new AnalysisError(`The time "${options.time}" must be a number in every row (found "${frame.outcomeText ?? ''}").`);
    if (frame.terms[1].name !== options.event) throw new AnalysisError(`The event "${options.event}" must be 0 or 1 in every row; for a text column give a condition such as "${options.event} = ${frame.factors.get(options.event)?.levels.at(-1) ?? 'yes'}".`);
    const groupCodes = frameGroupCodes(frame, groupColumn);
    const levels = groupCodes.levels;
    const covariateIndices = frame.terms.map((_term, index) => index).slice(2);
    const n = frame.n;
    const times = new Float64Array(n);
    const events = new Uint8Array(n);
    const codes = new Int32Array(n);
    const covariates = covariateIndices.map(() => new Float64Array(n));
    let row = 0;
    frame.forEachRow((x, y) => {
      if (!(y >= 0)) throw new AnalysisError(`The time "${options.time}" must be at least 0 (found ${y}).`);
      const event = x[1];
      if (event !== 0 && event !== 1) throw new AnalysisError(`The event "${options.event}" must be 0 or 1 in every row (found ${event}).`);
      times[row] = y;
      events[row] = event;
      codes[row] = groupCodes.codeOf(x);
      for (let column = 0; column < covariateIndices.length; column += 1) covariates[column][row] = x[covariateIndices[column]];
      row += 1;
    });
    const totalEvents = events.reduce((sum, event) => sum + event, 0);
    if (totalEvents === 0) throw new AnalysisError(`No row has the event ("${options.event}" = 1): there is nothing to analyse.`);

    const sizes = new Int32Array(levels.length);
    for (const code of codes) sizes[code] += 1;
    const groupTimes = levels.map((_level, code) => new Float64Array(sizes[code]));
    const groupEvents = levels.map((_level, code) => new Uint8Array(sizes[code]));
    const filled = new Int32Array(levels.length);
    for (let index = 0; index < n; index += 1) {
      const code = codes[index];
      groupTimes[code][filled[code]] = times[index];
      groupEvents[code][filled[code]] = events[index];
      filled[code] += 1;
    }
    const curves = levels.map((level, code) => ({ group: level, ...kaplanMeier(groupTimes[code], groupEvents[code]) }));
    const test = logRank(times, events, codes, levels.length);
    const modelTerms = new Map<string, number[]>();
    covariateIndices.forEach((index, column) => {
      const term = frame.terms[index];
      const termName = term.parts ? term.parts.map((part) => part.column).join(':') : term.column;
      modelTerms.set(termName, [...(modelTerms.get(termName) ?? []), column]);
    });
    let cox: CoxResult;
    try {
      cox = coxPh({ times, events, covariates, names: covariateIndices.map((index) => frame.terms[index].name), terms: [...modelTerms].map(([name, indices]) => ({ name, columns: indices })) });
    } catch (error) {
      if (error instanceof RangeError) throw new AnalysisError(error.message);
      throw error;
    }
    return {
      time: options.time,
      event: options.event,
      group: groupColumn,
      reference: groupCodes.reference,
      n,
      events: totalEvents,
      dropped: frame.dropped,
      curves,
      logRank: { groups: levels.map((level, code) => ({ group: level, n: curves[code].n, observed: test.observed[code], expected: test.expected[code] })), statistic: test.statistic, df: test.df, pValue: test.pValue },
      cox,
      warnings: [
        ...smallGroupWarnings(curves.map((curve) => ({ group: curve.group, n: curve.n })), options.minGroupSize ?? 5),
        ...(cox.converged ? [] : [`The Cox model did not converge in ${cox.iterations} iterations; its estimates are not reliable.`]),
        ...cox.proportionalHazards.filter((entry) => entry.term !== 'GLOBAL' && entry.pValue < 0.05).map((entry) => `Proportional hazards doubtful for "${entry.term}" (cox.zph p = ${entry.pValue.toPrecision(3)}): its hazard ratio changes over time; read the curves, not one ratio.`),
      ],
    };
  } finally {
    frame.close();
  }
}

/** `--reference sex=male` and `--reference male` both name level "male" of one group column. */
function referenceLevelOf(reference: string, groups: readonly string[]): string {
  const prefix = `${groups[0]}=`;
  return groups.length === 1 && reference.startsWith(prefix) ? reference.slice(prefix.length) : reference;
}
