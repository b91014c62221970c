/**
 * One outcome against one protected attribute: each group's rate or mean (raw), each group
 * against the largest group, and the same difference adjusted for the legitimate factors by a
 * regression — every interval and test clustered by donor (a donor's records count as one
 * person's, as survey's svydesign(ids = ~donor) and sandwich::vcovCL(cluster = ~donor)). Groups with fewer than k donors are left out of every computation and shown only
 * as suppressed, so no number anywhere depends on them alone.
 */
import { AnalysisError } from '../../analysis/analysis-error';
import { clusteredGroupMeans } from '../../analysis/clustered-group-means';
import { logistic } from '../../analysis/logistic';
import { ols } from '../../analysis/ols';
import { arrayRowSource } from '../../analysis/row-source';
import type { Row } from '../../analysis/types';
import type { AdjustedEffect, Comparison, Effect, GroupSummary, Stratum } from './campaign-analyses-types';
import { DONOR_COLUMN } from './campaign-rows';
import { selectGroups } from './group-selection';

// Kept importable from here: callers (tests, personal packs) know the no-answer levels by this module.
export { NO_ANSWER_LEVELS } from './group-selection';
/** A legitimate factor enters the model only when this share of the rows answers it (else na.omit drops too many). */
export const MIN_FACTOR_COVERAGE = 0.8;

export interface ComparisonInput {
  rows: readonly Row[];
  outcome: string;
  attribute: string;
  kind: 'rate' | 'mean';
  legitimate: string[];
  /**
   * The dictionary's text fields: read as categories even when every value looks like a number
   * (a postcode region "10" is a place, not ten of something). The attribute always is one.
   */
  textFields: readonly string[];
  minGroupSize: number;
  /** The stratum the rows belong to (`{}`: all records of the outcome; null: pooled over strata). */
  stratum: Stratum;
  /** Pooled over strata: the stratum fields, the scale of the outcome, and the column naming each row's stratum (a fixed effect). */
  pooled?: Comparison['pooled'] & { column: string };
}

type FamilyFields = 'pValueAdjusted' | 'familyCiLow' | 'familyCiHigh' | 'familySize';
/** An adjusted effect before the family-wide adjustment, with what that adjustment needs. */
export type UnadjustedAdjusted = Omit<AdjustedEffect, FamilyFields> & Partial<Pick<AdjustedEffect, FamilyFields>> & {
  stdError: number;
  /** Degrees of freedom of the t reference distribution; null: the normal (Wald z). */
  df: number | null;
};
/** Effects before the family-wide adjustment. */
export type UnadjustedEffect = Extract<Effect, { suppressed: true }> | (Omit<Extract<Effect, { suppressed: false }>, 'adjusted'> & { adjusted: UnadjustedAdjusted | null });

/** The model's columns read as categories: the compared attribute, the dictionary's text fields and the pooled stratum. */
export function categoricalColumns(input: Pick<ComparisonInput, 'attribute' | 'textFields' | 'pooled'>): string[] {
  return [input.attribute, ...input.textFields, ...(input.pooled ? [input.pooled.column] : [])];
}

/** Legitimate factors answered in enough rows and not constant. */
export function usableFactors(rows: readonly Row[], legitimate: string[]): string[] {
  const needed = MIN_FACTOR_COVERAGE * rows.length;
  return legitimate.filter((column) => {
    // Stops as soon as the answer is known: two values seen and enough rows answered, or too few rows left to answer.
    let first: string | undefined;
    let varies = false;
    let answered = 0;
    for (let index = 0; index < rows.length; index += 1) {
      if (varies && answered >= needed) return true;
      if (answered + (rows.length - index) < needed) return false;
      const value = rows[index][column];
      if (value === null || value === undefined) continue;
      answered += 1;
      if (varies) continue;
      const text = String(value);
      if (first === undefined) first = text;
      else if (text !== first) varies = true;
    }
    return varies && answered >= needed;
  });
}

/** Each row's 0/1 outcome moved by the difference between the overall rate and its stratum's rate. */
function withinStratumRates(rows: readonly Row[], outcome: string, stratumColumn: string): Row[] {
  const totals = new Map<string, { sum: number; count: number }>();
  const stratumOf = new Array<{ sum: number; count: number }>(rows.length);
  let sum = 0;
  rows.forEach((row, index) => {
    const key = String(row[stratumColumn]);
    let total = totals.get(key);
    if (!total) {
      total = { sum: 0, count: 0 };
      totals.set(key, total);
    }
    const value = Number(row[outcome]);
    total.sum += value;
    total.count += 1;
    stratumOf[index] = total;
    sum += value;
  });
  const overall = sum / rows.length;
  return rows.map((row, index) => {
    const total = stratumOf[index];
    return { ...row, [outcome]: Number(row[outcome]) - total.sum / total.count + overall };
  });
}

