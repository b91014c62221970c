import type { Request } from 'express';
import { LOCALES, type Locale } from '../campaigns/types';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The donor's language: the switcher's `?lang=` or `switch_lang` (or a form's hidden `lang`), else the choice
 * remembered in the `lang` cookie, else the browser's Accept-Language, else English.
 */
export function localeOf(req: Request): Locale {
  const fromQuery = req.query?.lang;
  if (isLocale(fromQuery)) return fromQuery;
  const body = req.body as Record<string, unknown> | undefined;
  // A switcher button that submits the page's form names the new language; the hidden `lang` the old one.
  if (isLocale(body?.switch_lang)) return body.switch_lang;
  if (isLocale(body?.lang)) return body.lang;
  const fromCookie = (req.cookies as Record<string, unknown> | undefined)?.lang;
  if (isLocale(fromCookie)) return fromCookie;
  const accepted = req.acceptsLanguages(...LOCALES);
  return isLocale(accepted) ? accepted : 'en';
}
