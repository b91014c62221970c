import type { Request } from 'express';
import { AppError } from '../app-error';

/** The credential of `Authorization: Bearer <credential>`; a 401 naming the header when absent. */
export function bearerCredential(req: Request): string {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S(?:.*\S)?)\s*$/i.exec(header);
  if (!match) {
    throw new AppError(401, 'unauthenticated', 'Send your receipt code as "Authorization: Bearer <receipt>".',
      [{ path: ['headers', 'authorization'], message: 'Missing or not a Bearer credential' }],
      { 'WWW-Authenticate': 'Bearer realm="crowdaudit"' });
  }
  return match[1];
}
