/**
 * Builds the zod schemas of a campaign from its fields: one record, and the JSON donation body.
 * The same schemas check JSON, form and CSV input (text input is coerced first), and
 * `/api/v1/openapi.json` is generated from them. Messages are plain enough to show a donor.
 */
import * as z from 'zod';
import { LOCALES, type CampaignDefinition, type CampaignField, type DonationBody, type RecordValues } from './types';

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** This month in UTC as YYYY-MM, read at each check so a long-running server moves on with the calendar. */
export function currentYearMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

/**
 * A report or decision cannot be dated after today: a future month is a typo or made up, and it
 * would sit in every analysis stratified by month. The current month is allowed (UTC).
 */
const FUTURE_MONTH_MESSAGE = 'This month is in the future: enter this month or an earlier one';
function notAfterThisMonth(value: string): boolean {
  return !YEAR_MONTH.test(value) || value <= currentYearMonth();
}

function rangeText(field: CampaignField): string {
  const { minimum, maximum } = field.constraints;
  if (minimum !== undefined && maximum !== undefined) return ` from ${minimum} to ${maximum}`;
  if (minimum !== undefined) return ` of at least ${minimum}`;
  if (maximum !== undefined) return ` of at most ${maximum}`;
  return '';
}

function missingOr(message: string) {
  return (issue: { input: unknown }) => (issue.input === undefined ? 'This field is required' : message);
}

function numberSchema(field: CampaignField): z.ZodType {
  const whole = field.type === 'integer';
  const message = `Enter ${whole ? 'a whole number' : 'a number'}${rangeText(field)}`;
  let schema = whole ? z.int({ error: missingOr(message) }) : z.number({ error: missingOr(message) });
  if (field.constraints.minimum !== undefined) schema = schema.min(field.constraints.minimum, message);
  if (field.constraints.maximum !== undefined) schema = schema.max(field.constraints.maximum, message);
  return schema;
}

function stringSchema(field: CampaignField): z.ZodType {
  const values = field.constraints.enum;
  if (values) {
    return z.enum(values as [string, ...string[]], { error: missingOr(`Choose one of: ${values.join(', ')}`) });
  }
  let schema = z.string({ error: missingOr('Enter text') }).min(1, 'This field is required');
  if (field.constraints.pattern !== undefined) {
    schema = schema.regex(new RegExp(`^(?:${field.constraints.pattern})$`), `Not in the expected form (example: ${String(field.example)})`);
  }
  return schema;
}

/** The zod type of one field's value. */
export function fieldValueSchema(field: CampaignField): z.ZodType {
  let schema: z.ZodType;
  switch (field.type) {
    case 'integer':
    case 'number':
      schema = numberSchema(field);
      break;
    case 'boolean':
      schema = z.boolean({ error: missingOr('Answer yes or no') });
      break;
    case 'yearmonth':
      schema = z
        .string({ error: missingOr('Enter a month as YYYY-MM') })
        .regex(YEAR_MONTH, 'Enter a month as YYYY-MM, for example 2024-03')
        .refine(notAfterThisMonth, FUTURE_MONTH_MESSAGE);
      break;
    default:
      schema = stringSchema(field);
  }
  // The dictionary's words reach /api/v1/openapi.json with the field (toJSONSchema reads meta).
  return (field.constraints.required ? schema : schema.optional()).meta({ title: field.title, description: field.description });
}

export function buildRecordSchema(fields: readonly CampaignField[]): z.ZodType<RecordValues> {
  const shape = Object.fromEntries(fields.map((field) => [field.name, fieldValueSchema(field)]));
  return z.object(shape).strict() as unknown as z.ZodType<RecordValues>;
}

export function buildDonationSchema(definition: CampaignDefinition, recordSchema: z.ZodType<RecordValues>): z.ZodType<DonationBody> {
  const purposeIds = definition.consent.purposes.map((purpose) => purpose.id) as [string, ...string[]];
  return z
    .object({
      consent: z
        .object({
          version: z.string({ error: missingOr('Give the consent version you agreed to') }).min(1),
          purposes: z
            .array(z.enum(purposeIds, { error: `Choose from: ${purposeIds.join(', ')}` }))
            .min(1, 'Agree to at least the required purpose')
            .refine((purposes) => new Set(purposes).size === purposes.length, 'Each purpose only once'),
        })
        .strict(),
      records: z
        .array(recordSchema, { error: missingOr('Give the records as a list') })
        .min(1, 'Add at least one record')
        .max(definition.maxRecords, `A donation holds at most ${definition.maxRecords} records`),
      locale: z.enum(LOCALES).optional(),
    })
    .strict() as unknown as z.ZodType<DonationBody>;
}