/** A number that can be shown: NaN or ±∞ (a group of one donor has no spread) becomes null. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export async function compareGroups(input: ComparisonInput): Promise<{ comparison: Comparison; effects: UnadjustedEffect[] }> {
  const { outcome, attribute, kind, minGroupSize, stratum } = input;
  const about = { outcome, stratum, ...(input.pooled ? { pooled: { over: input.pooled.over, scale: input.pooled.scale } } : {}) };
  const { levels, donorsByLevel, kept, reference, rows } = selectGroups(input.rows, outcome, attribute, minGroupSize);
  const suppressedGroup = (level: string): GroupSummary => ({ level, suppressed: true });
  if (reference === undefined) {
    return {
      comparison: { ...about, attribute, kind, reference: null, groups: levels.map(suppressedGroup), adjustedFor: [], note: 'fewer-than-two-groups-of-k' },
      effects: [],
    };
  }
  const source = arrayRowSource(rows);
  const adjustedFor = usableFactors(rows, input.legitimate);

  // Uncertainty clustered by donor: a donor's records are not independent people (issue 13).
  // Group rates and means, and each group's difference from the reference, are survey's
  // design-based estimates with ids = ~donor (analysis/clustered-group-means.ts).
  const groups = new Map<string, GroupSummary>();
  const raw = new Map<string, Extract<UnadjustedEffect, { suppressed: false }>['raw']>();
  // Pooled rates: each record counts against its own stratum's rate (y − stratum rate + overall rate), so a
  // group is not "refused more" merely for reporting more of a kind of decision that is refused more often.
  // (Pooled numbers are already percentile ranks within their stratum: see pooledRows.)
  const rawSource = input.pooled && kind === 'rate' ? arrayRowSource(withinStratumRates(rows, outcome, input.pooled.column)) : source;
  const result = await clusteredGroupMeans(rawSource, { outcome, groups: [attribute], cluster: DONOR_COLUMN, reference, zeroOne: kind === 'rate' && !input.pooled });
  const referenceMean = result.groups.find((group) => group.group === reference)!.mean;
  for (const group of result.groups) {
    groups.set(group.group, { level: group.group, suppressed: false, donors: donorsByLevel.get(group.group)!.size, records: group.n, estimate: group.mean, ciLow: finite(group.ciLow), ciHigh: finite(group.ciHigh) });
    const difference = group.difference;
    if (group.group === reference) continue;
    raw.set(group.group, {
      difference: group.mean - referenceMean,
      // The ratio's point estimate only: Katz's interval assumes independent records.
      ...(kind === 'rate' ? { ratio: referenceMean > 0 ? group.mean / referenceMean : null } : {}),
      ciLow: difference ? finite(difference.ciLow) : null,
      ciHigh: difference ? finite(difference.ciHigh) : null,
      pValue: difference ? finite(difference.pValue) : null,
    });
  }

  const adjusted = new Map<string, UnadjustedAdjusted>();
  let adjustedNote: string | undefined;
  try {
    const spec = { outcome, predictors: [attribute, ...adjustedFor, ...(input.pooled ? [input.pooled.column] : [])], reference: { [attribute]: reference }, categorical: categoricalColumns(input), cluster: DONOR_COLUMN };
    const fit = kind === 'rate' ? await logistic(source, spec) : await ols(source, spec);
    // The note about the likelihood-ratio test does not concern the findings: they use the clustered Wald tests.
    const warnings = fit.model === 'logistic' ? fit.warnings.filter((warning) => !warning.startsWith('The likelihood-ratio test')) : [];
    if (warnings.length > 0) adjustedNote = warnings.join(' ');
    for (const coefficient of fit.coefficients) {
      const prefix = `${attribute}=`;
      if (!coefficient.term.startsWith(prefix)) continue;
      // Too few rows for the factors (no residual degrees of freedom): no honest estimate.
      if (![coefficient.estimate, coefficient.pValue, coefficient.ciLow, coefficient.ciHigh].every(Number.isFinite)) {
        adjustedNote = 'too-few-rows-for-the-factors';
        continue;
      }
      adjusted.set(coefficient.term.slice(prefix.length), {
        model: fit.model,
        term: coefficient.term,
        estimate: coefficient.estimate,
        ...('oddsRatio' in coefficient ? { oddsRatio: coefficient.oddsRatio } : {}),
        ciLow: coefficient.ciLow,
        ciHigh: coefficient.ciHigh,
        pValue: coefficient.pValue,
        stdError: coefficient.stdError,
        df: fit.model === 'ols' ? fit.dfResidual : null,
        adjustedFor,
        n: fit.n,
      });
    }
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    adjustedNote = error.message;
  }

  const effects: UnadjustedEffect[] = levels
    .filter((level) => level !== reference)
    .map((level): UnadjustedEffect => {
      if (!kept.has(level)) return { outcome, stratum, attribute, level, reference, kind, suppressed: true };
      const fitted = adjusted.get(level) ?? null;
      return { outcome, stratum, attribute, level, reference, kind, suppressed: false, raw: raw.get(level)!, adjusted: fitted, ...(fitted === null || adjustedNote ? { adjustedNote: adjustedNote ?? 'not-estimable' } : {}) } as UnadjustedEffect;
    });
  return {
    comparison: { ...about, attribute, kind, reference, groups: levels.map((level) => groups.get(level) ?? suppressedGroup(level)), adjustedFor },
    effects,
  };
}
