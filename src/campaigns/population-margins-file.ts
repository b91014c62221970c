/**
 * Population margins beside a campaign's dictionary (`data-dictionary/margins/<slug>.json`, a
 * Frictionless Tabular Data Resource, and the CSV it points to): for each margin, the population
 * count of each level of a dictionary field, with its source, table and reference date. Raking
 * weights the donors to them. Checked with zod at load, so a broken file fails with the file,
 * the field or the row named.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import type { PopulationMargin } from '../../analysis/raked-estimates';
import { CampaignFileError, DEFAULT_DICTIONARY_DIRECTORY, formatPath } from './load-campaigns';
import type { Campaign } from './types';

const text = z.string().trim().min(1, 'must not be empty');

const marginSourceSchema = z
  .object({
    column: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a field name (snake_case)'),
    publisher: text,
    /** The publisher's table code, e.g. GENESIS 12411-0013. */
    table: text,
    tableTitle: text,
    /** The reference date of the counts (YYYY-MM-DD), e.g. the Stichtag. */
    referenceDate: z.iso.date('must be a date, YYYY-MM-DD'),
    url: z.url('must be a URL'),
    /** How the counts were made from the table (sums over ages, regions…). */
    derivation: text,
  })
  .strict();

const descriptorSchema = z
  .object({
    profile: z.literal('tabular-data-resource'),
    name: z.string().regex(/^[a-z0-9._-]+$/, 'must be lower-case letters, digits, ".", "-" or "_" (Frictionless)'),
    title: text,
    description: text,
    /** The campaign whose dictionary the margins' columns and levels belong to. */
    campaign: text,
    path: z.string().regex(/^[A-Za-z0-9._-]+\.csv$/, 'must be a CSV file name in the same folder'),
    format: z.literal('csv'),
    mediatype: z.literal('text/csv'),
    encoding: z.literal('utf-8'),
    schema: z.object({
      fields: z.tuple([
        z.object({ name: z.literal('column') }).loose(),
        z.object({ name: z.literal('level') }).loose(),
        z.object({ name: z.literal('population') }).loose(),
      ], { error: 'must be the three fields column, level, population' }),
      primaryKey: z.tuple([z.literal('column'), z.literal('level')]),
    }).strict(),
    sources: z.array(z.object({ title: text, path: z.url('must be a URL') }).strict()).min(1),
    licenses: z.array(z.object({ name: text, title: text, path: z.url('must be a URL') }).strict()).min(1),
    margins: z.array(marginSourceSchema).min(1),
  })
  .strict();

export type MarginSource = z.infer<typeof marginSourceSchema>;

export interface PopulationMarginsFile {
  /** The descriptor's path. */
  file: string;
  title: string;
  campaign: string;
  /** In the analysis' shape, in the descriptor's order of margins and the CSV's order of levels. */
  margins: PopulationMargin[];
  sources: MarginSource[];
}

const rowSchema = z
  .object({
    column: text,
    level: text,
    population: z.string().regex(/^[1-9][0-9]*$/, 'must be a whole number of people, at least 1'),
  })
  .strict();

/**
 * Reads a margins descriptor and its CSV.
 * @throws CampaignFileError naming the file and the field (`margins[0].referenceDate`) or the CSV
 *   row and column, for an invalid descriptor, a row of a margin the descriptor does not source, a
 *   level given twice, a margin with fewer than two levels.
 */
export function loadPopulationMargins(descriptorFile: string): PopulationMarginsFile {
  const name = path.basename(descriptorFile);
  if (!fs.existsSync(descriptorFile)) throw new CampaignFileError(name, '', `no such file (${descriptorFile})`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(descriptorFile, 'utf8'));
  } catch (error) {
    throw new CampaignFileError(name, '', `not valid JSON (${(error as Error).message})`);
  }
  const parsed = descriptorSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CampaignFileError(name, formatPath(issue.path), issue.message);
  }
  const descriptor = parsed.data;
  const columns = descriptor.margins.map((margin) => margin.column);
  const twice = columns.find((column, index) => columns.indexOf(column) !== index);
  if (twice) throw new CampaignFileError(name, 'margins', `the column "${twice}" has two margins`);

  const csvName = descriptor.path;
  const csvFile = path.join(path.dirname(descriptorFile), csvName);
  if (!fs.existsSync(csvFile)) throw new CampaignFileError(name, 'path', `no file ${csvName} beside the descriptor`);
  const table = Papa.parse<Record<string, string>>(fs.readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const header = table.meta.fields ?? [];
  if (header.join(',') !== 'column,level,population') throw new CampaignFileError(csvName, 'header', `must be column,level,population (found ${header.join(',')})`);
  const levels = new Map<string, Array<{ level: string; total: number }>>(columns.map((column) => [column, []]));
  table.data.forEach((cells, index) => {
    const row = index + 2; // the header is row 1
    const checked = rowSchema.safeParse(cells);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new CampaignFileError(csvName, `row ${row}, ${formatPath(issue.path) || 'cells'}`, issue.message);
    }
    const list = levels.get(checked.data.column);
    if (!list) throw new CampaignFileError(csvName, `row ${row}, column`, `"${checked.data.column}" is not a margin of ${name} (${columns.join(', ')})`);
    if (list.some((entry) => entry.level === checked.data.level)) throw new CampaignFileError(csvName, `row ${row}, level`, `${checked.data.column} = ${checked.data.level} is given twice`);
    list.push({ level: checked.data.level, total: Number(checked.data.population) });
  });
  for (const [column, list] of levels) {
    if (list.length < 2) throw new CampaignFileError(csvName, '', `the margin "${column}" needs at least two levels (found ${list.length})`);
  }
  return {
    file: descriptorFile,
    title: descriptor.title,
    campaign: descriptor.campaign,
    margins: columns.map((column) => ({ column, levels: levels.get(column)! })),
    sources: descriptor.margins,
  };
}

/**
 * Checks that each margin is about a field of the campaign with an enum and that each level is
 * one of its values (population categories must be the dictionary's, or no record would match).
 * @throws CampaignFileError naming the margin and the level.
 */
export function checkMarginsAgainstCampaign(margins: PopulationMarginsFile, campaign: Campaign): void {
  const name = path.basename(margins.file);
  if (margins.campaign !== campaign.slug) throw new CampaignFileError(name, 'campaign', `is "${margins.campaign}", not "${campaign.slug}"`);
  margins.margins.forEach((margin, index) => {
    const field = campaign.schema.fields.find((candidate) => candidate.name === margin.column);
    const values = field?.constraints.enum;
    if (!values) throw new CampaignFileError(name, `margins[${index}].column`, `"${margin.column}" is not a field of ${campaign.slug} with a list of values`);
    for (const { level } of margin.levels) {
      if (!values.includes(level)) throw new CampaignFileError(name, `margins[${index}]`, `"${level}" is not a value of ${campaign.slug}'s field "${margin.column}" (${values.join(', ')})`);
    }
  });
}

/** The campaign's margins (`data-dictionary/margins/<slug>.json`), checked against it; undefined when it ships none. */
export function campaignPopulationMargins(campaign: Campaign, directory: string = DEFAULT_DICTIONARY_DIRECTORY): PopulationMarginsFile | undefined {
  const file = path.join(directory, 'margins', `${campaign.slug}.json`);
  if (!fs.existsSync(file)) return undefined;
  const margins = loadPopulationMargins(file);
  checkMarginsAgainstCampaign(margins, campaign);
  return margins;
}
