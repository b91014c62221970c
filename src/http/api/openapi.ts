/**
 * `/api/v1/openapi.json`, generated from the zod schemas the routes validate with (each
 * campaign's donation body, with the dictionary's titles and descriptions on its fields; the
 * query strings) and the zod schemas of what they answer, so the description cannot drift from
 * the code. It passes Redocly's `recommended` rules (tests/api/openapi-lint.test.ts) and names
 * every route of the API (tests walk the Express router).
 */
import { z } from 'zod';
import type { Campaign } from '../../campaigns/types';
import { version } from '../../version';
import { CSV_MAX_FILE_BYTES } from '../../csv/csv-limits';
import { donationReceiptSchema, donationsMeQuerySchema, donationViewSchema, errorResponseSchema, healthSchema, openApiDocumentSchema, personalPackSchema, signingKeySchema } from './api-schemas';
import { campaignListSchema, publicCampaignSchema } from './campaign-response-schemas';
import { findingsQuerySchema } from './findings-router';
import { findingsResponseSchema } from './findings-response-schema';
import { evidenceQuerySchema } from './personal-evidence-router';
import { templateQuerySchema } from '../template-query';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** A zod object of query parameters as OpenAPI parameters (what the route parses, not a copy). */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return { name, in: 'query', required: (object.required ?? []).includes(name), schema: propertySchema, ...(description ? { description } : {}) };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ 'application/json': { schema: ref(name) } });

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: each issue names the field (path) and, for a CSV, the row',
  401: 'No valid credential: the Bearer receipt or access token is missing or unknown',
  403: 'Not allowed: the token lacks the role, or a browser page of another origin sent the request (cross_site_request)',
  404: 'No such campaign',
  409: 'The campaign is closed, or the purpose is required (delete the donation instead)',
  413: 'Too large: over 5 MB, or more rows than the campaign allows',
  415: 'Not JSON, multipart/form-data or UTF-8',
  422: 'The consent version or purposes do not match the campaign',
  429: 'Too many requests from this address: wait for Retry-After seconds',
};

function errors(...statuses: number[]): Record<string, unknown> {
  return Object.fromEntries(statuses.map((status) => [String(status), {
    description: ERROR_TEXT[status],
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 0 } } } } : {}),
    content: { 'application/json': { schema: ref('Error') } },
  }]));
}

const PUBLIC = { security: [] as unknown[] };
const slugParameter = (campaigns: Campaign[]) => ({ name: 'slug', in: 'path', required: true, description: 'The campaign', schema: { type: 'string', enum: campaigns.map((campaign) => campaign.slug) } });

