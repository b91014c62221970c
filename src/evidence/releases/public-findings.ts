/**
 * Turns computed analyses into what a release publishes: the campaign revision and the time of
 * day dropped (they count and date single donations), and every count of donations, people and
 * records rounded to a multiple of 5. Rates, means and intervals stay exact: they are the
 * findings. The rounding is presentation, not protection: an interval's width still tells a
 * group's size roughly; what keeps one donor from being read off is that a release differs from
 * the one before by at least `minChanges` donations (see `FindingsReleases` and SECURITY.md).
 */
import type { CampaignAnalyses, Comparison, Effect, GroupSummary, PublishedFindings, Representativeness, StratumSummary } from '../campaign-analyses-types';
import { DEFAULT_GAPS, planComparison } from '../campaign-planner';
import type { ReleaseRule } from './release-rule';

export const COUNTS_ROUNDED_TO = 5;

export function roundCount(count: number): number {
  return Math.round(count / COUNTS_ROUNDED_TO) * COUNTS_ROUNDED_TO;
}

function roundGroup(group: GroupSummary): GroupSummary {
  return group.suppressed ? group : { ...group, donors: roundCount(group.donors), records: roundCount(group.records) };
}

/** A stratum's counts as a group's: rounded, and none at all under k. */
function roundStratum(stratum: StratumSummary): StratumSummary {
  return stratum.suppressed ? stratum : { ...stratum, donors: roundCount(stratum.donors), records: roundCount(stratum.records) };
}

function roundEffect(effect: Effect): Effect {
  if (effect.suppressed || !effect.adjusted) return effect;
  return { ...effect, adjusted: { ...effect.adjusted, n: roundCount(effect.adjusted.n) } };
}

/** The share table's counts rounded like the others; shares stay exact, like rates. */
function roundRepresentativeness(table: Representativeness): Representativeness {
  const round = (count: number | null) => (count === null ? null : roundCount(count));
  return {
    ...table,
    donorsWithin: round(table.donorsWithin),
    donorsOutside: round(table.donorsOutside),
    levels: table.levels.map((level) => (level.suppressed ? level : { ...level, donors: roundCount(level.donors) })),
  };
}

export function publicFindings(analyses: CampaignAnalyses, release: { number: number; releasedAt: Date; rule: Pick<ReleaseRule, 'minChanges' | 'interval'> }): PublishedFindings {
  const { revision: _revision, computedAt: _computedAt, packStatistics: _packStatistics, ...findings } = analyses;
  const comparisons: Comparison[] = analyses.comparisons.map((comparison) => ({ ...comparison, groups: comparison.groups.map(roundGroup) }));
  return {
    ...findings,
    release: { number: release.number, releasedOn: release.releasedAt.toISOString().slice(0, 10), minChanges: release.rule.minChanges, interval: release.rule.interval },
    countsRoundedTo: COUNTS_ROUNDED_TO,
    donations: roundCount(analyses.donations),
    donors: roundCount(analyses.donors),
    records: roundCount(analyses.records),
    strata: analyses.strata.map(roundStratum),
    comparisons,
    effects: analyses.effects.map(roundEffect),
    ...(analyses.representativeness ? { representativeness: roundRepresentativeness(analyses.representativeness) } : {}),
    // From the rounded groups, so that no exact group size comes back through "donors needed".
    planner: comparisons.flatMap((comparison) => planComparison(comparison, DEFAULT_GAPS)),
  };
}
