/**
 * A campaign's analyses, chosen by the dictionary's roles: every outcome (yes/no → rates,
 * numbers → means, ordered classes → proportional odds, see ordinal-comparison.ts) against every protected attribute, within each stratum of comparable records
 * the outcome declares (`comparable` in the dictionary), raw and adjusted for the legitimate
 * factors, with Bonferroni's correction across the whole family of adjusted tests (see
 * family-adjustment.ts), and the planner. For a campaign that ships population margins, also how
 * far the donors are from the population and each group's figure raked to it (representativeness/).
 */
import type { Row } from '../../analysis/types';
import type { Campaign, CampaignField } from '../campaigns/types';
import type { Repositories } from '../storage/store';
import { orderedLevelsOf } from '../campaigns/ordered-levels';
import type { CampaignAnalyses, Comparison, OutcomeKind, StratumSummary } from './campaign-analyses-types';
import { DEFAULT_GAPS, planComparison, type PlannerGaps } from './campaign-planner';
import { DONOR_COLUMN, loadCampaignRowsPaged } from './campaign-rows';
import { adjustFamily } from './family-adjustment';
import { compareGroups, type ComparisonInput, type UnadjustedEffect } from './group-comparison';
import { compareOrderedGroups, positionedRows, rowsInOrder } from './ordinal-comparison';
import { outcomeStrata, pooledRows, STRATUM_COLUMN, stratumFields } from './outcome-strata';
import { computePackStatistics } from './personal/pack-statistics';
import { withRakedGroups } from './representativeness/raked-groups';
import { representativeness } from './representativeness/share-table';
import { rakeStratum, type StratumRaking } from './representativeness/stratum-raking';

function outcomeKind(field: CampaignField): OutcomeKind | undefined {
  if (field.type === 'boolean') return 'rate';
  if (orderedLevelsOf(field)) return 'ordinal';
  if (field.type === 'integer' || field.type === 'number') return 'mean';
  return undefined;
}

/** The legitimate factors of one outcome: those every outcome shares, and those its dictionary entry names for it alone. */
function legitimateFor(campaign: Campaign, outcome: CampaignField): string[] {
  const ownedByOne = new Set(campaign.fieldsWithRole('outcome').flatMap((field) => field.comparable?.adjustFor ?? []));
  const shared = campaign.fieldsWithRole('legitimate').map((field) => field.name).filter((name) => !ownedByOne.has(name));
  return [...shared, ...(outcome.comparable?.adjustFor ?? [])];
}

interface OutcomeResult {
  strata: StratumSummary[];
  comparisons: Comparison[];
  effects: UnadjustedEffect[];
}

/**
 * One outcome against every protected attribute, per stratum with at least k donors (a smaller
 * stratum is only listed as suppressed, and enters no figure), and, where two or more strata are
 * shown, once pooled over them: strata as fixed effects, numbers as percentile ranks within their stratum.
 */
async function analyseOutcome(campaign: Campaign, outcome: CampaignField, kind: OutcomeKind, allRows: Row[]): Promise<OutcomeResult> {
  const order = orderedLevelsOf(outcome);
  // An answer outside an ordered outcome's order ("unknown") is no answer: it counts towards no stratum or group.
  const rows = order ? rowsInOrder(allRows, outcome.name, order) : allRows;
  const attributes = campaign.fieldsWithRole('protected');
  const legitimate = legitimateFor(campaign, outcome);
  const textFields = campaign.schema.fields.filter((field) => field.type === 'string').map((field) => field.name);
  const minGroupSize = campaign.minGroupSize;
  const fields = stratumFields(outcome);
  const strata = outcomeStrata(outcome, rows);
  const shown = strata.filter((stratum) => stratum.donors >= minGroupSize);
  const result: OutcomeResult = {
    strata: fields.length === 0 ? [] : strata.map((stratum): StratumSummary => stratum.donors >= minGroupSize
      ? { outcome: outcome.name, stratum: stratum.values, suppressed: false, donors: stratum.donors, records: stratum.rows.length }
      : { outcome: outcome.name, stratum: stratum.values, suppressed: true }),
    comparisons: [],
    effects: [],
  };
  // One raking per stratum, shared by every attribute; the pooled figure is not raked (see
  // ComparisonRaking). An ordered outcome is raked as its position in the order: the number its groups show.
  const margins = campaign.populationMargins?.margins;
  const rakingOf = (stratumRows: Row[]) => (margins
    ? { raking: rakeStratum(order ? positionedRows(stratumRows, outcome.name, order) : stratumRows, outcome.name, margins, minGroupSize) }
    : {});
  const runs: Array<Omit<ComparisonInput, 'attribute' | 'kind'> & { raking?: StratumRaking }> = shown.map((stratum) => ({
    rows: stratum.rows, outcome: outcome.name, legitimate, textFields, minGroupSize, stratum: stratum.values, ...rakingOf(stratum.rows),
  }));
  if (shown.length >= 2) {
    const pooled = { over: fields, scale: kind === 'mean' ? 'percentile' as const : 'outcome' as const, column: STRATUM_COLUMN };
    runs.push({ rows: pooledRows(outcome, shown, kind), outcome: outcome.name, legitimate, textFields, minGroupSize, stratum: null, pooled, ...(margins ? { raking: { raked: false, reason: 'pooled' } as const } : {}) });
  }
  for (const { raking, ...run } of runs) {
    for (const attribute of attributes) {
      // Without an order the kind is a rate or a mean (outcomeKind).
      const compared = order
        ? await compareOrderedGroups({ ...run, attribute: attribute.name, order })
        : await compareGroups({ ...run, kind: kind as ComparisonInput['kind'], attribute: attribute.name });
      result.comparisons.push(raking ? withRakedGroups(compared.comparison, raking) : compared.comparison);
      result.effects.push(...compared.effects);
    }
  }
  return result;
}

