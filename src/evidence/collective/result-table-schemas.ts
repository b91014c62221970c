/**
 * The Table Schemas of `results/groups.csv`, `results/effects.csv` and `results/planner.csv`:
 * every column typed as it is written (numbers as `number`, counts as `integer`, yes/no flags as
 * `boolean` written 1/0), so a Frictionless reader or R's `frictionless` package gets numbers,
 * not text. The column order of the CSV files is the order of the fields here.
 */
import type { TableSchema, TableSchemaField } from './table-schema';

const KINDS = ['rate', 'mean', 'ordinal'];

const text = (name: string, title: string, description: string, constraints?: Record<string, unknown>): TableSchemaField => ({
  name,
  type: 'string',
  title,
  description,
  ...(constraints ? { constraints } : {}),
});
const number = (name: string, title: string, description: string): TableSchemaField => ({ name, type: 'number', title, description });
const count = (name: string, title: string, description: string): TableSchemaField => ({ name, type: 'integer', title, description, constraints: { minimum: 0 } });
/** A yes/no flag, written 1/0 like the booleans of data/records.csv. */
const flag = (name: string, title: string, description: string): TableSchemaField => ({
  name,
  type: 'boolean',
  title,
  description: `${description} Written 1 (yes) or 0 (no).`,
  trueValues: ['1'],
  falseValues: ['0'],
  constraints: { required: true },
});

const required = { required: true };
const kind = text('kind', 'Kind of outcome', '"rate" for a yes/no outcome (estimates are proportions from 0 to 1), "mean" for a number (estimates in the outcome\'s unit), "ordinal" for an ordered class (estimates are mean positions in the dictionary\'s order, 1 = its first level; effects are proportional-odds ratios).', { required: true, enum: KINDS });
const outcome = text('outcome', 'Outcome', 'The outcome field of data/records.csv.', required);
const stratum = text('stratum', 'Stratum', 'The records compared: "field=answer" for each field the outcome is comparable within, joined by "&" (e.g. "bureau=schufa&score_type=base"); empty when the outcome has no strata; "pooled" for the one figure over all shown strata, with the strata held fixed and numbers as percentile ranks (0 to 100, higher favourable) within their stratum.');
const attribute = text('attribute', 'Protected attribute', 'The protected field of data/records.csv the groups are formed by.', required);
const level = text('level', 'Group', 'The value of the attribute that forms this group.', required);
const reference = text('reference', 'Reference group', 'The group compared against: the largest group with at least k donors.', required);

const groups: TableSchemaField[] = [
  outcome,
  stratum,
  attribute,
  kind,
  level,
  flag('isReference', 'Is the reference group', 'Whether this group is the one the others are compared with.'),
  flag('suppressed', 'Suppressed', 'Whether the group has fewer than k donors and is therefore not shown: its other cells are empty.'),
  count('donors', 'Donors', 'Donors in the group, rounded as in the release.'),
  count('records', 'Records', 'Records in the group, rounded as in the release.'),
  number('estimate', 'Estimate', 'The rate (0 to 1) or mean of the outcome in the group; for an ordered outcome its mean position in the order (1 = the first level).'),
  number('ciLow', 'Lower 95% limit', 'Lower limit of the 95% interval of the estimate, clustered by donor (design-based, t on donors − 1 df); empty when it cannot be computed.'),
  number('ciHigh', 'Upper 95% limit', 'Upper limit of the 95% interval of the estimate; empty when it cannot be computed.'),
  number('rakedEstimate', 'Raked estimate', 'The rate or mean weighted to the population margins (raking; see results/representativeness.csv and METHODS.md), from the same records as the estimate; empty when the campaign ships no margins, the comparison is not raked (the pooled figure, a stratum with a margin level under k) or fewer than k of the group\'s donors are within the margins.'),
  number('rakedStdError', 'Raked standard error', 'Design-based standard error of the raked estimate, clustered by donor (survey::svyby on the raked design with ids = ~donor).'),
  number('rakedCiLow', 'Raked estimate, lower 95% limit', 'rakedEstimate − 1.96 · rakedStdError.'),
  number('rakedCiHigh', 'Raked estimate, upper 95% limit', 'rakedEstimate + 1.96 · rakedStdError.'),
];

