import type { PackStatistics } from './personal/pack-statistics';

/**
 * The shapes of a campaign's analyses (findings, personal packs, NGO packs). A group with fewer
 * than k donors appears only as `{ level, suppressed: true }`: no count, rate or effect of it.
 */

/** A group's raw outcome: the rate of a yes/no outcome or the mean of a number, with its 95% interval. */
export type GroupSummary =
  | { level: string; suppressed: true }
  | { level: string; suppressed: false; donors: number; records: number; estimate: number; ciLow: number | null; ciHigh: number | null };

/** A group against the reference, before any adjustment. */
export interface RawEffect {
  /** Rate or mean of the group minus the reference's. */
  difference: number;
  /** Rate ratio (rates only) with Katz's interval. */
  ratio?: number | null;
  ratioCiLow?: number | null;
  ratioCiHigh?: number | null;
  /** Interval of the difference (means: Welch). */
  ciLow?: number | null;
  ciHigh?: number | null;
  /** Fisher's exact test (rates) or Welch's t test (means), unadjusted. */
  pValue: number | null;
}

/** The group's coefficient in a model that also holds the legitimate factors fixed. */
export interface AdjustedEffect {
  model: 'ols' | 'logistic';
  term: string;
  /** Units of the outcome (OLS) or log-odds (logistic). */
  estimate: number;
  oddsRatio?: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /** Holm-adjusted across every adjusted effect of the campaign. */
  pValueAdjusted: number;
  adjustedFor: string[];
  n: number;
}

export type Effect =
  | { outcome: string; attribute: string; level: string; reference: string; kind: 'rate' | 'mean'; suppressed: true }
  | {
      outcome: string;
      attribute: string;
      level: string;
      reference: string;
      kind: 'rate' | 'mean';
      suppressed: false;
      raw: RawEffect;
      adjusted: AdjustedEffect | null;
      /** Why there is no adjusted effect (too few rows, separation …). */
      adjustedNote?: string;
    };

/** One outcome against one protected attribute. */
export interface Comparison {
  outcome: string;
  attribute: string;
  kind: 'rate' | 'mean';
  /** The largest group; null when fewer than two groups have k donors. */
  reference: string | null;
  groups: GroupSummary[];
  /** Legitimate factors the adjusted model holds fixed. */
  adjustedFor: string[];
  note?: string;
}

/** How many donors would let a comparison detect a gap with 80% power (α = 0.05, two-sided). */
export interface PlannerEntry {
  outcome: string;
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
  comparisons: Comparison[];
  effects: Effect[];
  planner: PlannerEntry[];
  notAnalysed: Array<{ field: string; reason: string }>;
  /** Codes of the caveats that apply; pages say them in the reader's language. */
  caveats: Array<'self-selected' | 'association-not-cause' | 'clustered-records' | 'small-sample' | 'multiple-testing'>;
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
