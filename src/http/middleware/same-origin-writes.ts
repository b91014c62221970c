/**
 * The API authenticates donations by nothing a browser adds on its own, so any web page could
 * make its visitors donate (or post as them) through it: a form or fetch from another site is
 * answered 201. State-changing API requests from a browser are accepted only from this server's
 * own origin (BASE_URL) or one configured in ALLOWED_ORIGINS. Requests without these headers —
 * curl, scripts, other servers — are not browsers acting for a visitor and still work.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../../app-error';
import type { Config } from '../../config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function crossSite(header: string): AppError {
  return new AppError(403, 'cross_site_request',
    'This request came from another web site. Donate on this site, or ask its operator to allow your site (ALLOWED_ORIGINS).',
    [{ path: ['headers', header], message: 'Not this site and not an allowed origin' }]);
}

export function sameOriginWrites(config: Pick<Config, 'baseUrl' | 'allowedOrigins'>): RequestHandler {
  const allowed = new Set([new URL(config.baseUrl).origin, ...(config.allowedOrigins ?? [])]);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    // A browser names the page's origin on every cross-origin post ("null" for sandboxed pages and files).
    if (origin !== undefined) return next(allowed.has(origin) ? undefined : crossSite('origin'));
    const site = req.get('sec-fetch-site')?.toLowerCase();
    if (site === 'cross-site' || site === 'same-site') return next(crossSite('sec-fetch-site'));
    next();
  };
}
