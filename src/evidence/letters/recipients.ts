/**
 * Who a letter goes to: the data-protection contacts of credit bureaus and platforms and the
 * supervisory authorities, from `../shared/recipients/` (datenanfragen.de, CC0). Read and checked
 * once; a letter always shows the address it used, since such records age.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Campaign, CampaignField, Locale, RecordValues } from '../../campaigns/types';

const controllerSchema = z.object({
  slug: z.string(),
  name: z.string(),
  address: z.string(),
  email: z.string().optional(),
  webform: z.string().optional(),
  web: z.string().optional(),
  'authority-by-seat': z.string().nullable().optional(),
  'relevant-countries': z.array(z.string()).optional(),
  'suggested-transport-medium': z.enum(['email', 'letter', 'fax', 'webform']).optional(),
  /** What the controller needs to find the person: name, address, email, birthdate… */
  'required-elements': z.array(z.string()).optional(),
  sources: z.array(z.string()).optional(),
});
const authoritySchema = z.object({
  slug: z.string(),
  name: z.string(),
  address: z.string(),
  email: z.string().optional(),
  webform: z.string().optional(),
  'relevant-countries': z.array(z.string()),
  'suggested-transport-medium': z.enum(['email', 'letter', 'fax', 'webform']).optional(),
  'complaint-language': z.string().optional(),
});

export type Controller = z.infer<typeof controllerSchema>;
export type Authority = z.infer<typeof authoritySchema>;

export interface Recipients {
  controllers: Controller[];
  authorities: Authority[];
}

/** `shared/recipients` beside the repository, from `src/` (tests) and from `dist/src/` (built). */
export const DEFAULT_RECIPIENTS_DIRECTORY = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../../../shared/recipients' : '../../../../shared/recipients',
);

export function loadRecipients(directory: string = DEFAULT_RECIPIENTS_DIRECTORY): Recipients {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) as Record<string, unknown>;
  return {
    controllers: z.array(controllerSchema).parse(read('controllers.json').controllers),
    authorities: z.array(authoritySchema).parse(read('supervisory-authorities.json').authorities),
  };
}

/** The field of a campaign that names who decided (its dictionary maps answers to recipients). */
export function controllerField(campaign: Campaign): CampaignField | undefined {
  return campaign.schema.fields.find((field) => field.recipients !== undefined);
}

/** The controllers a campaign's letters can go to, in the dictionary's order. */
export function controllersFor(recipients: Recipients, campaign: Campaign): Controller[] {
  const slugs = [...new Set(Object.values(controllerField(campaign)?.recipients ?? {}))];
  return slugs.map((slug) => recipients.controllers.find((controller) => controller.slug === slug)).filter((controller): controller is Controller => controller !== undefined);
}

/** The controller the record names (its answer mapped by the dictionary), if any. */
export function controllerOfRecord(campaign: Campaign, record: RecordValues | undefined): string | undefined {
  const field = controllerField(campaign);
  if (!field || !record || record[field.name] === undefined) return undefined;
  return field.recipients![String(record[field.name])];
}

/** @throws Error naming the campaign, field and slug when a dictionary maps an answer to no known recipient. */
export function checkCampaignRecipients(recipients: Recipients, campaigns: Campaign[]): void {
  for (const campaign of campaigns) {
    const field = controllerField(campaign);
    for (const [answer, slug] of Object.entries(field?.recipients ?? {})) {
      if (!recipients.controllers.some((controller) => controller.slug === slug)) {
        throw new Error(`${campaign.slug}: field "${field!.name}" maps "${answer}" to the recipient "${slug}", which is not in controllers.json.`);
      }
    }
  }
}

/**
 * The language a letter to this controller is written in: German to a controller that serves
 * only Germany (or is seated there), French likewise for France, English otherwise — the
 * language the international platforms' privacy teams answer in.
 */
export function controllerLanguage(controller: Controller): Locale {
  const countries = controller['relevant-countries'] ?? [];
  const seat = controller.address.split('\n').at(-1)?.trim() ?? '';
  if ((countries.length === 1 && countries[0] === 'de') || seat === 'Deutschland') return 'de';
  if ((countries.length === 1 && countries[0] === 'fr') || seat === 'France') return 'fr';
  return 'en';
}

/** The language of a complaint to this authority: its complaint language when we write it, else English. */
export function authorityLanguage(authority: Authority): Locale {
  const language = authority['complaint-language'];
  return language === 'de' || language === 'fr' || language === 'en' ? language : 'en';
}

export interface ComplaintAuthority {
  authority: Authority;
  /**
   * Why this one: the donor's country (Art. 77(1): habitual residence), for Germany the Land of
   * the donor's residence or of the controller's seat, or — where the donor's country has no
   * authority in the data — the controller's lead authority.
   */
  rule: 'donor-country' | 'donor-land' | 'land-of-seat' | 'federal-contact-point' | 'lead-authority';
  /** The authority of the controller's main establishment (Art. 56), named in the complaint when it is another. */
  lead?: Authority;
}

export interface ComplaintPlace {
  /** ISO country code of the donor's habitual residence. */
  country: string;
  /** Slug of the donor's German Land authority (from the advice data), when the donor gave the Land. */
  landAuthority?: string;
}

/**
 * The authority for a complaint under Art. 77 GDPR: that of the donor's habitual residence, in its
 * language. Germany has one per Land: the donor's Land when given, else the Land of a German
 * controller's seat, else the Federal Commissioner, the central contact point that forwards a
 * complaint to the competent authority (§§ 17, 19(2) BDSG). A controller seated elsewhere is
 * supervised by its lead authority (Art. 56), named beside it.
 */
export function authorityForComplaint(recipients: Recipients, controller: Controller, place: ComplaintPlace | string): ComplaintAuthority | undefined {
  const { country, landAuthority } = typeof place === 'string' ? { country: place, landAuthority: undefined } : place;
  const bySlug = (slug: string | null | undefined) => (slug ? recipients.authorities.find((authority) => authority.slug === slug) : undefined);
  const seat = bySlug(controller['authority-by-seat']);
  const withLead = (chosen: Omit<ComplaintAuthority, 'lead'>): ComplaintAuthority => (seat && seat.slug !== chosen.authority.slug ? { ...chosen, lead: seat } : chosen);
  if (country === 'de') {
    const land = bySlug(landAuthority);
    if (land) return withLead({ authority: land, rule: 'donor-land' });
    if (seat && seat['relevant-countries'].includes('de')) return { authority: seat, rule: 'land-of-seat' };
    const federal = bySlug('debfdi');
    if (federal) return withLead({ authority: federal, rule: 'federal-contact-point' });
  }
  const own = recipients.authorities.find((authority) => authority['relevant-countries'].includes(country));
  if (own) return withLead({ authority: own, rule: 'donor-country' });
  return seat ? { authority: seat, rule: 'lead-authority' } : undefined;
}