export function buildOpenApiDocument(campaigns: Campaign[], baseUrl: string): Record<string, unknown> {
  const schemas: Record<string, JsonSchema> = {
    Error: jsonSchema(errorResponseSchema),
    DonationReceipt: jsonSchema(donationReceiptSchema),
    Donation: jsonSchema(donationViewSchema),
    Health: jsonSchema(healthSchema),
    CampaignList: jsonSchema(campaignListSchema),
    Campaign: jsonSchema(publicCampaignSchema),
    Findings: jsonSchema(findingsResponseSchema),
    SigningKey: jsonSchema(signingKeySchema),
    PersonalPack: jsonSchema(personalPackSchema),
    OpenApiDocument: jsonSchema(openApiDocumentSchema),
  };
  const slug = slugParameter(campaigns);
  const paths: Record<string, unknown> = {
    '/healthz': {
      get: { operationId: 'getHealth', tags: ['service'], summary: 'Liveness', ...PUBLIC, responses: { 200: { description: 'The server answers', content: jsonContent('Health') } } },
    },
    '/api/v1/openapi.json': {
      get: { operationId: 'getOpenApiDocument', tags: ['service'], summary: 'This document', ...PUBLIC, responses: { 200: { description: 'The OpenAPI 3.1 description of the API', content: jsonContent('OpenApiDocument') } } },
    },
    '/api/v1/campaigns': {
      get: { operationId: 'listCampaigns', tags: ['campaigns'], summary: 'The campaigns', ...PUBLIC, responses: { 200: { description: 'Campaign summaries', content: jsonContent('CampaignList') } } },
    },
    '/api/v1/campaigns/{slug}': {
      get: {
        operationId: 'getCampaign',
        tags: ['campaigns'],
        summary: 'One campaign: its Table Schema, consent texts and purposes',
        description: 'consent.operator names who receives the donation (the operator of this instance) and consent.privacyUrl its privacy notice; consent.sha256 is the SHA-256 of the canonical JSON (keys sorted) of {version, text, purposes, operator}, and is stored with each donation. consent.specialCategoryFields are special categories (GDPR Art. 9), given with explicit consent.',
        ...PUBLIC,
        parameters: [slug],
        responses: { 200: { description: 'The campaign', content: jsonContent('Campaign') }, ...errors(404) },
      },
    },
    '/campaigns/{slug}/template.csv': {
      get: {
        operationId: 'getCsvTemplate',
        tags: ['campaigns'],
        summary: "The campaign's CSV template: its field names as the header and one example row",
        description: 'UTF-8 with a byte-order mark. For a German or French reader (lang, else the Accept-Language header) the separator is ";" and the decimal mark ","; otherwise "," and ".". The upload reads all of them.',
        ...PUBLIC,
        parameters: [slug, ...queryParameters(templateQuerySchema)],
        responses: { 200: { description: 'The template', content: { 'text/csv': { schema: { type: 'string' } } } }, 404: { description: 'No such campaign (an HTML page)', content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
    '/api/v1/campaigns/{slug}/findings': {
      get: {
        operationId: 'getFindings',
        tags: ['findings'],
        summary: 'Public findings: counts, each outcome by each protected attribute (per comparable stratum, raw and adjusted, Bonferroni across the family with simultaneous intervals, and raked to the population margins where the campaign ships them), how far the donors are from the population, the planner; groups under k suppressed',
        description: 'The latest release; between releases every request gets the same answer. Before the first release, release is null and the lists are empty.',
        ...PUBLIC,
        parameters: [slug, ...queryParameters(findingsQuerySchema)],
        responses: { 200: { description: 'The findings of the latest release', content: jsonContent('Findings') }, ...errors(400, 404) },
      },
    },
    '/api/v1/campaigns/{slug}/evidence-pack': {
      get: {
        operationId: 'getCollectiveEvidencePack',
        tags: ['evidence'],
        summary: 'The collective evidence pack (zip, a Frictionless Data Package): k-anonymous records of donations that allow ngo-sharing, findings, charts, METHODS.md, manifest.json and its Ed25519 signature; every download is audit-logged',
        security: [{ accessToken: [] }],
        parameters: [slug],
        responses: { 200: { description: 'The pack', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } }, ...errors(401, 403, 404, 429) },
      },
    },
    '/api/v1/signing-key': {
      get: {
        operationId: 'getSigningKey',
        tags: ['evidence'],
        summary: "The Ed25519 public key that signs evidence packs (PEM) and its fingerprint: check a pack with `crowdaudit verify pack.zip --fingerprint HEX` or `--key FILE`, since a pack's own key proves nothing",
        ...PUBLIC,
        responses: { 200: { description: 'The key', content: jsonContent('SigningKey') } },
      },
    },
    '/api/v1/donations/me/evidence': {
      get: {
        operationId: 'getPersonalEvidencePack',
        tags: ['evidence'],
        summary: 'Your personal evidence pack: a first page in plain words, donation, peers, prediction, adjusted effects, caveats, GDPR letters (in each recipient\'s language, with a translation), help per country, manifest (receipt as Bearer credential); every statistic comes from the latest findings release',
        security: [{ receipt: [] }],
        parameters: queryParameters(evidenceQuerySchema),
        responses: {
          200: {
            description: 'The pack, in the language asked (else the donation\'s)',
            content: { 'application/json': { schema: ref('PersonalPack') }, 'text/html': { schema: { type: 'string' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errors(400, 401, 429),
        },
      },
    },
    '/api/v1/donations/me': {
      get: {
        operationId: 'getMyDonation',
        tags: ['donations'],
        summary: 'Read your donation (receipt as Bearer credential)',
        description: 'format=csv: UTF-8 with a byte-order mark; for a donation made in German or French ";" as separator and "," as decimal mark, otherwise "," and ".".',
        security: [{ receipt: [] }],
        parameters: queryParameters(donationsMeQuerySchema),
        responses: {
          200: { description: 'The donation', content: { ...jsonContent('Donation'), 'text/csv': { schema: { type: 'string' } } } },
          ...errors(400, 401, 429),
        },
      },
      delete: {
        operationId: 'deleteMyDonation',
        tags: ['donations'],
        summary: 'Delete your donation everywhere, at once',
        security: [{ receipt: [] }],
        responses: { 204: { description: 'Deleted; the receipt no longer works' }, ...errors(401, 403, 429) },
      },
    },
    '/api/v1/donations/me/purposes/{purpose}': {
      delete: {
        operationId: 'withdrawPurpose',
        tags: ['donations'],
        summary: 'Withdraw one optional purpose (e.g. ngo-sharing) and keep the rest of your donation (receipt as Bearer credential)',
        description: 'Recorded with the consent version it withdraws from. The donation leaves the outputs of that purpose at once (ngo-sharing: the NGO pack). Withdrawing a purpose the donation no longer holds changes nothing (204). A required purpose (research) cannot be withdrawn alone: 409 purpose_required, delete the donation instead.',
        security: [{ receipt: [] }],
        parameters: [{ name: 'purpose', in: 'path', required: true, description: 'The purpose to withdraw', schema: { type: 'string', enum: [...new Set(campaigns.flatMap((c) => c.consent.purposes.filter((purpose) => !purpose.required).map((purpose) => purpose.id)))] } }],
        responses: { 204: { description: 'Withdrawn; the rest of the donation stays' }, ...errors(400, 401, 403, 409, 429) },
      },
    },
  };
  for (const campaign of campaigns) {
    const name = campaign.slug.replace(/[^A-Za-z0-9]/g, '_');
    const bodyName = `DonationBody_${name}`;
    schemas[bodyName] = jsonSchema(campaign.donationSchema, 'input');
    paths[`/api/v1/campaigns/${campaign.slug}/donations`] = {
      post: {
        operationId: `donateTo_${name}`,
        tags: ['donations'],
        summary: `Donate records to "${campaign.title.en}"`,
        description: 'A CSV whose rows fail the record schema is refused whole with 400 `invalid_csv`: each issue names `records[index].field` and the spreadsheet `row` (header = 1). Too many rows or too large a file: 413.',
        ...PUBLIC,
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 22, maxLength: 200, pattern: '^[A-Za-z0-9_=-]+$' },
          description: 'A retry with the same key returns the first answer instead of donating twice. At least 128 random bits: a random UUID, or 32+ hex, 26+ base32 or 22+ base64url characters; anything else is answered 400' }],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: ref(bodyName) },
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['consentVersion', 'purposes', 'records'],
                properties: {
                  consentVersion: { type: 'string', description: 'The consent version agreed to' },
                  purposes: { type: 'array', items: { type: 'string', enum: campaign.consent.purposes.map((purpose) => purpose.id) }, description: 'Repeated fields, or one comma-separated field' },
                  locale: { type: 'string', enum: ['en', 'de', 'fr'] },
                  records: { type: 'string', format: 'binary', description: `CSV, one record per row, header = field names (template: /campaigns/${campaign.slug}/template.csv); UTF-8 (BOM optional), Windows-1252 or UTF-16; "," ";" or tab; decimal "." or ","; at most ${campaign.maxRecords} rows and ${CSV_MAX_FILE_BYTES / 1024 / 1024} MB` },
                },
              },
              encoding: { records: { contentType: 'text/csv' } },
            },
          },
        },
        responses: {
          201: { description: 'Donated', content: jsonContent('DonationReceipt') },
          ...errors(400, 403, 404, 409, 413, 415, 422, 429),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'crowdaudit API',
      version,
      description: 'Donate records of automated decisions with specific, withdrawable consent; read the public findings; download evidence packs.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: baseUrl, description: 'This instance (BASE_URL)' }],
    tags: [
      { name: 'campaigns', description: 'What each campaign collects and why' },
      { name: 'donations', description: 'Donating, and the donor\'s own donation with the receipt' },
      { name: 'findings', description: 'Public findings, released at most once per interval' },
      { name: 'evidence', description: 'Personal and collective evidence packs, and the key that signs them' },
      { name: 'service', description: 'The server itself' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        receipt: { type: 'http', scheme: 'bearer', description: 'The receipt code of a donation' },
        accessToken: { type: 'http', scheme: 'bearer', description: 'An access token of role ngo or analyst (crowdaudit token create)' },
      },
    },
  };
}
