/**
 * CSRF protection for the HTML forms (double-submit cookie, csrf-csrf). The JSON API needs none:
 * it authenticates with an Authorization header, which a browser never sends on its own.
 */
import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { AppError } from '../../app-error';

export interface CsrfProtection {
  /** Issues a token for a form (and sets its cookie). */
  token(req: Request, res: Response): string;
  /** Refuses a form post whose `_csrf` field does not match its cookie. */
  protect: RequestHandler;
  /** Whether `token` matches the request's CSRF cookie: for a multipart form, checked as soon as the token field is read. */
  validToken(req: Request, token: string): boolean;
}

export function csrfInvalid(): AppError {
  return new AppError(403, 'csrf_invalid', 'This form has expired or did not come from this site. Please go back, reload the page and try again.');
}

export const CSRF_FIELD = '_csrf';

export function createCsrfProtection(options: { secret?: string; secureCookies: boolean }): CsrfProtection {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    // Donors have no session: the signed random cookie is the whole binding.
    getSessionIdentifier: () => '',
    cookieName: options.secureCookies ? '__Host-crowdaudit.csrf' : 'crowdaudit.csrf',
    cookieOptions: { sameSite: 'strict', path: '/', secure: options.secureCookies, httpOnly: true },
    getCsrfTokenFromRequest: (req) => (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] as string | undefined,
  });
  return {
    token: (req, res) => generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false }),
    protect: (req, _res, next) => {
      if (validateRequest(req)) return next();
      next(csrfInvalid());
    },
    // The same check on the token alone, before the rest of the body (and req.body) exists.
    validToken: (req, token) => validateRequest({ cookies: req.cookies ?? {}, body: { [CSRF_FIELD]: token } } as unknown as Request),
  };
}