/** The figures of the findings, from rows as `loadCampaignRows` reads them (a `donor` column and the analysable fields). */
export type RowFindings = Pick<CampaignAnalyses, 'strata' | 'comparisons' | 'effects' | 'notAnalysed' | 'representativeness'>;

/** Every outcome of the campaign against every protected attribute, per stratum and pooled, with the family adjustment. */
export async function analyseRows(campaign: Campaign, rows: Row[]): Promise<RowFindings> {
  const strata: StratumSummary[] = [];
  const comparisons: Comparison[] = [];
  const effects: UnadjustedEffect[] = [];
  const notAnalysed: CampaignAnalyses['notAnalysed'] = [];
  for (const outcome of campaign.fieldsWithRole('outcome')) {
    const kind = outcomeKind(outcome);
    if (!kind) {
      // A categorical outcome without an order has no "better" or "worse" to compare groups on.
      notAnalysed.push({ field: outcome.name, reason: 'categorical-outcome' });
      continue;
    }
    const result = await analyseOutcome(campaign, outcome, kind, rows);
    strata.push(...result.strata);
    comparisons.push(...result.comparisons);
    effects.push(...result.effects);
  }
  const margins = campaign.populationMargins;
  return { strata, comparisons, effects: adjustFamily(effects), notAnalysed, ...(margins ? { representativeness: representativeness(rows, margins, campaign.minGroupSize) } : {}) };
}

/** What the analyses read: the records, their count and the campaign's revision. */
export type AnalysedStore = Pick<Repositories, 'records' | 'revisions' | 'donations'>;

/**
 * Computes the analyses of the campaign's current records. The revision is read first, so a
 * donation written meanwhile makes this result stale at once rather than silently included.
 */
export async function analyseCampaign(store: AnalysedStore, campaign: Campaign, options: { gaps?: PlannerGaps; now?: Date } = {}): Promise<CampaignAnalyses> {
  const { revision } = await store.revisions.state(campaign.slug);
  const { columns, rows } = await loadCampaignRowsPaged(store.records, campaign);
  const { donations } = await store.donations.countByCampaign(campaign.slug);
  const { strata, comparisons, effects, notAnalysed, representativeness: shares } = await analyseRows(campaign, rows);
  const donors = new Set(rows.map((row) => row[DONOR_COLUMN])).size;
  // 'clustered-records' (intervals too narrow) is gone: every interval and test is now clustered by donor; releases made before still carry it.
  const caveats: CampaignAnalyses['caveats'] = ['self-selected', 'association-not-cause', 'multiple-testing', 'clustered-by-donor'];
  if (donors < 100) caveats.push('small-sample');
  return {
    campaign: campaign.slug,
    campaignVersion: campaign.version,
    revision,
    computedAt: (options.now ?? new Date()).toISOString(),
    donations,
    donors,
    records: rows.length,
    minGroupSize: campaign.minGroupSize,
    strata,
    comparisons,
    effects,
    planner: comparisons.flatMap((comparison) => planComparison(comparison, options.gaps ?? DEFAULT_GAPS)),
    notAnalysed,
    caveats,
    ...(shares ? { representativeness: shares } : {}),
    // From the same rows as the findings, so a personal pack's peers and prediction belong to the release its effects come from.
    packStatistics: await computePackStatistics(campaign, columns, rows),
  };
}