const effects: TableSchemaField[] = [
  outcome,
  stratum,
  attribute,
  level,
  reference,
  kind,
  flag('suppressed', 'Suppressed', 'Whether the group or the reference has fewer than k donors: the other cells are empty.'),
  number('difference', 'Raw difference', 'Rate, mean or (ordinal) mean position of the group minus that of the reference, before any adjustment.'),
  number('differenceCiLow', 'Raw difference, lower 95% limit', 'Lower limit of the 95% interval of the raw difference; empty when it cannot be computed.'),
  number('differenceCiHigh', 'Raw difference, upper 95% limit', 'Upper limit of the 95% interval of the raw difference; empty when it cannot be computed.'),
  number('ratio', 'Rate ratio', "The group's rate divided by the reference's (rates only, point estimate); empty for means or when the reference rate is 0."),
  number('rawPValue', 'Raw p-value', 'Design-based t test of the raw difference, clustered by donor (survey::svyglm with ids = ~donor), not adjusted.'),
  number('rawLogOdds', 'Raw proportional-odds estimate', 'Ordinal only: the group\'s coefficient in MASS::polr on the attribute alone (log-odds of a later level of the order), errors clustered by donor; empty otherwise or when it cannot be fitted.'),
  number('rawOddsRatio', 'Raw proportional-odds ratio', 'Ordinal only: exp(rawLogOdds).'),
  number('rawLogOddsCiLow', 'Raw proportional-odds estimate, lower 95% limit', 'Ordinal only: lower limit of the 95% interval of rawLogOdds (sandwich::vcovCL HC1, t on n − k df).'),
  number('rawLogOddsCiHigh', 'Raw proportional-odds estimate, upper 95% limit', 'Ordinal only: upper limit of the 95% interval of rawLogOdds.'),
  number('rawLogOddsPValue', 'Raw proportional-odds p-value', 'Ordinal only: the clustered t test of rawLogOdds, not adjusted.'),
  text('adjustedModel', 'Adjusted model', 'The model that holds the legitimate factors fixed: "ols" (linear), "logistic" or "ordinal" (proportional odds, as MASS::polr); empty when no adjusted effect could be estimated.', { enum: ['ols', 'logistic', 'ordinal'] }),
  number('adjustedEstimate', 'Adjusted estimate', "The group's coefficient: units of the outcome (ols), log-odds (logistic) or log-odds of a later level of the order (ordinal)."),
  number('adjustedOddsRatio', 'Adjusted odds ratio', 'exp(adjusted estimate), logistic and ordinal models only.'),
  number('adjustedCiLow', 'Adjusted estimate, lower 95% limit', 'Lower limit of the 95% interval of the adjusted estimate.'),
  number('adjustedCiHigh', 'Adjusted estimate, upper 95% limit', 'Upper limit of the 95% interval of the adjusted estimate.'),
  number('adjustedPValue', 'Adjusted p-value', 'p-value of the adjusted estimate (errors clustered by donor), before correction for multiple testing.'),
  number('familyCiLow', 'Adjusted estimate, lower simultaneous limit', 'Lower limit of the simultaneous interval (level 1 − 0.05/familySize) that goes with the Bonferroni p-value.'),
  number('familyCiHigh', 'Adjusted estimate, upper simultaneous limit', 'Upper limit of the simultaneous interval that goes with the Bonferroni p-value.'),
  number('bonferroniPValue', 'Bonferroni-corrected p-value', 'The adjusted p-value times the number of adjusted effects of the campaign (at most 1): below 0.05 exactly when the simultaneous interval excludes no difference.'),
  count('familySize', 'Family size', 'How many adjusted effects the campaign tests at once.'),
  text('adjustedFor', 'Adjusted for', 'The legitimate factors held fixed, separated by spaces.'),
  text('adjustedNote', 'Why no adjusted effect', 'Why there is no adjusted effect (too few rows, separation …); empty otherwise.'),
];

const planner: TableSchemaField[] = [
  outcome,
  stratum,
  attribute,
  level,
  reference,
  kind,
  number('gap', 'Gap looked for', 'The gap to detect with 80% power (α = 0.05, two-sided): percentage points for rates, units of the outcome for means.'),
  count('moreDonors', 'More donors needed', 'More donors needed in the group (0 when enough); empty for a group under k, where only the total is given.'),
  { ...count('donorsNeeded', 'Donors needed', 'Donors the group needs in all.'), constraints: { required: true, minimum: 0 } },
  { ...count('moreReferenceDonors', 'More reference donors needed', 'More donors needed in the reference group as well, when it alone is too small.'), constraints: { required: true, minimum: 0 } },
];

/** The result tables by resource name (results/<name>.csv). */
export const RESULT_TABLE_SCHEMAS: Record<'groups' | 'effects' | 'planner', TableSchema> = {
  groups: { fields: groups, missingValues: [''] },
  effects: { fields: effects, missingValues: [''] },
  planner: { fields: planner, missingValues: [''] },
};

/** What each result table holds, for its resource's description. */
export const RESULT_TABLE_DESCRIPTIONS: Record<keyof typeof RESULT_TABLE_SCHEMAS, { title: string; description: string }> = {
  groups: { title: 'Findings: each group', description: 'For each outcome and protected attribute, each group\'s rate, mean or mean position in an order with its 95% interval, as in the public release; groups under k are only marked suppressed.' },
  effects: { title: 'Findings: each group against the reference', description: 'Raw differences and the effects adjusted for the legitimate factors, with Bonferroni-corrected p-values and simultaneous intervals.' },
  planner: { title: 'Findings: donors still needed', description: 'How many more donors each comparison of a rate or a mean needs to detect the gap given with 80% power (ordered outcomes are not planned).' },
};
