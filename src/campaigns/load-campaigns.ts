/**
 * Reads every campaign file in `data-dictionary/`, checks it, and derives once what the server
 * needs (schemas, consent hash). A broken file stops start-up with the file and field named.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../canonical-json';
import { recordCoercer } from './coerce-record';
import { campaignFileSchema } from './dictionary-file-schema';
import { buildDonationSchema, buildRecordSchema } from './record-schema';
import type { Campaign, CampaignDefinition, FieldRole } from './types';

export class CampaignFileError extends Error {
  constructor(file: string, location: string, problem: string) {
    super(`${file}: ${location ? `${location}: ` : ''}${problem}`);
    this.name = 'CampaignFileError';
  }
}

export interface CampaignRegistry {
  get(slug: string): Campaign | undefined;
  list(): Campaign[];
}

/** `data-dictionary/` from `src/campaigns` (tests) and from `dist/src/campaigns` (built). */
export const DEFAULT_DICTIONARY_DIRECTORY = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../data-dictionary' : '../../data-dictionary',
);

/** `schema.fields[3].constraints.enum`, as a person reads a path. */
export function formatPath(parts: ReadonlyArray<PropertyKey>): string {
  return parts.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '');
}

function parseJson(file: string, content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? `line ${content.slice(0, Number(position[1])).split('\n').length}` : '';
    throw new CampaignFileError(file, where, `not valid JSON (${message})`);
  }
}

function typedExample(coerceRecord: (raw: Record<string, unknown>) => Record<string, unknown>, name: string, text: string): string | number | boolean {
  const value = coerceRecord({ [name]: text })[name];
  return typeof value === 'number' || typeof value === 'boolean' ? value : text;
}

/**
 * The campaign as its dictionary file defines it, without what is derived (functions do not cross
 * to worker threads) or read from beside it (the population margins: a worker is given them apart):
 * examples written back as text, as the file has them, so buildCampaign takes it.
 */
export function campaignDefinition(campaign: Campaign): CampaignDefinition {
  const { consentSha256, recordSchema, donationSchema, coerceRecord, fieldsWithRole, populationMargins, ...definition } = campaign;
  return { ...definition, schema: { ...definition.schema, fields: definition.schema.fields.map((field) => ({ ...field, example: String(field.example) })) } };
}

/** Checks one campaign definition and derives its schemas. */
export function buildCampaign(definition: unknown, file: string): Campaign {
  const parsed = campaignFileSchema.safeParse(definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CampaignFileError(file, formatPath(issue.path), issue.message);
  }
  const fromFile = parsed.data;
  const coerceRecord = recordCoercer(fromFile.schema.fields as CampaignDefinition['schema']['fields'], fromFile.schema.missingValues);
  // The file writes each example as text (Table Schema); the server, its API and the template use
  // the typed value, as a donor's record holds it.
  const fields = fromFile.schema.fields.map((field) => ({ ...field, example: typedExample(coerceRecord, field.name, field.example) }));
  const campaign = { ...fromFile, schema: { ...fromFile.schema, fields } } as CampaignDefinition;
  const recordSchema = buildRecordSchema(campaign.schema.fields);
  campaign.schema.fields.forEach((field, index) => {
    const example = recordSchema.safeParse({ [field.name]: field.example });
    const problem = example.success ? undefined : example.error.issues.find((issue) => issue.path[0] === field.name);
    if (problem) throw new CampaignFileError(file, `schema.fields[${index}].example`, problem.message);
  });
  return {
    ...campaign,
    consentSha256: createHash('sha256').update(canonicalJson(campaign.consent)).digest('hex'),
    recordSchema,
    donationSchema: buildDonationSchema(campaign, recordSchema),
    coerceRecord,
    fieldsWithRole: (role: FieldRole) => campaign.schema.fields.filter((field) => field.role === role),
  };
}

export function loadCampaigns(directory: string = DEFAULT_DICTIONARY_DIRECTORY): CampaignRegistry {
  const files = fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => name.endsWith('.json')).sort() : [];
  if (files.length === 0) throw new CampaignFileError(directory, '', 'holds no campaign (*.json) files');
  const campaigns = new Map<string, Campaign>();
  for (const name of files) {
    const file = path.join(path.basename(directory), name);
    const campaign = buildCampaign(parseJson(file, fs.readFileSync(path.join(directory, name), 'utf8')), file);
    if (campaign.slug !== path.basename(name, '.json')) {
      throw new CampaignFileError(file, 'slug', `must match the file name ("${path.basename(name, '.json')}")`);
    }
    campaigns.set(campaign.slug, campaign);
  }
  return { get: (slug) => campaigns.get(slug), list: () => [...campaigns.values()] };
}
