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

const rakedEstimateSchema = z
  .object({ estimate: z.number(), stdError: z.number(), ciLow: z.number(), ciHigh: z.number() })
  .strict()
  .describe('The rate or mean raked to the population margins (iterative proportional fitting), from the same records as the unweighted estimate, with its design-based standard error and 95% interval (estimate ± 1.96·SE) clustered by donor (as survey::rake, then svyby(~y, ~group, design, svymean) with ids = ~donor)');

const groupSchema = z.union([
  z.object({ level: z.string(), suppressed: z.literal(true) }).strict().describe('A group of fewer than k donors: nothing else is shown'),
  z
    .object({
      level: z.string(), suppressed: z.literal(false), donors: z.int(), records: z.int(), estimate: z.number(), ciLow: interval, ciHigh: interval,
      raked: rakedEstimateSchema.nullable().optional().describe('Absent where the comparison is not raked (see the comparison\'s raking); null when fewer than k of the group\'s donors fall within the margins'),
    })
    .strict()
    .describe('Rate, mean or (ordinal) mean position in the order of the group with its 95% interval, clustered by donor; counts rounded as in the release'),
]);

const comparisonRakingSchema = z
  .union([
    z.object({ raked: z.literal(true), iterations: z.int().describe('Raking sweeps to convergence'), weightRatio: z.number().describe('Largest raked weight over the smallest: a large ratio means a few donors stand for many people') }).strict(),
    z.object({ raked: z.literal(false), reason: z.enum(['pooled', 'margin-level-under-k', 'not-converged']).describe('pooled: the figure over all strata is not raked (its values are ranks or rates relative to each stratum\'s donors); margin-level-under-k: a level of a margin has fewer than k donors in the stratum; not-converged: the raking did not converge') }).strict(),
  ])
  .describe('Campaigns with population margins only: whether the groups carry raked estimates (one raking per stratum serves every attribute), or why not');

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
    raking: comparisonRakingSchema.optional(),
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

const marginSourceSchema = z
  .object({ column: z.string(), publisher: z.string(), table: z.string(), tableTitle: z.string(), referenceDate: z.string(), url: z.string(), derivation: z.string() })
  .strict()
  .describe('Where a margin comes from: the publisher\'s table (code and title), its reference date, its address, and how the counts were made from it');

const marginLevelSchema = z.union([
  z.object({ margin: z.string(), level: z.string(), populationShare: z.number(), suppressed: z.literal(true) }).strict()
    .describe('Fewer than k donors, or hidden with one so that it cannot be worked out from the others: no count or share'),
  z.object({
    margin: z.string().describe('The field the margin is about'),
    level: z.string(),
    populationShare: z.number().describe('Share of the population with this level (0 to 1)'),
    suppressed: z.literal(false),
    donors: z.int().describe('Donors (people, not records) within every margin with this level; rounded as in the release'),
    donorShare: z.number().describe('Their share of the donors within every margin (0 to 1)'),
    rakedShare: z.number().nullable().describe('The donors\' share once raked to the margins: equal to the population share when the raking converged (a check); null when not raked'),
  }).strict(),
]);

const representativenessSchema = z
  .object({
    title: z.string(),
    sources: z.array(marginSourceSchema),
    donorsWithin: z.int().nullable().describe('Donors whose answers fall within every margin: the base of the shares; null under k; rounded as in the release'),
    donorsOutside: z.int().nullable().describe('Donors with an answer the margins lack (e.g. sex "diverse" or "not-stated") or none: left out of raked figures; null under k; rounded as in the release'),
    levels: z.array(marginLevelSchema),
    raking: z.object({ converged: z.boolean(), iterations: z.int() }).strict().nullable().describe('The donors raked to the margins; null when a level has fewer than k donors'),
  })
  .strict()
  .describe('Campaigns that ship population margins only: how far the donors are from the population, per margin and level');

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
    representativeness: representativenessSchema.optional(),
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
