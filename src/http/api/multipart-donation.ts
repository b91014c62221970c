/**
 * A donation sent as `multipart/form-data` — `consentVersion`, `purposes` (repeated, or
 * comma-separated) and the CSV file `records` — turned into the same body as a JSON donation and
 * checked by the same zod schema. A file with any invalid row is refused whole, every problem
 * named by the row a spreadsheet shows and the column.
 */
import { z } from 'zod';
import { AppError, issuesFromZod, MAX_LISTED_ISSUES, validationError, type ErrorIssue } from '../../app-error';
import type { Campaign, DonationBody } from '../../campaigns/types';
import { csvIssuesAsErrorIssues, readCampaignCsv, spreadsheetRow } from '../../csv/read-campaign-csv';
import { CSV_FILE_FIELD } from '../middleware/csv-upload';

/** The most row problems listed in one answer: the same cap as every error's issue list. */
export const MAX_LISTED_ROW_ISSUES = MAX_LISTED_ISSUES;

const fieldsSchema = z
  .object({
    consentVersion: z.string({ error: 'Give the consent version you agreed to' }).min(1, 'Give the consent version you agreed to'),
    purposes: z.union([z.string(), z.array(z.string())], { error: 'Give the purposes you agree to' }),
    locale: z.string().optional(),
  })
  .strict();

function purposesOf(value: string | string[]): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
}

/** Adds the spreadsheet row to the issues of `records[index]…`. */
function withRows(issues: ErrorIssue[]): ErrorIssue[] {
  return issues.map((issue) => (issue.path[0] === 'records' && typeof issue.path[1] === 'number' ? { ...issue, row: spreadsheetRow(issue.path[1]) } : issue));
}

export function multipartDonationBody(campaign: Campaign, fields: unknown, file: { buffer: Buffer } | undefined): DonationBody {
  const parsedFields = fieldsSchema.safeParse(fields ?? {});
  if (!parsedFields.success) throw validationError(issuesFromZod(parsedFields.error.issues));
  if (!file) {
    throw validationError([{ path: [CSV_FILE_FIELD], message: `Attach the CSV file as the field "${CSV_FILE_FIELD}"` }]);
  }
  const csv = readCampaignCsv(campaign, file.buffer);
  if (csv.issues.length > 0) {
    const rows = new Set(csv.issues.map((issue) => issue.row)).size;
    const listed = csv.issues.slice(0, MAX_LISTED_ROW_ISSUES);
    const first = listed.slice(0, 3).map((issue) => issue.message).join(' ');
    const more = csv.issues.length > listed.length ? ` The first ${listed.length} of ${csv.issues.length} problems are listed.` : '';
    throw new AppError(400, 'invalid_csv', `${rows} ${rows === 1 ? 'row has' : 'rows have'} a problem, so nothing was saved. ${first}${more}`, csvIssuesAsErrorIssues(csv.issues));
  }
  const candidate = {
    consent: { version: parsedFields.data.consentVersion, purposes: purposesOf(parsedFields.data.purposes) },
    records: csv.records,
    ...(parsedFields.data.locale === undefined ? {} : { locale: parsedFields.data.locale }),
  };
  const parsed = campaign.donationSchema.safeParse(candidate);
  if (!parsed.success) throw validationError(withRows(issuesFromZod(parsed.error.issues)));
  return parsed.data;
}
