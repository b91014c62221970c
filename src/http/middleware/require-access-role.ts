/**
 * `Authorization: Bearer <access token>` for NGO and analyst routes: 401 without a credential or
 * with one that is not a live access token (a donor's receipt is not one), 403 when the token's
 * role may not use the route. The principal is left on `res.locals.principal` for the route.
 */
import type { RequestHandler } from 'express';
import type { AccessPrincipal, AccessTokenService } from '../../access/access-token-service';
import { AppError } from '../../app-error';
import type { AccessRole } from '../../storage/token-repository';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="crowdaudit"' };

export function requireAccessRole(tokens: AccessTokenService, allowed: readonly AccessRole[]): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!match) {
      throw new AppError(401, 'unauthenticated', 'Send an access token as "Authorization: Bearer <token>".',
        [{ path: ['headers', 'authorization'], message: 'Missing or not a Bearer credential' }], CHALLENGE);
    }
    const principal = await tokens.authenticate(match[1]);
    if (!principal) {
      throw new AppError(401, 'unauthenticated', 'This access token is unknown or revoked. Ask the operator for a token.',
        [{ path: ['headers', 'authorization'], message: 'Not a valid access token' }], CHALLENGE);
    }
    if (!allowed.includes(principal.role)) {
      throw new AppError(403, 'forbidden', `A token with the role "${principal.role}" may not do this.`,
        [{ path: ['headers', 'authorization'], message: `Needs one of the roles: ${allowed.join(', ')}` }]);
    }
    (res.locals as { principal?: AccessPrincipal }).principal = principal;
    next();
  };
}
