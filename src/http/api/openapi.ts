/**
 * `/api/v1/openapi.json`, generated from the zod schemas the routes validate with (each
 * campaign's donation body included), so the description cannot drift from the code.
 */
import { z } from 'zod';
import type { Campaign } from '../../campaigns/types';
import { version } from '../../version';
import { CSV_MAX_FILE_BYTES } from '../../csv/csv-limits';
import { donationReceiptSchema, donationViewSchema, errorResponseSchema, healthSchema } from './api-schemas';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const errorRef = { $ref: '#/components/schemas/Error' };
function errors(...statuses: number[]): Record<string, unknown> {
  return Object.fromEntries(statuses.map((status) => [String(status), {
    description: `Error ${status}`,
    content: { 'application/json': { schema: errorRef } },
  }]));
}

export function buildOpenApiDocument(campaigns: Campaign[], baseUrl: string): Record<string, unknown> {
  const schemas: Record<string, JsonSchema> = {
    Error: jsonSchema(errorResponseSchema),
    DonationReceipt: jsonSchema(donationReceiptSchema),
    Donation: jsonSchema(donationViewSchema),
    Health: jsonSchema(healthSchema),
  };
  const paths: Record<string, unknown> = {
    '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } } } },
    '/api/v1/campaigns': { get: { summary: 'The campaigns', responses: { 200: { description: 'Campaign summaries' } } } },
    '/api/v1/campaigns/{slug}': {
      get: {
        summary: 'One campaign: its Table Schema, consent texts and purposes',
        description: 'consent.operator names who receives the donation (the operator of this instance) and consent.privacyUrl its privacy notice; consent.sha256 is the SHA-256 of the canonical JSON (keys sorted) of {version, text, purposes, operator}, and is stored with each donation. consent.specialCategoryFields are special categories (GDPR Art. 9), given with explicit consent.',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', enum: campaigns.map((c) => c.slug) } }],
        responses: { 200: { description: 'The campaign' }, ...errors(404) },
      },
    },
    '/api/v1/campaigns/{slug}/findings': {
      get: {
        summary: 'Public findings: counts, each outcome by each protected attribute (raw and adjusted, Holm across the family), the planner; groups under k suppressed',
        parameters: [
          { name: 'slug', in: 'path', required: true, schema: { type: 'string', enum: campaigns.map((c) => c.slug) } },
          { name: 'gap', in: 'query', schema: { type: 'number', exclusiveMinimum: 0, maximum: 50, default: 5 }, description: 'Planner: gap in percentage points for rates' },
          { name: 'd', in: 'query', schema: { type: 'number', exclusiveMinimum: 0, maximum: 5, default: 0.2 }, description: "Planner: Cohen's d for means" },
        ],
        responses: { 200: { description: 'The findings' }, ...errors(400, 404) },
      },
    },
    '/api/v1/campaigns/{slug}/evidence-pack': {
      get: {
        summary: 'The collective evidence pack (zip, a Frictionless Data Package): k-anonymous records of donations that allow ngo-sharing, findings, charts, METHODS.md, manifest.json and its Ed25519 signature; every download is audit-logged',
        security: [{ accessToken: [] }],
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', enum: campaigns.map((c) => c.slug) } }],
        responses: { 200: { description: 'The pack', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } }, ...errors(401, 403, 404) },
      },
    },
    '/api/v1/signing-key': {
      get: {
        summary: 'The Ed25519 public key that signs evidence packs (PEM) and its fingerprint (SHA-256 of the key\'s SubjectPublicKeyInfo DER, hex): check a pack with `crowdaudit verify pack.zip --fingerprint HEX` or `--key FILE`, since a pack\'s own key proves nothing',
        responses: { 200: { description: 'The key', content: { 'application/json': { schema: { type: 'object', required: ['algorithm', 'publicKeyPem', 'fingerprint'], properties: { algorithm: { type: 'string', enum: ['Ed25519'] }, publicKeyPem: { type: 'string' }, fingerprint: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } } } } },
      },
    },
    '/api/v1/donations/me/evidence': {
      get: {
        summary: 'Your personal evidence pack: donation, peers, prediction, adjusted effects, caveats, GDPR letters, manifest (receipt as Bearer credential)',
        security: [{ receipt: [] }],
        parameters: [
          { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'html', 'pdf'], default: 'json' } },
          { name: 'lang', in: 'query', schema: { type: 'string', enum: ['en', 'de', 'fr'] }, description: 'Default: the language of the donation' },
          { name: 'controller', in: 'query', schema: { type: 'string' }, description: 'Who the letters go to (a slug of ../shared/recipients); default: the one the record names' },
          { name: 'country', in: 'query', schema: { type: 'string', pattern: '^[a-z]{2}$' }, description: 'Your country, for the complaint letter; default de' },
        ],
        responses: {
          200: { description: 'The pack; JSON with the keys donation, peers, prediction, effects, caveats, letters, manifest', content: { 'application/json': {}, 'text/html': {}, 'application/pdf': {} } },
          ...errors(400, 401, 429),
        },
      },
    },
    '/api/v1/donations/me': {
      get: {
        summary: 'Read your donation (receipt as Bearer credential)',
        security: [{ receipt: [] }],
        parameters: [{ name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } }],
        responses: {
          200: { description: 'The donation', content: { 'application/json': { schema: { $ref: '#/components/schemas/Donation' } }, 'text/csv': { schema: { type: 'string' } } } },
          ...errors(400, 401, 429),
        },
      },
      delete: {
        summary: 'Delete your donation everywhere, at once',
        security: [{ receipt: [] }],
        responses: { 204: { description: 'Deleted; the receipt no longer works' }, ...errors(401, 403, 429) },
      },
    },
    '/api/v1/donations/me/purposes/{purpose}': {
      delete: {
        summary: 'Withdraw one optional purpose (e.g. ngo-sharing) and keep the rest of your donation (receipt as Bearer credential)',
        description: 'Recorded with the consent version it withdraws from. The donation leaves the outputs of that purpose at once (ngo-sharing: the NGO pack). Withdrawing a purpose the donation no longer holds changes nothing (204). A required purpose (research) cannot be withdrawn alone: 409 purpose_required, delete the donation instead.',
        security: [{ receipt: [] }],
        parameters: [{ name: 'purpose', in: 'path', required: true, schema: { type: 'string', enum: [...new Set(campaigns.flatMap((c) => c.consent.purposes.filter((purpose) => !purpose.required).map((purpose) => purpose.id)))] } }],
        responses: { 204: { description: 'Withdrawn; the rest of the donation stays' }, ...errors(400, 401, 403, 409, 429) },
      },
    },
  };
  for (const campaign of campaigns) {
    const bodyName = `DonationBody_${campaign.slug.replace(/[^A-Za-z0-9]/g, '_')}`;
    schemas[bodyName] = jsonSchema(campaign.donationSchema, 'input');
    paths[`/api/v1/campaigns/${campaign.slug}/donations`] = {
      post: {
        summary: `Donate records to "${campaign.title.en}"`,
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 22, maxLength: 200, pattern: '^[A-Za-z0-9_=-]+$' },
          description: 'A retry with the same key returns the first answer instead of donating twice. At least 128 random bits: a random UUID, or 32+ hex, 26+ base32 or 22+ base64url characters; anything else is answered 400' }],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: `#/components/schemas/${bodyName}` } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['consentVersion', 'purposes', 'records'],
                properties: {
                  consentVersion: { type: 'string', description: 'The consent version agreed to' },
                  purposes: { type: 'array', items: { type: 'string', enum: campaign.consent.purposes.map((purpose) => purpose.id) }, description: 'Repeated fields, or one comma-separated field' },
                  locale: { type: 'string', enum: ['en', 'de', 'fr'] },
                  records: { type: 'string', format: 'binary', description: `CSV, one record per row, header = field names (template: /campaigns/${campaign.slug}/template.csv); UTF-8 (BOM optional), Windows-1252 or UTF-16; "," ";" or tab; at most ${campaign.maxRecords} rows and ${CSV_MAX_FILE_BYTES / 1024 / 1024} MB` },
                },
              },
              encoding: { records: { contentType: 'text/csv' } },
            },
          },
        },
        responses: {
          201: { description: 'Donated', content: { 'application/json': { schema: { $ref: '#/components/schemas/DonationReceipt' } } } },
          // 403 cross_site_request: a browser on another site (Origin or Sec-Fetch-Site); 415: not JSON in UTF-8 nor multipart.
          ...errors(400, 403, 404, 409, 413, 415, 422, 429),
        },
        description: 'A CSV whose rows fail the record schema is refused whole with 400 `invalid_csv`: each issue names `records[index].field` and the spreadsheet `row` (header = 1). Too many rows or too large a file: 413.',
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'crowdaudit API', version, license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' } },
    servers: [{ url: baseUrl }],
    paths,
    components: { schemas, securitySchemes: { receipt: { type: 'http', scheme: 'bearer', description: 'The receipt code of a donation' }, accessToken: { type: 'http', scheme: 'bearer', description: 'An access token of role ngo or analyst (crowdaudit token create)' } } },
  };
}
