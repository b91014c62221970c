/**
 * One ordered outcome (a rating class A … P) against one protected attribute, as the findings
 * publish it. Per group: donors, records and the mean position in the dictionary's order (1 = the
 * first level) with its interval clustered by donor — one number per group of at least k donors,
 * never a count per level, so no small cell of a level can be read off. Per group against the
 * reference: the proportional-odds ratio (MASS::polr) on the attribute alone (raw) and with the
 * outcome's legitimate factors (adjusted), with errors clustered by donor (sandwich::vcovCL, HC1;
 * t tests on n − k df as lmtest's coeftest gives for polr). The adjusted effect joins the
 * campaign's Bonferroni family like any other (family-adjustment.ts).
 *
 * The same groups are shown and hidden as for rates and means (group-selection.ts). A fit that
 * fails (too few rows, fewer than three levels used, a collinear factor) or is doubtful (no
 * convergence, a group only ever at one end of the order) leaves a note instead of an effect
 * or beside it, as group-comparison.ts does: a release is never stopped by one stratum.
 */
import { AnalysisError } from '../../analysis/analysis-error';
import { clusteredGroupMeans } from '../../analysis/clustered-group-means';
import { orderedOutcomeSource } from '../../analysis/ordered-outcome-source';
import { proportionalOdds, type ProportionalOddsResult } from '../../analysis/proportional-odds';
import { arrayRowSource } from '../../analysis/row-source';
import type { Row } from '../../analysis/types';
import type { OrderedLevels } from '../campaigns/ordered-levels';
import type { Comparison, GroupSummary, RawEffect, RawProportionalOdds } from './campaign-analyses-types';
import { DONOR_COLUMN } from './campaign-rows';
import { categoricalColumns, usableFactors, type ComparisonInput, type UnadjustedAdjusted, type UnadjustedEffect } from './group-comparison';
import { selectGroups } from './group-selection';

export interface OrdinalComparisonInput extends Omit<ComparisonInput, 'kind'> {
  order: OrderedLevels;
}

/** Notes of the polr fit that do not concern a clustered Wald test of one coefficient. */
const IRRELEVANT_WARNINGS = [
  // Empty levels are simply left out of the model (as droplevels), which changes no coefficient.
  'No row used has the level',
  // The findings use the clustered tests, never likelihood-ratio tests.
  'The deviance, log-likelihood and AIC',
];

/** The rows whose outcome is a level of the order; answers outside it (e.g. "unknown") are no answer. */
export function rowsInOrder(rows: readonly Row[], outcome: string, order: OrderedLevels): Row[] {
  const levels = new Set(order.levels);
  return rows.filter((row) => row[outcome] !== null && row[outcome] !== undefined && levels.has(String(row[outcome]).trim()));
}

/** The rows (each a level of the order) with the outcome as its position in the order, 1 = the first level: what a group's figure averages. */
export function positionedRows(rows: readonly Row[], outcome: string, order: OrderedLevels): Row[] {
  const position = new Map(order.levels.map((level, index) => [level, index + 1]));
  return rows.map((row): Row => ({ ...row, [outcome]: position.get(String(row[outcome]).trim())! }));
}

/** A number that can be shown: NaN or ±∞ (a group of one donor has no spread) becomes null. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

interface Fitted {
  fit?: ProportionalOddsResult;
  note?: string;
}

/** polr with donor-clustered errors, or the reason it could not be fitted. */
async function fitOrdinal(rows: readonly Row[], input: OrdinalComparisonInput, reference: string, factors: string[]): Promise<Fitted> {
  try {
    const fit = await proportionalOdds(arrayRowSource(rows), {
      outcome: input.outcome,
      order: input.order.levels,
      missingLevels: input.order.missingLevels,
      predictors: [input.attribute, ...factors, ...(input.pooled ? [input.pooled.column] : [])],
      reference: { [input.attribute]: reference },
      categorical: categoricalColumns(input),
      cluster: DONOR_COLUMN,
    });
    const warnings = fit.warnings.filter((warning) => !IRRELEVANT_WARNINGS.some((start) => warning.startsWith(start)));
    return { fit, ...(warnings.length > 0 ? { note: warnings.join(' ') } : {}) };
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return { note: error.message };
  }
}

/** The coefficient of each group of the attribute that has every number finite (else the fit says nothing honest of it). */
function groupCoefficients(fit: ProportionalOddsResult | undefined, attribute: string): Map<string, ProportionalOddsResult['coefficients'][number]> {
  const prefix = `${attribute}=`;
  const byLevel = new Map<string, ProportionalOddsResult['coefficients'][number]>();
  for (const coefficient of fit?.coefficients ?? []) {
    if (!coefficient.term.startsWith(prefix)) continue;
    if (![coefficient.estimate, coefficient.stdError, coefficient.pValue, coefficient.ciLow, coefficient.ciHigh].every(Number.isFinite)) continue;
    byLevel.set(coefficient.term.slice(prefix.length), coefficient);
  }
  return byLevel;
}

