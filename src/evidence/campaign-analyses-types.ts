import type { MarginSource } from '../campaigns/population-margins-file';
import type { PackStatistics } from './personal/pack-statistics';

/**
 * The shapes of a campaign's analyses (findings, personal packs, NGO packs). A group with fewer
 * than k donors appears only as `{ level, suppressed: true }`: no count, rate or effect of it.
 */

/** What an outcome is analysed as: a yes/no outcome's rate, a number's mean, or an ordered class (proportional odds). */
export type OutcomeKind = 'rate' | 'mean' | 'ordinal';

/**
 * A group's rate, mean or mean position weighted to the population margins the campaign ships
 * (raking), from the same records as its unweighted figure, with the design-based standard error
 * and 95% interval (estimate ± 1.96·SE) clustered by donor — R: `svyby(~y, ~group,
 * rake(svydesign(ids = ~donor, data = stratum), …), svymean)`.
 */
export interface RakedEstimate {
  estimate: number;
  stdError: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * A group's raw outcome: the rate of a yes/no outcome, the mean of a number, or for an ordered
 * outcome the mean position in the order (1 = the first level), with its 95% interval clustered by donor.
 * `raked` is absent where the comparison is not weighted (no margins, the pooled figure, a release
 * made before raking), and null when fewer than k of the group's donors fall within the margins.
 */
export type GroupSummary =
  | { level: string; suppressed: true }
  | { level: string; suppressed: false; donors: number; records: number; estimate: number; ciLow: number | null; ciHigh: number | null; raked?: RakedEstimate | null };

/**
 * Whether a comparison's groups carry raked figures (campaigns with population margins only). One
 * raking per stratum serves every attribute. Not raked: the pooled figure (its numbers are ranks
 * or rates relative to each stratum's donors, which weighting to the population would not turn into
 * population figures), a stratum where a margin's level has fewer than k donors (a handful of
 * people would stand for millions, and the figure would rest on them), or a raking that did not converge.
 */
export type ComparisonRaking =
  | { raked: true; iterations: number; weightRatio: number }
  | { raked: false; reason: 'pooled' | 'margin-level-under-k' | 'not-converged' };

/** A group against the reference, before any adjustment. */
export interface RawEffect {
  /** Rate or mean of the group minus the reference's. */
  difference: number;
  /** Rate ratio (rates only), a point estimate; its interval fields stay for releases made before clustering. */
  ratio?: number | null;
  ratioCiLow?: number | null;
  ratioCiHigh?: number | null;
  /** 95% interval of the difference, clustered by donor (survey::svyglm(y ~ group) with ids = ~donor). */
  ciLow?: number | null;
  ciHigh?: number | null;
  /** The design-based t test of the difference (t on donors − groups df), clustered by donor, unadjusted. */
  pValue: number | null;
  /** Ordered outcomes: the proportional-odds ratio on the attribute alone (polr, clustered by donor); null when it cannot be fitted. */
  proportionalOdds?: RawProportionalOdds | null;
}

/** `polr(y ~ attribute)` with `sandwich::vcovCL(cluster = ~donor)`: the group's coefficient (log-odds of a later level). */
export interface RawProportionalOdds {
  estimate: number;
  oddsRatio: number;
  stdError: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /** Why the fit should not be read as it stands (did not converge, a group only at one end …). */
  note?: string;
}

/**
 * Which records a comparison or effect is about: each stratum field's answer (`{}` when the
 * outcome declares no strata), or null for the one pooled figure over all shown strata, where
 * the strata are fixed effects of the model and numbers are percentile ranks within their stratum.
 */
export type Stratum = Record<string, string> | null;

/** The group's coefficient in a model that also holds the legitimate factors fixed. */
export interface AdjustedEffect {
  model: 'ols' | 'logistic' | 'ordinal';
  term: string;
  /** Units of the outcome (OLS) or log-odds (logistic; ordinal: log-odds of a later level of the order, as polr). */
  estimate: number;
  oddsRatio?: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /**
   * Bonferroni-adjusted across every adjusted effect of the campaign (min(1, m·p)): it is below
   * 0.05 exactly when the family interval excludes no difference.
   */
  pValueAdjusted: number;
  /** The simultaneous interval for the family: level 1 − 0.05/m, on the scale of `estimate`. */
  familyCiLow: number;
  familyCiHigh: number;
  /** m: how many adjusted effects the campaign tests at once. */
  familySize: number;
  adjustedFor: string[];
  n: number;
}

export type Effect =
  | { outcome: string; stratum: Stratum; attribute: string; level: string; reference: string; kind: OutcomeKind; suppressed: true }
  | {
      outcome: string;
      stratum: Stratum;
      attribute: string;
      level: string;
      reference: string;
      kind: OutcomeKind;
      suppressed: false;
      raw: RawEffect;
      adjusted: AdjustedEffect | null;
      /** Why there is no adjusted effect (too few rows, separation …). */
      adjustedNote?: string;
    };

/** One outcome against one protected attribute, within one stratum (or pooled over the strata). */
export interface Comparison {
  outcome: string;
  stratum: Stratum;
  /** For the pooled comparison: the stratum fields held fixed, and the scale of a number outcome. */
  pooled?: { over: string[]; scale: 'percentile' | 'outcome' };
  attribute: string;
  kind: OutcomeKind;
  /** Ordered outcomes: the dictionary's order (group estimates are positions in it, 1 = first) and which end is best. */
  ordered?: { levels: string[]; direction: 'best-first' | 'worst-first' };
  /** The largest group; null when fewer than two groups have k donors. */
  reference: string | null;
  groups: GroupSummary[];
  /** Legitimate factors the adjusted model holds fixed. */
  adjustedFor: string[];
  note?: string;
  /** Only for a campaign with population margins. */
  raking?: ComparisonRaking;
}

/** How many donors would let a comparison detect a gap with 80% power (α = 0.05, two-sided); ordered outcomes are not planned. */
export interface PlannerEntry {
  outcome: string;
  stratum: Stratum;
  attribute: string;
  level: string;
  reference: string;
  kind: 'rate' | 'mean';
  /** The gap looked for: percentage points for rates, units of the outcome for means. */
  gap: number;
  /** More donors needed in the group (0 when enough); for a group under k only the total is given. */
  moreDonors: number | null;
  /** Donors the group needs in all. */
  donorsNeeded: number;
  /** More donors needed in the reference group as well, when it alone is too small. */
  moreReferenceDonors: number;
}

/** A stratum of an outcome (e.g. one bureau's base score): its size, or only that it is too small to show. */
export type StratumSummary =
  | { outcome: string; stratum: Record<string, string>; suppressed: true }
  | { outcome: string; stratum: Record<string, string>; suppressed: false; donors: number; records: number };

/** One level of a population margin: its population share, and, from k donors up, the donors'. */
export type MarginLevelShare =
  | { margin: string; level: string; populationShare: number; suppressed: true }
  | {
      margin: string;
      level: string;
      populationShare: number;
      suppressed: false;
      /** Donors (people, not records) within every margin with this level; rounded in a release. */
      donors: number;
      /** Their share of the donors within every margin. */
      donorShare: number;
      /** The donors' share once raked to the margins: the population share when the raking converged (a check); null when not raked. */
      rakedShare: number | null;
    };

/**
 * How far the donors are from the population, on the margins the campaign ships: per margin and
 * level, population share against donors' share. A level with fewer than k donors shows no count
 * or share, and where that alone would let it be worked out from the others, the next smallest
 * level is hidden too.
 */
export interface Representativeness {
  title: string;
  /** Where each margin comes from: publisher, table, its title, reference date, address, derivation. */
  sources: MarginSource[];
  /** Donors whose answers fall within every margin (the shares' base); null under k. Rounded in a release. */
  donorsWithin: number | null;
  /** Donors with an answer the margins lack (e.g. sex "diverse", "not-stated") or none: left out of raked figures; null under k. */
  donorsOutside: number | null;
  levels: MarginLevelShare[];
  /** The donors raked to the margins; null when a level has fewer than k donors (nothing is weighted then). */
  raking: { converged: boolean; iterations: number } | null;
}

/** What every view of a campaign's findings reads: the public release and the analyses it is made from. */
export interface CampaignFindings {
  campaign: string;
  campaignVersion: string;
  /** Donations stored (an NGO's import batch counts as one); rounded to 5 in a release. */
  donations: number;
  /** People whose records are analysed: donors, plus each respondent of an imported survey; rounded in a release. */
  donors: number;
  records: number;
  minGroupSize: number;
  /** The strata of outcomes that declare them; one of fewer than k donors shows no count. */
  strata: StratumSummary[];
  comparisons: Comparison[];
  effects: Effect[];
  planner: PlannerEntry[];
  notAnalysed: Array<{ field: string; reason: string }>;
  /** Codes of the caveats that apply; pages say them in the reader's language. */
  caveats: Array<'self-selected' | 'association-not-cause' | 'clustered-by-donor' | 'clustered-records' | 'small-sample' | 'multiple-testing'>;
  /** Only for a campaign that ships population margins (absent in releases made before). */
  representativeness?: Representativeness;
}

/** The analyses as computed, with exact counts: internal, never published as they are. */
export interface CampaignAnalyses extends CampaignFindings {
  revision: number;
  computedAt: string;
  /** What personal packs place a donor against (aggregates only), kept with the release, never published. */
  packStatistics?: PackStatistics;
}

/** A published release: no revision, no time of day, every count rounded (see `publicFindings`). */
export interface PublishedFindings extends CampaignFindings {
  /** Which release, its UTC day, and the rule between releases (donations changed, ISO 8601 interval). */
  release: { number: number; releasedOn: string; minChanges: number; interval: string };
  /** Counts are multiples of this. */
  countsRoundedTo: number;
}
