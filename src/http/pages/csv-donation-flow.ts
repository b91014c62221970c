/**
 * The CSV donation without JavaScript: upload → review (every row checked, invalid cells marked,
 * rows removable) → confirm. Between steps the remaining rows travel as CSV text in a hidden
 * field; every step reads and checks them again with the same code as the API, so nothing the
 * browser sends back is trusted.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import Papa from 'papaparse';
import type { Campaign } from '../../campaigns/types';
import { CsvFormatError } from '../../csv/csv-error';
import { csvProblemText } from '../../csv/csv-problem-text';
import { decodeCsvBytes } from '../../csv/decode-csv-bytes';
import { readCampaignCsvText, type CampaignCsvText } from '../../csv/read-campaign-csv-text';
import { missingRequiredPurposes } from '../../donations/consent';
import { idempotencyKeySchema } from '../../donations/idempotency';
import { csvTranslator } from '../../i18n/csv-messages';
import { isLocale } from '../../i18n/locale';
import type { AppDependencies } from '../dependencies';
import { csvDonationFormPage, csvReviewPage, type CsvForm } from '../views/csv-donation-views';
import { receiptPage, type PageContext } from '../views/donation-views';
import { formBody, pageContext, rememberLocale, sendPage } from './page-context';

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** The rows' text: a newly chosen file wins over the rows carried from the last step. */
function sourceText(req: Request, body: Record<string, unknown>): string | undefined {
  if (req.file && req.file.size > 0) return decodeCsvBytes(req.file.buffer).text;
  return typeof body.records_csv === 'string' && body.records_csv.trim() !== '' ? body.records_csv : undefined;
}

/** The rows left after the ticked ones are removed, as CSV text with the file's own header. */
function withoutRows(csv: CampaignCsvText, removed: ReadonlySet<number>): string {
  const rows = csv.rows.filter((_cells, index) => !removed.has(index));
  return Papa.unparse({ fields: csv.columns.map((field) => field.name), data: rows }, { newline: '\r\n' });
}

export function csvUploadPage(campaign: Campaign, context: PageContext): string {
  return csvDonationFormPage(campaign, { purposes: [], consentVersion: campaign.consent.version }, {}, context);
}

/** The upload form again after a file over the size limit, which multer stops before it is read. */
export function csvTooLargePage(campaign: Campaign, context: PageContext): string {
  const form = { purposes: [], consentVersion: campaign.consent.version };
  return csvDonationFormPage(campaign, form, { file: csvTranslator(context.locale)('csvProblem.file-too-large') }, context);
}

export async function handleCsvDonation(dependencies: AppDependencies, campaign: Campaign, req: Request, res: Response): Promise<void> {
  const context = pageContext(dependencies, req, res);
  const { t } = context;
  const csvT = csvTranslator(context.locale);
  const body = formBody(req);
  const form: CsvForm = { purposes: asList(body.purposes), consentVersion: typeof body.consent_version === 'string' ? body.consent_version : '' };

  // A change of language shows the same step again: the upload form, or the review of the rows carried.
  const switching = isLocale(body.switch_lang);
  // A multipart body is read after the pages' cookie middleware ran: remember the choice here.
  if (switching) rememberLocale(dependencies, res, context.locale);
  if (body.action === 'edit' || (switching && sourceText(req, body) === undefined)) {
    sendPage(res, csvDonationFormPage(campaign, form, {}, context));
    return;
  }
  if (form.consentVersion !== campaign.consent.version) {
    sendPage(res, csvDonationFormPage(campaign, { ...form, purposes: [] }, {}, context, t('consentOutdated')), 409);
    return;
  }

  let csv: CampaignCsvText;
  let csvText: string;
  try {
    const text = sourceText(req, body);
    if (text === undefined) {
      sendPage(res, csvDonationFormPage(campaign, form, { file: csvT('csvNoFile') }, context), 400);
      return;
    }
    csv = readCampaignCsvText(campaign, text);
    csvText = text;
    const removed = new Set((switching ? [] : asList(body.remove)).map(Number).filter((index) => Number.isInteger(index) && index >= 0 && index < csv.rows.length));
    if (removed.size > 0) {
      csvText = withoutRows(csv, removed);
      csv = readCampaignCsvText(campaign, csvText);
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    sendPage(res, csvDonationFormPage(campaign, form, { file: csvProblemText(error, csvT) }, context), error.status);
    return;
  }

  if (missingRequiredPurposes(campaign, form.purposes).length > 0 && !(switching && body.step === 'review')) {
    const kept = { ...form, kept: { csvText, rows: csv.rows.length } };
    sendPage(res, csvDonationFormPage(campaign, kept, { purposes: t('errorPurposes') }, context), 400);
    return;
  }

  const clean = csv.issues.length === 0;
  // Donate only what the donor saw: a confirm that also removed rows shows the review again.
  const removedNow = asList(body.remove).length > 0;
  if (body.action === 'confirm' && clean && !removedNow && !switching) {
    const parsed = campaign.donationSchema.safeParse({
      consent: { version: form.consentVersion, purposes: form.purposes },
      records: csv.records,
      locale: context.locale,
    });
    if (parsed.success) {
      const key = idempotencyKeySchema.safeParse(body.idempotency_key);
      const outcome = await dependencies.donations.donate(campaign, parsed.data, key.success ? key.data : undefined);
      sendPage(res, receiptPage(campaign, outcome.receipt, context), 201);
      return;
    }
  }
  const review = { csv, csvText, purposes: form.purposes, consentVersion: form.consentVersion, idempotencyKey: randomUUID() };
  sendPage(res, csvReviewPage(campaign, review, context), clean ? 200 : 400);
}
