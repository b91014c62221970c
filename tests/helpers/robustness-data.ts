/**
 * Deterministic data sets for the robustness tests of the findings (issue 13, 6a and 6b), made
 * from a fixed seed so every run sees the same rows. Rows are as `loadCampaignRows` reads them:
 * a `donor` column and the campaign's fields, unanswered fields null.
 */
import type { Row } from '../../analysis/types';
import type { Campaign } from '../../src/campaigns/types';
import { SeededRandom } from '../../src/demo/random';
import { DONOR_COLUMN, analysableFields } from '../../src/evidence/campaign-rows';

export interface StratumPlan {
  /** The stratum fields' answers of every record in it. */
  values: Record<string, string>;
  donors: number;
  /** Share of the stratum's donors in the `focus` group of the attribute. */
  focusShare: number;
  /** Draws the outcome, the same way whatever the donor's group (no difference within the stratum). */
  outcome: (random: SeededRandom) => number | boolean;
}

export interface PlanOptions {
  campaign: Campaign;
  outcome: string;
  attribute: string;
  /** The attribute's group whose share changes from stratum to stratum, and the other group. */
  focus: string;
  other: string;
  strata: StratumPlan[];
  /** Records per donor, each a copy of the donor's one record (default 1). */
  copies?: number;
  seed?: number;
}

function emptyRow(campaign: Campaign): Row {
  return Object.fromEntries(analysableFields(campaign).map((field) => [field.name, null]));
}

/**
 * (a) Composition differs, outcomes do not: within each stratum the outcome is drawn the same way
 * for every group, but the groups' shares differ between strata, so a pooled comparison that
 * ignores the strata sees a difference that no stratum has. (b) With `copies`, every donor's
 * records are copies of one record.
 */
export function plannedRows(options: PlanOptions): Row[] {
  const random = new SeededRandom(options.seed ?? 13);
  const rows: Row[] = [];
  let donor = 0;
  for (const stratum of options.strata) {
    for (let index = 0; index < stratum.donors; index += 1) {
      donor += 1;
      const value = stratum.outcome(random);
      // Exactly the planned share in the focus group: deterministic composition, random outcomes.
      const group = index < Math.round(stratum.focusShare * stratum.donors) ? options.focus : options.other;
      const record: Row = { ...emptyRow(options.campaign), ...stratum.values, [options.attribute]: group, [options.outcome]: typeof value === 'boolean' ? (value ? 1 : 0) : value };
      for (let copy = 0; copy < (options.copies ?? 1); copy += 1) rows.push({ [DONOR_COLUMN]: `donor-${donor}`, ...record });
    }
  }
  return rows;
}

/** A normal draw with the given mean and standard deviation. */
export const normal = (mean: number, sd: number) => (random: SeededRandom) => mean + sd * random.normal();
/** A yes/no draw with the given probability of yes. */
export const bernoulli = (probability: number) => (random: SeededRandom) => random.chance(probability);
