/**
 * What `GET /api/v1/campaigns` and `GET /api/v1/campaigns/:slug` answer, as zod schemas picked
 * from the dictionary file's own schema (src/campaigns/dictionary-file-schema.ts), so the OpenAPI
 * document says what the server loads. One difference from the file: a field's `example` is
 * typed (97.5, false) as a record holds it, where the file writes it as text (Table Schema).
 */
import { z } from 'zod';
import { campaignFileShape, fieldShape, localizedSchema, purposeSchema } from '../../campaigns/dictionary-file-schema';

export const campaignSummarySchema = campaignFileShape
  .pick({ slug: true, version: true, status: true, title: true, description: true, decisionMaker: true, entry: true })
  .meta({ title: 'Campaign summary' });

export const campaignListSchema = z.object({ campaigns: z.array(campaignSummarySchema) }).strict();

const publicFieldSchema = fieldShape.extend({
  example: z.union([z.string(), z.number(), z.boolean()]).describe("An example value, typed as in a record (the dictionary file writes it as text)"),
});

const operatorSchema = z
  .object({ name: z.string(), address: z.array(z.string()), email: z.string().nullable(), dataProtectionEmail: z.string().nullable() })
  .strict()
  .describe('Who receives the donation: the operator of this instance');

export const publicCampaignSchema = campaignFileShape
  .pick({ slug: true, version: true, status: true, title: true, description: true, decisionMaker: true, entry: true, maxRecords: true, retentionDays: true, minGroupSize: true })
  .extend({
    schema: z
      .object({ fields: z.array(publicFieldSchema), missingValues: z.array(z.string()) })
      .strict()
      .describe("The record's Frictionless Table Schema with crowdaudit's extensions (role, quasiIdentifier, translations)"),
    consent: z
      .object({
        version: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the canonical JSON (keys sorted) of {version, text, purposes, operator}; stored with each donation'),
        texts: localizedSchema,
        purposes: z.array(purposeSchema),
        operator: operatorSchema,
        operatorConfigured: z.boolean().describe('False while the instance runs with the demo operator'),
        privacyUrl: z.string().describe('The privacy notice'),
        specialCategoryFields: z.array(z.string()).describe('Fields that are special categories of personal data (GDPR Art. 9), given with explicit consent'),
      })
      .strict(),
  })
  .strict();
