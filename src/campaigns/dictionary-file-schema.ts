/**
 * The format of a data-dictionary file, checked with zod so that a broken campaign stops the
 * server at start with the file and the field named, instead of failing on a donor later.
 */
import { z } from 'zod';
import { ISO_DURATION_HINT, isoDurationMs } from '../evidence/releases/iso-duration';
import { checkComparability, comparabilitySchema } from './comparability-schema';

const text = z.string().trim().min(1, 'must not be empty');

export const localizedSchema = z.object({ en: text, de: text, fr: text }).strict();

const fieldTranslationSchema = z
  .object({ title: text, description: text, enumLabels: z.record(z.string(), text).optional() })
  .strict();

const generalisationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('suppress') }).strict(),
  z.object({ method: z.literal('bands'), width: z.array(z.number().positive()).min(1) }).strict(),
  z.object({ method: z.literal('map'), levels: z.array(z.record(z.string(), z.string())).min(1) }).strict(),
  z.object({ method: z.literal('truncate'), lengths: z.array(z.int().positive()).min(1) }).strict(),
  z.object({ method: z.literal('year') }).strict(),
]);

const constraintsSchema = z
  .object({
    required: z.boolean().optional(),
    enum: z.array(text).min(1).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    pattern: z.string().optional(),
  })
  .strict();

/** A field's keys and types, before the cross-checks: the API's response schema extends it. */
export const fieldShape = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case (a-z, 0-9, _)'),
    type: z.enum(['string', 'integer', 'number', 'boolean', 'yearmonth']),
    title: text,
    description: text,
    constraints: constraintsSchema,
    role: z.enum(['outcome', 'protected', 'legitimate', 'context', 'donor-only']),
    quasiIdentifier: z.boolean(),
    /** A fact about the person, not one record: the web form asks it once and copies it into every record. */
    perDonor: z.boolean().optional(),
    harmful: z.boolean().optional(),
    specialCategory: z.boolean().optional(),
    generalisation: generalisationSchema.optional(),
    // Table Schema: an example is a string, as it would be written in a CSV cell ("97.5", "false");
    // the loader reads it into the field's type.
    example: z.string({ error: 'must be a string, as written in a CSV cell (Table Schema), e.g. "97.5" or "false"' }),
    enumLabels: z.record(z.string(), text).optional(),
    translations: z.object({ de: fieldTranslationSchema, fr: fieldTranslationSchema }).strict(),
    /** On a field naming who decided (bureau, platform): each answer's recipient slug in ../shared/recipients. */
    recipients: z.record(z.string(), z.string().regex(/^[a-z0-9-]+$/, 'must be a recipient slug')).optional(),
    /** On a number outcome: which direction is good for the donor (a higher score, higher pay); a yes/no outcome says `harmful`. */
    favourable: z.enum(['higher', 'lower']).optional(),
    /** On a string field with an enum: its values (but `outsideOrder`) are ordered levels, in the enum's order. */
    ordered: z.boolean().optional(),
    /** On an ordered field: whether the enum lists the levels from best to worst or from worst to best (for the donor). */
    direction: z.enum(['best-first', 'worst-first']).optional(),
    /** On an ordered field: enum values that are answers but no level of the order (e.g. "unknown"); analyses read them as missing. */
    outsideOrder: z.array(text).optional(),
    /** How the donor's letters name the field, in the first person, where the title is a question to the donor ("Went against you?"). */
    letterTitle: localizedSchema.optional(),
    /** On a number: how to show it, e.g. cents as euros (divisor 100, label "€"). */
    unit: z.object({ divisor: z.number().positive().optional(), label: localizedSchema }).strict().optional(),
    /** On an outcome: the records it applies to and within what they are comparable (see comparability-schema.ts). */
    comparable: comparabilitySchema.optional(),
  })
  .strict();

export const fieldSchema = fieldShape.superRefine((field, context) => {
  const values = field.constraints.enum;
  if (values) {
    if (field.type !== 'string') context.addIssue({ code: 'custom', path: ['constraints', 'enum'], message: 'only string fields can have an enum' });
    const labelSets: Array<[Array<string>, Record<string, string> | undefined]> = [
      [['enumLabels'], field.enumLabels],
      [['translations', 'de', 'enumLabels'], field.translations.de.enumLabels],
      [['translations', 'fr', 'enumLabels'], field.translations.fr.enumLabels],
    ];
    for (const [path, labels] of labelSets) {
      for (const value of values) {
        if (!labels?.[value]) context.addIssue({ code: 'custom', path: [...path, value], message: `missing a label for "${value}"` });
      }
    }
    if (new Set(values).size !== values.length) context.addIssue({ code: 'custom', path: ['constraints', 'enum'], message: 'has duplicate values' });
  }
  for (const answer of Object.keys(field.recipients ?? {})) {
    if (!values?.includes(answer)) context.addIssue({ code: 'custom', path: ['recipients', answer], message: `"${answer}" is not one of the field's enum values` });
  }
  if (field.favourable && (field.role !== 'outcome' || (field.type !== 'integer' && field.type !== 'number'))) context.addIssue({ code: 'custom', path: ['favourable'], message: 'only a number outcome says which direction is favourable (a yes/no outcome says harmful)' });
  orderIssues(field).forEach(({ path, message }) => context.addIssue({ code: 'custom', path, message }));
  if (field.unit && field.type !== 'integer' && field.type !== 'number') context.addIssue({ code: 'custom', path: ['unit'], message: 'only a number field can have a unit' });
  if (field.harmful !== undefined && (field.role !== 'outcome' || field.type !== 'boolean')) {
    context.addIssue({ code: 'custom', path: ['harmful'], message: 'only a boolean outcome says whether true is the harmful value' });
  }
  if (field.quasiIdentifier && !field.generalisation) {
    context.addIssue({ code: 'custom', path: ['generalisation'], message: 'a quasi-identifier needs a generalisation' });
  }
  if (field.constraints.pattern !== undefined) {
    try {
      new RegExp(field.constraints.pattern);
    } catch {
      context.addIssue({ code: 'custom', path: ['constraints', 'pattern'], message: 'is not a valid regular expression' });
    }
  }
});

/** An ordered field needs an enum of at least two levels (after `outsideOrder`) and a direction; the other keys need `ordered`. */
function orderIssues(field: z.infer<typeof fieldShape>): Array<{ path: string[]; message: string }> {
  const issues: Array<{ path: string[]; message: string }> = [];
  if (!field.ordered) {
    if (field.direction !== undefined) issues.push({ path: ['direction'], message: 'only an ordered field (ordered: true) has a direction' });
    if (field.outsideOrder !== undefined) issues.push({ path: ['outsideOrder'], message: 'only an ordered field (ordered: true) has values outside its order' });
    return issues;
  }
  const values = field.constraints.enum;
  if (field.type !== 'string' || !values) return [{ path: ['ordered'], message: 'only a string field with an enum (its levels, in order) can be ordered' }];
  if (field.direction === undefined) issues.push({ path: ['direction'], message: 'an ordered field must say whether its enum lists the levels "best-first" or "worst-first"' });
  for (const value of field.outsideOrder ?? []) {
    if (!values.includes(value)) issues.push({ path: ['outsideOrder'], message: `"${value}" is not one of the field's enum values` });
  }
  if (values.filter((value) => !field.outsideOrder?.includes(value)).length < 2) issues.push({ path: ['outsideOrder'], message: 'leaves fewer than two ordered levels' });
  return issues;
}

export const purposeSchema = z
  .object({ id: z.enum(['research', 'ngo-sharing', 'collective-action']), required: z.boolean(), title: localizedSchema, description: localizedSchema })
  .strict();

/** A campaign file's keys and types, before the cross-checks: the API's response schemas pick from it. */
export const campaignFileShape = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes'),
    version: text,
    status: z.enum(['open', 'closed']),
    title: localizedSchema,
    description: localizedSchema,
    decisionMaker: localizedSchema,
    entry: z.enum(['form', 'csv']),
    maxRecords: z.int().min(1).max(100_000),
    retentionDays: z.int().min(1),
    minGroupSize: z.int().min(2),
    /** Donations added or withdrawn before the public findings may change (default 2·k, never below k). */
    releaseMinChanges: z.int().min(2).optional(),
    /** The shortest time between two releases of the findings, as an ISO 8601 duration (default P1D). */
    releaseInterval: z.string().refine((value) => isoDurationMs(value) !== undefined, ISO_DURATION_HINT).optional(),
    consent: z.object({ version: text, text: localizedSchema, purposes: z.array(purposeSchema).min(1) }).strict(),
    schema: z.object({ fields: z.array(fieldSchema).min(1), missingValues: z.array(z.string()) }).strict(),
  })
  .strict();

export const campaignFileSchema = campaignFileShape.superRefine((campaign, context) => {
  if (campaign.releaseMinChanges !== undefined && campaign.releaseMinChanges < campaign.minGroupSize) {
    context.addIssue({ code: 'custom', path: ['releaseMinChanges'], message: `must be at least minGroupSize (${campaign.minGroupSize}), so that no release differs from the one before by fewer than k donors` });
  }
  const seen = new Map<string, number>();
  campaign.schema.fields.forEach((field, index) => {
    if (seen.has(field.name)) {
      context.addIssue({ code: 'custom', path: ['schema', 'fields', index, 'name'], message: `duplicates field ${seen.get(field.name)} ("${field.name}")` });
    }
    seen.set(field.name, index);
  });
  if (!campaign.schema.fields.some((field) => field.role === 'outcome')) {
    context.addIssue({ code: 'custom', path: ['schema', 'fields'], message: 'needs at least one field with role "outcome"' });
  }
  checkComparability(campaign.schema.fields, (issue) => context.addIssue(issue));
  const research = campaign.consent.purposes.find((purpose) => purpose.id === 'research');
  if (!research?.required) {
    context.addIssue({ code: 'custom', path: ['consent', 'purposes'], message: 'must include the purpose "research" with required: true' });
  }
  const ids = campaign.consent.purposes.map((purpose) => purpose.id);
  if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', path: ['consent', 'purposes'], message: 'has a purpose twice' });
});
