/**
 * Reads the donation form (one record, consent) into the same JSON body the API takes, so the
 * form and the API share one validation: the campaign's zod schema. Errors come back per field
 * in the donor's language.
 */
import type { Campaign, CampaignField, DonationBody, Locale } from '../../campaigns/types';
import { missingRequiredPurposes } from '../../donations/consent';
import type { Translate } from '../../i18n/messages';
import { RECORD_PREFIX } from '../views/form-field';

export interface DonationForm {
  /** What the donor typed, by field name, as text (to show it again). */
  values: Record<string, string>;
  purposes: string[];
  consentVersion: string;
  idempotencyKey?: string;
}

/** Errors by field name; `purposes` for the consent checkboxes. */
export type FormErrors = Record<string, string>;

export type FormCheck = { ok: true; body: DonationBody } | { ok: false; errors: FormErrors };

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function readDonationForm(campaign: Campaign, body: Record<string, unknown>): DonationForm {
  const values: Record<string, string> = {};
  for (const field of campaign.schema.fields) {
    const value = body[`${RECORD_PREFIX}${field.name}`];
    if (typeof value === 'string') values[field.name] = value;
  }
  return {
    values,
    purposes: asList(body.purposes),
    consentVersion: typeof body.consent_version === 'string' ? body.consent_version : '',
    idempotencyKey: typeof body.idempotency_key === 'string' ? body.idempotency_key : undefined,
  };
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  message: string;
}

function fieldMessage(field: CampaignField, issue: ZodIssueLike, t: Translate): string {
  if (issue.input === undefined && issue.code !== 'too_small' && issue.code !== 'too_big') return t('errorRequired');
  if (field.constraints.enum) return t('errorChoose');
  switch (field.type) {
    case 'boolean':
      return t('errorYesNo');
    case 'yearmonth':
      return t('errorMonth');
    case 'integer':
    case 'number': {
      const { minimum, maximum } = field.constraints;
      if (issue.code === 'invalid_type' && typeof issue.input === 'number' && field.type === 'integer') return t('errorWhole');
      if (minimum !== undefined && maximum !== undefined) return t('errorRange', { min: minimum, max: maximum });
      return t('errorNumber');
    }
    default:
      return field.constraints.pattern ? t('errorFormat', { name: String(field.example) }) : t('errorUnknown');
  }
}

export function checkDonationForm(campaign: Campaign, form: DonationForm, locale: Locale, t: Translate): FormCheck {
  const record = campaign.coerceRecord(form.values);
  const candidate = { consent: { version: form.consentVersion, purposes: form.purposes }, records: [record], locale };
  const parsed = campaign.donationSchema.safeParse(candidate);
  const errors: FormErrors = {};
  if (!parsed.success) {
    const fields = new Map(campaign.schema.fields.map((field) => [field.name, field]));
    for (const issue of parsed.error.issues as unknown as ZodIssueLike[]) {
      const [area, , name] = issue.path;
      const field = area === 'records' ? fields.get(String(name)) : undefined;
      if (field && !errors[field.name]) errors[field.name] = fieldMessage(field, issue, t);
      else if (area === 'consent') errors.purposes = t('errorPurposes');
    }
  }
  if (missingRequiredPurposes(campaign, form.purposes).length > 0) errors.purposes = t('errorPurposes');
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
