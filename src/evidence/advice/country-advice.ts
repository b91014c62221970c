/**
 * Where a donor gets free help, per country, and how short the deadline to contest a dismissal
 * is: facts with their sources, kept as data in `data-dictionary/advice/` so that an NGO can
 * correct them without touching code. Read and checked once, at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_DICTIONARY_DIRECTORY } from '../../campaigns/load-campaigns';
import { localizedSchema } from '../../campaigns/dictionary-file-schema';

const helpSchema = z
  .object({
    kind: z.enum(['consumer-advice', 'ombudsman', 'discrimination', 'union', 'worker-centre', 'legal-aid']),
    campaigns: z.array(z.string()).min(1),
    /** Only for letters to these controllers (an ombudsman of one bureau). */
    appliesTo: z.array(z.string()).optional(),
    name: z.string().min(1),
    web: z.url(),
    text: localizedSchema,
    source: z.string().min(1),
  })
  .strict();

const countryAdviceSchema = z
  .object({
    country: z.string().regex(/^[a-z]{2}$/),
    checkedOn: z.iso.date(),
    /** German Länder (ISO 3166-2 suffix) to the slug of their data-protection authority. */
    complaintAuthorityByLand: z.record(z.string().regex(/^[A-Z]{2}$/), z.string()).optional(),
    help: z.array(helpSchema),
    dismissalDeadline: z.object({ days: z.int().positive(), text: localizedSchema, source: z.string().min(1) }).strict().optional(),
  })
  .strict();

export type CountryAdvice = z.infer<typeof countryAdviceSchema>;
export type HelpEntry = z.infer<typeof helpSchema>;

export const DEFAULT_ADVICE_DIRECTORY = path.join(DEFAULT_DICTIONARY_DIRECTORY, 'advice');

/** @throws Error naming the file and the field when an advice file is malformed. */
export function loadAdvice(directory: string = DEFAULT_ADVICE_DIRECTORY): Map<string, CountryAdvice> {
  const advice = new Map<string, CountryAdvice>();
  if (!fs.existsSync(directory)) return advice;
  for (const name of fs.readdirSync(directory).filter((file) => file.endsWith('.json')).sort()) {
    const parsed = countryAdviceSchema.safeParse(JSON.parse(fs.readFileSync(path.join(directory, name), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`advice/${name}: ${issue.path.join('.') || '(file)'} ${issue.message}`);
    }
    if (`${parsed.data.country}.json` !== name) throw new Error(`advice/${name}: country "${parsed.data.country}" must match the file name`);
    advice.set(parsed.data.country, parsed.data);
  }
  return advice;
}

/**
 * The help for a campaign (and controller), the donor's country first, then the other countries
 * the campaign's controllers serve (`relevant-countries`; "all" for the platforms) that have any.
 */
export function helpFor(advice: Map<string, CountryAdvice>, campaign: string, controller: string | undefined, donorCountry: string, servedCountries: readonly string[] = ['all']): Array<{ country: string; entries: HelpEntry[] }> {
  const served = (country: string) => country === donorCountry || servedCountries.includes('all') || servedCountries.includes(country);
  const countries = [...advice.keys()].filter(served).sort((first, second) => Number(second === donorCountry) - Number(first === donorCountry) || first.localeCompare(second));
  return countries
    .map((country) => ({
      country,
      entries: advice.get(country)!.help.filter((entry) => entry.campaigns.includes(campaign) && (!entry.appliesTo || (controller !== undefined && entry.appliesTo.includes(controller)))),
    }))
    .filter((section) => section.entries.length > 0);
}
