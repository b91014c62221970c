import type { Request, Response } from 'express';
import type { Locale } from '../../campaigns/types';
import { localeOf } from '../../i18n/locale';
import { translator } from '../../i18n/messages';
import type { AppDependencies } from '../dependencies';
import type { PageContext } from '../views/donation-views';

/** Locale, translator and a CSRF token for rendering one page. */
export function pageContext(dependencies: AppDependencies, req: Request, res: Response): PageContext {
  const locale = localeOf(req);
  return { locale, t: translator(locale), csrfToken: dependencies.csrf.token(req, res), operator: dependencies.operator };
}

const ONE_YEAR_MS = 365 * 86_400_000;

/** Remembers the donor's choice of language in a cookie, for the pages that follow. */
export function rememberLocale(dependencies: AppDependencies, res: Response, locale: Locale): void {
  res.cookie('lang', locale, { sameSite: 'lax', httpOnly: true, maxAge: ONE_YEAR_MS, secure: dependencies.config.baseUrl.startsWith('https://') });
}

/** Sends a page; no page is cached, since several show receipts or donations. */
export function sendPage(res: Response, body: string, status = 200): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(body);
}

export function formBody(req: Request): Record<string, unknown> {
  return (req.body ?? {}) as Record<string, unknown>;
}
