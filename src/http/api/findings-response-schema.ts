/**
 * What `GET /api/v1/campaigns/:slug/findings` answers (see PublishedFindings in
 * src/evidence/campaign-analyses-types.ts), as a zod schema for the OpenAPI document; an API test
 * parses real answers with it, so it cannot drift from the types.
 */
import { z } from 'zod';

const kind = z.enum(['rate', 'mean', 'ordinal']).describe('rate: a yes/no outcome (estimates 0 to 1); mean: a number; ordinal: an ordered class (estimates: mean position in the order, 1 = its first level)');
const plannedKind = z.enum(['rate', 'mean']).describe('rate: a yes/no outcome; mean: a number (ordered outcomes are not planned)');
const interval = z.number().nullable();

const stratumSchema = z
  .record(z.string(), z.string())
  .nullable()
  .describe('The records compared: each stratum field\'s answer ({} when the outcome declares no strata), or null for the one figure pooled over the shown strata (strata as fixed effects, numbers as percentile ranks within their stratum)');

const stratumSummarySchema = z.union([
  z.object({ outcome: z.string(), stratum: z.record(z.string(), z.string()), suppressed: z.literal(true) }).strict().describe('A stratum of fewer than k donors: not compared, nothing else shown'),
  z.object({ outcome: z.string(), stratum: z.record(z.string(), z.string()), suppressed: z.literal(false), donors: z.int(), records: z.int() }).strict().describe('Counts rounded as in the release'),
]);

const groupSchema = z.union([
  z.object({ level: z.string(), suppressed: z.literal(true) }).strict().describe('A group of fewer than k donors: nothing else is shown'),
  z
    .object({ level: z.string(), suppressed: z.literal(false), donors: z.int(), records: z.int(), estimate: z.number(), ciLow: interval, ciHigh: interval })
    .strict()
    .describe('Rate, mean or (ordinal) mean position in the order of the group with its 95% interval, clustered by donor; counts rounded as in the release'),
]);

const comparisonSchema = z
  .object({
    outcome: z.string(),
    stratum: stratumSchema,
    pooled: z.object({ over: z.array(z.string()), scale: z.enum(['percentile', 'outcome']) }).strict().optional().describe('Pooled comparison: the stratum fields held fixed; a number outcome as its percentile rank (0 to 100, higher is favourable) within its stratum'),
    attribute: z.string().describe('A protected field'),
    kind,
    ordered: z
      .object({ levels: z.array(z.string()), direction: z.enum(['best-first', 'worst-first']) })
      .strict()
      .optional()
      .describe('Ordinal comparisons: the order from the dictionary (group estimates are positions in it, 1 = the first level) and which end is best'),
    reference: z.string().nullable().describe('The largest group; null when fewer than two groups have k donors'),
    groups: z.array(groupSchema),
    adjustedFor: z.array(z.string()).describe('Legitimate factors the adjusted model holds fixed'),
    note: z.string().optional(),
  })
  .strict();

const rawEffectSchema = z
  .object({
    difference: z.number().describe("The group's rate or mean minus the reference's"),
    ratio: z.number().nullable().optional().describe('Rate ratio (rates only), point estimate'),
    ratioCiLow: z.number().nullable().optional(),
    ratioCiHigh: z.number().nullable().optional(),
    ciLow: z.number().nullable().optional(),
    ciHigh: z.number().nullable().optional(),
    pValue: z.number().nullable().describe('Design-based t test of the difference, clustered by donor (as survey::svyglm with ids = ~donor), unadjusted'),
    proportionalOdds: z
      .object({ estimate: z.number(), oddsRatio: z.number(), stdError: z.number(), ciLow: z.number(), ciHigh: z.number(), pValue: z.number(), note: z.string().optional() })
      .strict()
      .nullable()
      .optional()
      .describe('Ordinal only: MASS::polr on the attribute alone, errors clustered by donor (sandwich::vcovCL HC1, t on n − k df as lmtest::coeftest); estimate and interval in log-odds of a later level of the order; null when it cannot be fitted'),
  })
  .strict();

