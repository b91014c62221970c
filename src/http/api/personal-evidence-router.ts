/**
 * `GET /api/v1/donations/me/evidence?format=json|html|pdf`: the donor's personal evidence pack,
 * with the receipt as Bearer credential (rate-limited like every receipt use), in the donor's
 * language. Never cached: it holds the donation.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { issuesFromZod, validationError } from '../../app-error';
import { LOCALES, type Locale } from '../../campaigns/types';
import { controllersFor } from '../../evidence/letters';
import { isLocale } from '../../i18n/locale';
import { PACK_STYLE_HASH, personalPackHtml } from '../../evidence/personal/personal-pack-html';
import type { PersonalPack } from '../../evidence/personal/personal-pack';
import type { RenderPdf } from '../../evidence/personal/render-pdf';
import type { AppDependencies } from '../dependencies';
import type { RateLimiters } from '../middleware/rate-limits';
import { donationOfReceipt } from './receipt-donation';

export const evidenceQuerySchema = z
  .object({
    format: z.enum(['json', 'html', 'pdf']).default('json'),
    lang: z.enum(LOCALES).optional(),
    controller: z.string().regex(/^[a-z0-9-]{1,60}$/, 'Not a controller name').optional(),
    country: z.string().regex(/^[a-z]{2}$/, 'Give a two-letter country code such as de, fr or at').optional(),
    land: z.string().regex(/^[A-Z]{2}$/, 'Give the German Land as its two-letter code, such as BY or BE').optional(),
  })
  .strict();

export type EvidenceQuery = z.infer<typeof evidenceQuerySchema>;

/** Checks the query against what the donation's campaign offers; a 400 names the field. */
export function parseEvidenceQuery(dependencies: AppDependencies, campaignSlug: string, query: unknown, pathPrefix: string[] = ['query']): EvidenceQuery {
  const parsed = evidenceQuerySchema.safeParse(query);
  if (!parsed.success) throw validationError(issuesFromZod(parsed.error.issues).map((issue) => ({ ...issue, path: [...pathPrefix, ...issue.path] })));
  const campaign = dependencies.campaigns.get(campaignSlug);
  const offered = campaign ? controllersFor(dependencies.personalPacks.recipients, campaign).map((controller) => controller.slug) : [];
  if (parsed.data.controller && !offered.includes(parsed.data.controller)) {
    throw validationError([{ path: [...pathPrefix, 'controller'], message: `Choose one of: ${offered.join(', ')}` }]);
  }
  const lands = Object.keys(dependencies.personalPacks.advice.get('de')?.complaintAuthorityByLand ?? {});
  if (parsed.data.land && !lands.includes(parsed.data.land)) {
    throw validationError([{ path: [...pathPrefix, 'land'], message: `Choose one of: ${lands.join(', ')}` }]);
  }
  return parsed.data;
}

/** Sends a built pack in the asked format (the API route and the /my-donation download share it). */
export async function sendPersonalPack(res: Response, pack: PersonalPack, donationId: string, format: EvidenceQuery['format'], locale: Locale, renderPdf: RenderPdf): Promise<void> {
  const fileName = `crowdaudit-evidence-${donationId.slice(0, 8)}`;
  res.set('Cache-Control', 'no-store');
  if (format === 'pdf') {
    res.type('application/pdf').attachment(`${fileName}.pdf`).send(await renderPdf(pack, locale));
  } else if (format === 'html') {
    res.set('Content-Security-Policy', `default-src 'none'; style-src ${PACK_STYLE_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    res.type('html').attachment(`${fileName}.html`).send(personalPackHtml(pack, locale));
  } else {
    res.type('application/json').attachment(`${fileName}.json`).send(JSON.stringify(pack, null, 2));
  }
}

export function createPersonalEvidenceRouter(dependencies: AppDependencies, limits: RateLimiters): Router {
  const router = Router();
  router.get('/donations/me/evidence', limits.receipts, async (req, res) => {
    const donation = await donationOfReceipt(dependencies, req);
    const query = parseEvidenceQuery(dependencies, donation.campaign, req.query);
    const locale = query.lang ?? (isLocale(donation.locale) ? donation.locale : 'en');
    const pack = await dependencies.personalPacks.build(donation, { locale, controller: query.controller, country: query.country, land: query.land });
    await sendPersonalPack(res, pack, donation.id, query.format, locale, dependencies.personalPacks.renderPdf);
  });
  return router;
}
