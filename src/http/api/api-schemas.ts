/**
 * zod schemas of what the JSON API answers, so `/api/v1/openapi.json` is generated from the
 * same definitions the code uses instead of a hand-kept copy.
 */
import { z } from 'zod';

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({
      path: z.array(z.union([z.string(), z.number()])),
      message: z.string(),
      row: z.int().optional().describe('CSV uploads: the row as a spreadsheet numbers it (header = 1)'),
    })).describe('At most 100 issues'),
    issuesOmitted: z.int().optional().describe('How many issues were found beyond those listed'),
  }),
});

export const donationReceiptSchema = z.object({
  donationId: z.uuid(),
  receipt: z.string().describe('Shown once; keep it to see or delete the donation'),
  records: z.int().positive(),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const donationViewSchema = z.object({
  donation: z.object({
    id: z.uuid(),
    campaign: z.string(),
    campaignVersion: z.string(),
    createdOn: z.string().describe('UTC day, YYYY-MM-DD'),
    locale: z.string(),
    receiptSha256: z.string(),
    consent: z.object({ version: z.string(), sha256: z.string(), purposes: z.array(z.string()) }),
    contentSha256: z.string(),
    records: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  }),
});

export const healthSchema = z.object({ status: z.literal('ok') });

export const donationsMeQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();
