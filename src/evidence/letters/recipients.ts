/**
 * Who a letter goes to: the data-protection contacts of credit bureaus and platforms and the
 * supervisory authorities, from `../shared/recipients/` (datenanfragen.de, CC0). Read and checked
 * once; a letter always shows the address it used, since such records age.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const controllerSchema = z.object({
  slug: z.string(),
  name: z.string(),
  address: z.string(),
  email: z.string().optional(),
  webform: z.string().optional(),
  web: z.string().optional(),
  'authority-by-seat': z.string().nullable().optional(),
  sources: z.array(z.string()).optional(),
});
const authoritySchema = z.object({
  slug: z.string(),
  name: z.string(),
  address: z.string(),
  email: z.string().optional(),
  webform: z.string().optional(),
  'relevant-countries': z.array(z.string()),
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

/** The controllers a campaign's letters can go to, and which answer of a record picks each. */
export const CAMPAIGN_CONTROLLERS: Record<string, { field: string; byValue: Record<string, string> }> = {
  'credit-scores': { field: 'bureau', byValue: { schufa: 'schufa', crif: 'crifbuergel', creditreform: 'creditreform-verband', infoscore: 'infoscore', experian: 'experian-de' } },
  'platform-decisions': { field: 'platform', byValue: { uber: 'uber', bolt: 'bolt', lieferando: 'takeaway-com', wolt: 'wolt', deliveroo: 'deliveroo' } },
};

export function controllersFor(recipients: Recipients, campaignSlug: string): Controller[] {
  const slugs = new Set(Object.values(CAMPAIGN_CONTROLLERS[campaignSlug]?.byValue ?? {}));
  return recipients.controllers.filter((controller) => slugs.has(controller.slug));
}

export interface ComplaintAuthority {
  authority: Authority;
  /** Why this one: the donor's country, the German Land of the controller's seat, or the controller's lead authority. */
  rule: 'donor-country' | 'land-of-seat' | 'lead-authority';
}

/**
 * The authority for a complaint under Art. 77: the donor's country's; for Germany, which has one
 * authority per Land, the Land authority of the controller's seat, or — for a controller seated
 * abroad — the lead authority of that seat, which acts on it (Art. 56).
 */
export function authorityForComplaint(recipients: Recipients, controller: Controller, donorCountry: string): ComplaintAuthority | undefined {
  const bySlug = (slug: string | null | undefined) => (slug ? recipients.authorities.find((authority) => authority.slug === slug) : undefined);
  const seat = bySlug(controller['authority-by-seat']);
  if (donorCountry === 'de') {
    if (seat && seat['relevant-countries'].includes('de')) return { authority: seat, rule: 'land-of-seat' };
    return seat ? { authority: seat, rule: 'lead-authority' } : undefined;
  }
  const own = recipients.authorities.find((authority) => authority['relevant-countries'].includes(donorCountry));
  if (own) return { authority: own, rule: 'donor-country' };
  return seat ? { authority: seat, rule: 'lead-authority' } : undefined;
}
