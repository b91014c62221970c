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

export const signingKeySchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKeyPem: z.string().describe('SPKI, PEM'),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of the key's SubjectPublicKeyInfo DER, hex"),
  })
  .strict();

/**
 * The personal evidence pack as JSON. Its parts are described by their stable keys only and may
 * carry more (what a sentence or a letter holds is the pack's to change).
 */
export const personalPackSchema = z
  .object({
    donation: donationViewSchema.shape.donation,
    peers: z.array(z.looseObject({ outcome: z.string(), suppressed: z.boolean(), sentence: z.string() })).describe('Donors with the same legitimate factors, suppressed below k'),
    prediction: z.array(z.looseObject({ outcome: z.string(), available: z.boolean(), sentence: z.string() })).describe('The outcome a model on the legitimate factors predicts, against the actual one'),
    effects: z
      .array(z.looseObject({ outcome: z.string(), attribute: z.string(), level: z.string(), status: z.enum(['compared', 'reference', 'suppressed', 'none']), sentence: z.string() }))
      .describe("The adjusted effect of each of the donor's protected attributes"),
    caveats: z.array(z.object({ code: z.string(), text: z.string() })),
    letters: z.array(z.looseObject({ id: z.string(), title: z.string(), subject: z.string(), paragraphs: z.array(z.string()), text: z.string() })).describe('GDPR letters ready to send'),
    manifest: z.looseObject({
      software: z.object({ name: z.literal('crowdaudit'), version: z.string() }),
      datasetSha256: z.string(),
      campaign: z.string(),
      campaignVersion: z.string(),
      records: z.int().describe('Rounded to 5'),
      people: z.int().describe('Rounded to 5'),
      generatedOn: z.string(),
      parameters: z.record(z.string(), z.unknown()),
    }),
  })
  .strict();

/** The OpenAPI document itself, as far as a client needs to know it is one. */
export const openApiDocumentSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });
