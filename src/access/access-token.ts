/**
 * Access tokens: `ca_<role>_` then 32 base64url characters of 192 random bits (over the 128 the
 * design asks for). The prefix lets secret scanners and people recognise one; only the SHA-256
 * of the whole token is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AccessRole } from '../storage/token-repository';

export const ACCESS_ROLES: readonly AccessRole[] = ['ngo', 'analyst'];
const TOKEN_PATTERN = /^ca_(ngo|analyst)_[A-Za-z0-9_-]{32}$/;

export function generateAccessToken(role: AccessRole): string {
  return `ca_${role}_${randomBytes(24).toString('base64url')}`;
}

/** Whether the text has a token's shape; a receipt or anything else never does. */
export function looksLikeAccessToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}

/** SHA-256 (hex), with a domain prefix so a token hash can never equal a receipt hash. */
export function hashAccessToken(token: string): string {
  return createHash('sha256').update(`access-token:${token}`).digest('hex');
}
