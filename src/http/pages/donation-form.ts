/**
 * Reads the donation form (the person's facts once, one block per record, consent) into the same
 * JSON body the API takes, so the form and the API share one validation: the campaign's zod
 * schema. The person's facts are copied into every record. Errors come back per control in the
 * donor's language.
 */
import { fieldMessage, type FieldProblem } from '../../campaigns/field-message';
import type { Campaign, CampaignField, DonationBody, Locale } from '../../campaigns/types';
import { missingRequiredPurposes } from '../../donations/consent';
import type { Translate } from '../../i18n/messages';
import { controlKey, RECORD_PREFIX } from '../views/form-field';

/**
 * The most record blocks the web form shows: each block is a dozen form fields, and the body
 * parser takes 500; a donor with more records uploads a CSV file.
 */
export const MAX_FORM_RECORDS = 25;

export interface DonationForm {
  /** The person's facts (fields with `perDonor`), by field name, as typed (to show them again). */
  values: Record<string, string>;
  /** One entry per record block: the record's own fields, by name, as typed. */
  records: Array<Record<string, string>>;
  purposes: string[];
  consentVersion: string;
  idempotencyKey?: string;
}

/** Errors by control key (see `controlKey`); `purposes` for the consent checkboxes. */
export type FormErrors = Record<string, string>;

export type FormCheck = { ok: true; body: DonationBody } | { ok: false; errors: FormErrors };

export const EMPTY_FORM: DonationForm = { values: {}, records: [{}], purposes: [], consentVersion: '' };

/** How many record blocks the form may show for this campaign. */
export function formRecordLimit(campaign: Campaign): number {
  return Math.min(campaign.maxRecords, MAX_FORM_RECORDS);
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function donorFields(campaign: Campaign): CampaignField[] {
  return campaign.schema.fields.filter((field) => field.perDonor);
}

export function recordFields(campaign: Campaign): CampaignField[] {
  return campaign.schema.fields.filter((field) => !field.perDonor);
}

function blockCount(campaign: Campaign, body: Record<string, unknown>): number {
  const count = Number(body.record_count);
  return Number.isInteger(count) ? Math.min(Math.max(count, 1), formRecordLimit(campaign)) : 1;
}

/** The form as posted: what the donor typed, kept as text. Unknown and out-of-range keys are ignored. */
export function readDonationForm(campaign: Campaign, body: Record<string, unknown>): DonationForm {
  const text = (key: string): string | undefined => {
    const value = body[`${RECORD_PREFIX}${key}`];
    return typeof value === 'string' ? value : undefined;
  };
  const values: Record<string, string> = {};
  for (const field of donorFields(campaign)) {
    const value = text(field.name);
    if (value !== undefined) values[field.name] = value;
  }
  const records = Array.from({ length: blockCount(campaign, body) }, (_unused, index) => {
    const record: Record<string, string> = {};
    for (const field of recordFields(campaign)) {
      const value = text(controlKey(field, index));
      if (value !== undefined) record[field.name] = value;
    }
    return record;
  });
  return {
    values,
    records,
    purposes: asList(body.purposes),
    consentVersion: typeof body.consent_version === 'string' ? body.consent_version : '',
    idempotencyKey: typeof body.idempotency_key === 'string' ? body.idempotency_key : undefined,
  };
}

/** The form after "add another record" (an empty block at the end, up to the limit). */
export function withRecordAdded(campaign: Campaign, form: DonationForm): DonationForm {
  return form.records.length >= formRecordLimit(campaign) ? form : { ...form, records: [...form.records, {}] };
}

/** The form after "remove" on one block; the last block stays (emptied) so there is always one. */
export function withRecordRemoved(form: DonationForm, index: number): DonationForm {
  if (!Number.isInteger(index) || index < 0 || index >= form.records.length) return form;
  const records = form.records.filter((_record, position) => position !== index);
  return { ...form, records: records.length > 0 ? records : [{}] };
}

/** The form without blocks left wholly empty (an "add another" not used), keeping at least one. */
export function withoutEmptyRecords(form: DonationForm): DonationForm {
  const filled = form.records.filter((record) => Object.values(record).some((value) => value.trim() !== ''));
  return filled.length === form.records.length ? form : { ...form, records: filled.length > 0 ? filled : [{}] };
}

/** Every record as the API would receive it: the person's facts copied into each. */
export function formRecords(form: DonationForm): Array<Record<string, string>> {
  return form.records.map((record) => ({ ...form.values, ...record }));
}

export function checkDonationForm(campaign: Campaign, form: DonationForm, locale: Locale, t: Translate): FormCheck {
  const records = formRecords(form).map((record) => campaign.coerceRecord(record));
  const candidate = { consent: { version: form.consentVersion, purposes: form.purposes }, records, locale };
  // reportInput: the message differs for a missing answer and a wrong one.
  const parsed = campaign.donationSchema.safeParse(candidate, { reportInput: true });
  const errors: FormErrors = {};
  if (!parsed.success) {
    const fields = new Map(campaign.schema.fields.map((field) => [field.name, field]));
    for (const issue of parsed.error.issues as unknown as Array<FieldProblem & { path: PropertyKey[] }>) {
      const [area, index, name] = issue.path;
      const field = area === 'records' ? fields.get(String(name)) : undefined;
      if (field) {
        // A fact about the person is wrong in every record; it is reported once, at its one control.
        const key = controlKey(field, Number(index));
        if (!errors[key]) errors[key] = fieldMessage(field, issue, t);
      } else if (area === 'consent') errors.purposes = t('errorPurposes');
    }
  }
  if (missingRequiredPurposes(campaign, form.purposes).length > 0) errors.purposes = t('errorPurposes');
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
