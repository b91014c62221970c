/**
 * Reads the donation form (one record, consent) into the same JSON body the API takes, so the
 * form and the API share one validation: the campaign's zod schema. Errors come back per field
 * in the donor's language.
 */
import { fieldMessage, type FieldProblem } from '../../campaigns/field-message';
import type { Campaign, DonationBody, Locale } from '../../campaigns/types';
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

export function checkDonationForm(campaign: Campaign, form: DonationForm, locale: Locale, t: Translate): FormCheck {
  const record = campaign.coerceRecord(form.values);
  const candidate = { consent: { version: form.consentVersion, purposes: form.purposes }, records: [record], locale };
  // reportInput: the message differs for a missing answer and a wrong one.
  const parsed = campaign.donationSchema.safeParse(candidate, { reportInput: true });
  const errors: FormErrors = {};
  if (!parsed.success) {
    const fields = new Map(campaign.schema.fields.map((field) => [field.name, field]));
    for (const issue of parsed.error.issues as unknown as Array<FieldProblem & { path: PropertyKey[] }>) {
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
