/**
 * A campaign's analyses, chosen by the dictionary's roles: every outcome (yes/no → rates,
 * numbers → means) against every protected attribute, raw and adjusted for the legitimate
 * factors, with Holm's correction across the whole family of adjusted tests, and the planner.
 */
import { adjustPValues } from '../../analysis/p-adjust';
import type { Campaign, CampaignField } from '../campaigns/types';
import type { Repositories } from '../storage/store';
import type { CampaignAnalyses, Comparison, Effect } from './campaign-analyses-types';
import { DEFAULT_GAPS, planComparison, type PlannerGaps } from './campaign-planner';
import { DONOR_COLUMN, loadCampaignRowsPaged } from './campaign-rows';
import { compareGroups, type UnadjustedEffect } from './group-comparison';
import { computePackStatistics } from './personal/pack-statistics';

function outcomeKind(field: CampaignField): 'rate' | 'mean' | undefined {
  if (field.type === 'boolean') return 'rate';
  if (field.type === 'integer' || field.type === 'number') return 'mean';
  return undefined;
}

/** Holm across every adjusted effect of the campaign: the family is all outcomes × attributes × groups. */
function adjustFamily(effects: UnadjustedEffect[]): Effect[] {
  const tested = effects.filter((effect) => !effect.suppressed && effect.adjusted);
  const adjustedP = adjustPValues(tested.map((effect) => (effect as { adjusted: { pValue: number } }).adjusted.pValue), 'holm');
  const byEffect = new Map(tested.map((effect, index) => [effect, adjustedP[index]!]));
  return effects.map((effect) => {
    if (effect.suppressed || !effect.adjusted) return effect as Effect;
    return { ...effect, adjusted: { ...effect.adjusted, pValueAdjusted: byEffect.get(effect)! } } as Effect;
  });
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
  const legitimate = campaign.fieldsWithRole('legitimate').map((field) => field.name);
  const comparisons: Comparison[] = [];
  const effects: UnadjustedEffect[] = [];
  const notAnalysed: CampaignAnalyses['notAnalysed'] = [];
  for (const outcome of campaign.fieldsWithRole('outcome')) {
    const kind = outcomeKind(outcome);
    if (!kind) {
      notAnalysed.push({ field: outcome.name, reason: 'categorical-outcome' });
      continue;
    }
    for (const attribute of campaign.fieldsWithRole('protected')) {
      const result = await compareGroups({ rows, outcome: outcome.name, attribute: attribute.name, kind, legitimate, minGroupSize: campaign.minGroupSize });
      comparisons.push(result.comparison);
      effects.push(...result.effects);
    }
  }
  const donors = new Set(rows.map((row) => row[DONOR_COLUMN])).size;
  const caveats: CampaignAnalyses['caveats'] = ['self-selected', 'association-not-cause', 'multiple-testing'];
  if (campaign.entry === 'csv') caveats.push('clustered-records');
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
    comparisons,
    effects: adjustFamily(effects),
    planner: comparisons.flatMap((comparison) => planComparison(comparison, options.gaps ?? DEFAULT_GAPS)),
    notAnalysed,
    caveats,
    // From the same rows as the findings, so a personal pack's peers and prediction belong to the release its effects come from.
    packStatistics: await computePackStatistics(campaign, columns, rows),
  };
}