const adjustedEffectSchema = z
  .object({
    model: z.enum(['ols', 'logistic', 'ordinal']),
    term: z.string(),
    estimate: z.number().describe('Units of the outcome (ols), log-odds (logistic) or log-odds of a later level of the order (ordinal: proportional odds, as MASS::polr)'),
    oddsRatio: z.number().optional(),
    ciLow: z.number(),
    ciHigh: z.number(),
    pValue: z.number().describe('Unadjusted, errors clustered by donor (sandwich::vcovCL, HC1); goes with ciLow and ciHigh (95%)'),
    pValueAdjusted: z.number().describe('Bonferroni-adjusted across every adjusted effect of the campaign; below 0.05 exactly when the family interval excludes no difference'),
    familyCiLow: z.number().describe('Simultaneous interval at level 1 − 0.05/familySize: goes with pValueAdjusted'),
    familyCiHigh: z.number(),
    familySize: z.int().describe('How many adjusted effects are tested at once'),
    adjustedFor: z.array(z.string()),
    n: z.int(),
  })
  .strict();

const effectBase = { outcome: z.string(), stratum: stratumSchema, attribute: z.string(), level: z.string(), reference: z.string(), kind };
const effectSchema = z.union([
  z.object({ ...effectBase, suppressed: z.literal(true) }).strict(),
  z.object({ ...effectBase, suppressed: z.literal(false), raw: rawEffectSchema, adjusted: adjustedEffectSchema.nullable(), adjustedNote: z.string().optional() }).strict(),
]);

const plannerSchema = z
  .object({
    ...effectBase,
    kind: plannedKind,
    gap: z.number().describe('Percentage points for rates, units of the outcome for means'),
    moreDonors: z.int().nullable(),
    donorsNeeded: z.int(),
    moreReferenceDonors: z.int(),
  })
  .strict();

const caveatSchema = z.enum(['self-selected', 'association-not-cause', 'clustered-by-donor', 'clustered-records', 'small-sample', 'multiple-testing']).describe('clustered-records only in releases made before uncertainty was clustered by donor');
const plannerGapsSchema = z.object({ ratePoints: z.number(), meanEffectSize: z.number() }).strict().describe('The gaps the planner looked for');

const released = z
  .object({
    campaign: z.string(),
    campaignVersion: z.string(),
    donations: z.int().describe('Rounded to countsRoundedTo'),
    donors: z.int().describe('Rounded to countsRoundedTo'),
    records: z.int().describe('Rounded to countsRoundedTo'),
    minGroupSize: z.int(),
    strata: z.array(stratumSummarySchema),
    comparisons: z.array(comparisonSchema),
    effects: z.array(effectSchema),
    planner: z.array(plannerSchema),
    notAnalysed: z.array(z.object({ field: z.string(), reason: z.string() }).strict()),
    caveats: z.array(caveatSchema),
    release: z.object({ number: z.int(), releasedOn: z.string(), minChanges: z.int(), interval: z.string() }).strict(),
    countsRoundedTo: z.int(),
    plannerGaps: plannerGapsSchema,
  })
  .strict()
  .meta({ title: 'Released findings' });

const beforeFirstRelease = z
  .object({
    campaign: z.string(),
    campaignVersion: z.string(),
    minGroupSize: z.int(),
    release: z.null(),
    releaseRule: z.object({ minChanges: z.int(), interval: z.string() }).strict(),
    donations: z.null(),
    donors: z.null(),
    records: z.null(),
    strata: z.array(stratumSummarySchema).max(0),
    comparisons: z.array(comparisonSchema).max(0),
    effects: z.array(effectSchema).max(0),
    planner: z.array(plannerSchema).max(0),
    notAnalysed: z.array(z.object({ field: z.string(), reason: z.string() }).strict()).max(0),
    caveats: z.array(caveatSchema).max(0),
    plannerGaps: plannerGapsSchema,
  })
  .strict()
  .meta({ title: 'Before the first release' });

export const findingsResponseSchema = z.union([released, beforeFirstRelease]);
