/**
 * Synthetic records with a realistic structure for demos: the outcome depends mostly on the
 * campaign's legitimate factors, and also — on purpose — on some protected attributes, so that
 * a demo database shows findings. Nothing here is real data.
 */
import type { Campaign, CampaignField, RecordValues } from '../campaigns/types';
import type { SeededRandom } from './random';

/** How strongly each level of a field pushes towards the adverse outcome (0 = neutral). */
export type Disadvantage = Record<string, Record<string, number>>;

/**
 * The built-in disparities: the demo's "algorithm" treats these levels worse than the rest.
 * Keys that a campaign lacks are ignored, so one table serves every campaign.
 */
export const DEMO_DISADVANTAGE: Disadvantage = {
  nationality: { 'non-eu': 0.9, 'other-eu': 0.3 },
  migration_background: { yes: 0.5 },
  sex: { female: 0.25, diverse: 0.3 },
  age_band: { '18-24': 0.6, '65+': 0.4 },
};

/** A mildly skewed choice: earlier enum levels are more common, as with most real answers. */
function enumValue(field: CampaignField, random: SeededRandom): string {
  const levels = field.constraints.enum ?? [];
  const notStated = levels.filter((level) => /not-stated|unknown/.test(level));
  const stated = levels.filter((level) => !notStated.includes(level));
  if (notStated.length > 0 && random.chance(0.05)) return random.pick(notStated);
  return random.pick(stated, stated.map((_, index) => 1 / (1 + index * 0.35)));
}

/** How far values usually spread around the example: counts and scores cluster near it. */
function typicalSpread(field: CampaignField): number {
  const example = typeof field.example === 'number' ? field.example : 1;
  return Math.max(Math.abs(example) * 0.25, field.type === 'integer' ? 1 : 0.5);
}

function clamp(field: CampaignField, value: number): number {
  const bounded = Math.min(field.constraints.maximum ?? Infinity, Math.max(field.constraints.minimum ?? -Infinity, value));
  return field.type === 'integer' ? Math.round(bounded) : Math.round(bounded * 10) / 10;
}

function numberValue(field: CampaignField, random: SeededRandom): number {
  const example = typeof field.example === 'number' ? field.example : 0;
  return clamp(field, example + random.normal() * typicalSpread(field));
}

/** Digits like the example's (a postcode region), else the example itself. */
function textValue(field: CampaignField, random: SeededRandom): string {
  const example = String(field.example);
  return /^\d+$/.test(example) ? example.replace(/\d/g, () => String(random.integer(0, 9))) : example;
}

function yearMonthValue(random: SeededRandom, now: Date): string {
  const monthsAgo = random.integer(0, 35);
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  return date.toISOString().slice(0, 7);
}

/** A value for a field that is not an outcome. */
export function syntheticValue(field: CampaignField, random: SeededRandom, now: Date): string | number | boolean {
  if (field.constraints.enum) return enumValue(field, random);
  switch (field.type) {
    case 'boolean':
      return random.chance(0.15);
    case 'integer':
    case 'number':
      return numberValue(field, random);
    case 'yearmonth':
      return yearMonthValue(random, now);
    default:
      return textValue(field, random);
  }
}

/**
 * Pushes towards the adverse outcome from legitimate factors: "yes" on a negative entry weighs
 * against the person; numbers move it a little either side of their typical value.
 */
function legitimateBurden(field: CampaignField, value: string | number | boolean): number {
  if (typeof value === 'boolean') return value ? 0.8 : 0;
  if (typeof value === 'number' && typeof field.example === 'number') return (0.15 * (value - field.example)) / typicalSpread(field);
  return 0;
}

/** The outcome values, derived from a latent "adverse" score. */
function outcomeValue(field: CampaignField, latent: number, random: SeededRandom): string | number | boolean {
  const probability = 1 / (1 + Math.exp(-latent));
  if (field.type === 'boolean') return random.chance(probability);
  if (field.constraints.enum) {
    const levels = field.constraints.enum.filter((level) => !/unknown|not-stated/.test(level));
    return levels[Math.min(levels.length - 1, Math.floor(probability * levels.length))];
  }
  // A score: high is good, so the adverse latent lowers it.
  const typical = typeof field.example === 'number' ? field.example : 0;
  const spread = typicalSpread(field) * 0.2;
  return clamp(field, typical - (latent + 2) * spread + random.normal() * spread * 0.5);
}

/** One synthetic record for the campaign; optional fields are sometimes left out, as donors do. */
export function syntheticRecord(campaign: Campaign, random: SeededRandom, now: Date, person: RecordValues): RecordValues {
  const record: RecordValues = {};
  let latent = -2 + random.normal() * 0.6;
  for (const field of campaign.schema.fields) {
    if (field.role === 'outcome') continue;
    const value = field.name in person ? person[field.name] : syntheticValue(field, random, now);
    if (!field.constraints.required && field.role !== 'protected' && field.role !== 'legitimate' && random.chance(0.2)) continue;
    record[field.name] = value;
    if (field.role === 'legitimate') latent += legitimateBurden(field, value);
    if (field.role === 'protected') latent += DEMO_DISADVANTAGE[field.name]?.[String(value)] ?? 0;
  }
  for (const field of campaign.fieldsWithRole('outcome')) {
    if (!field.constraints.required && random.chance(0.3)) continue;
    record[field.name] = outcomeValue(field, latent, random);
  }
  return record;
}

/** The attributes that stay the same across one donor's records (who they are). */
export function syntheticPerson(campaign: Campaign, random: SeededRandom, now: Date): RecordValues {
  const person: RecordValues = {};
  for (const field of campaign.fieldsWithRole('protected')) person[field.name] = syntheticValue(field, random, now);
  return person;
}