export async function compareOrderedGroups(input: OrdinalComparisonInput): Promise<{ comparison: Comparison; effects: UnadjustedEffect[] }> {
  const { outcome, attribute, minGroupSize, stratum, order } = input;
  const kind = 'ordinal' as const;
  const about = {
    outcome,
    stratum,
    ...(input.pooled ? { pooled: { over: input.pooled.over, scale: input.pooled.scale } } : {}),
    attribute,
    kind,
    ordered: { levels: order.levels, direction: order.direction },
  };
  const { levels, donorsByLevel, kept, reference, rows } = selectGroups(rowsInOrder(input.rows, outcome, order), outcome, attribute, minGroupSize);
  const suppressedGroup = (level: string): GroupSummary => ({ level, suppressed: true });
  if (reference === undefined) {
    return { comparison: { ...about, reference: null, groups: levels.map(suppressedGroup), adjustedFor: [], note: 'fewer-than-two-groups-of-k' }, effects: [] };
  }

  // Mean position in the order, clustered by donor (survey's svymean with ids = ~donor), like a mean.
  // Every row is a level of the order (rowsInOrder), so its rank is its position: read as such, no row copied.
  const positioned = orderedOutcomeSource(arrayRowSource(rows), { column: outcome, order: order.levels });
  const means = await clusteredGroupMeans(positioned, { outcome, groups: [attribute], cluster: DONOR_COLUMN, reference });
  const referenceMean = means.groups.find((group) => group.group === reference)!.mean;
  const groups = new Map<string, GroupSummary>();
  const raw = new Map<string, RawEffect>();

  const adjustedFor = usableFactors(rows, input.legitimate);
  const rawFit = await fitOrdinal(rows, input, reference, []);
  // With no usable factor the adjusted model is the raw one: fitted once.
  const adjustedFit = adjustedFor.length === 0 ? rawFit : await fitOrdinal(rows, input, reference, adjustedFor);
  const rawCoefficients = groupCoefficients(rawFit.fit, attribute);
  const adjustedCoefficients = groupCoefficients(adjustedFit.fit, attribute);

  for (const group of means.groups) {
    groups.set(group.group, { level: group.group, suppressed: false, donors: donorsByLevel.get(group.group)!.size, records: group.n, estimate: group.mean, ciLow: finite(group.ciLow), ciHigh: finite(group.ciHigh) });
    if (group.group === reference) continue;
    const coefficient = rawCoefficients.get(group.group);
    const odds: RawProportionalOdds | null = coefficient
      ? { estimate: coefficient.estimate, oddsRatio: coefficient.oddsRatio, stdError: coefficient.stdError, ciLow: coefficient.ciLow, ciHigh: coefficient.ciHigh, pValue: coefficient.pValue, ...(rawFit.note ? { note: rawFit.note } : {}) }
      : null;
    raw.set(group.group, {
      difference: group.mean - referenceMean,
      ciLow: group.difference ? finite(group.difference.ciLow) : null,
      ciHigh: group.difference ? finite(group.difference.ciHigh) : null,
      pValue: group.difference ? finite(group.difference.pValue) : null,
      proportionalOdds: odds,
    });
  }

  const effects = levels
    .filter((level) => level !== reference)
    .map((level): UnadjustedEffect => {
      if (!kept.has(level)) return { outcome, stratum, attribute, level, reference, kind, suppressed: true };
      const coefficient = adjustedCoefficients.get(level);
      const adjusted: UnadjustedAdjusted | null = coefficient && adjustedFit.fit
        ? {
            model: 'ordinal',
            term: coefficient.term,
            estimate: coefficient.estimate,
            oddsRatio: coefficient.oddsRatio,
            ciLow: coefficient.ciLow,
            ciHigh: coefficient.ciHigh,
            pValue: coefficient.pValue,
            stdError: coefficient.stdError,
            // t on polr's n − k, the df its clustered test and interval used: the family interval uses the same.
            df: adjustedFit.fit.dfResidual,
            adjustedFor,
            n: adjustedFit.fit.n,
          }
        : null;
      const note = adjustedFit.note ?? (adjusted === null ? 'not-estimable' : undefined);
      return { outcome, stratum, attribute, level, reference, kind, suppressed: false, raw: raw.get(level)!, adjusted, ...(note ? { adjustedNote: note } : {}) };
    });
  return { comparison: { ...about, reference, groups: levels.map((level) => groups.get(level) ?? suppressedGroup(level)), adjustedFor }, effects };
}
