/**
 * Creating, listing, revoking and checking access tokens. Checking hashes the presented token
 * and compares the stored hash in constant time; a revoked or unknown token is the same "no".
 */
import { AppError } from '../app-error';
import { hashesEqual } from '../donations/receipt';
import type { TokenStore } from '../storage/store';
import type { AccessRole, AccessTokenRow } from '../storage/token-repository';
import { generateAccessToken, hashAccessToken, looksLikeAccessToken } from './access-token';

export interface AccessTokenSummary {
  id: number;
  label: string;
  role: AccessRole;
  createdAt: string;
  revokedAt: string | null;
}

/** Who presented a valid token. */
export interface AccessPrincipal {
  tokenId: number;
  label: string;
  role: AccessRole;
}

function summary(row: AccessTokenRow): AccessTokenSummary {
  return { id: row.id, label: row.label, role: row.role, createdAt: row.createdAt, revokedAt: row.revokedAt };
}

export class AccessTokenService {
  constructor(private readonly tokens: TokenStore) {}

  /** Returns the token itself once; it is never stored or shown again. */
  async create(role: AccessRole, label: string, now: Date = new Date()): Promise<{ token: string; summary: AccessTokenSummary }> {
    const trimmed = label.trim();
    if (trimmed.length === 0 || trimmed.length > 200) {
      throw new AppError(400, 'invalid_input', 'The label must be 1 to 200 characters.', [{ path: ['label'], message: 'Give 1 to 200 characters' }]);
    }
    const token = generateAccessToken(role);
    const createdAt = now.toISOString();
    const id = await this.tokens.insert({ label: trimmed, role, tokenHash: hashAccessToken(token), createdAt });
    return { token, summary: { id, label: trimmed, role, createdAt, revokedAt: null } };
  }

  async list(): Promise<AccessTokenSummary[]> {
    return (await this.tokens.list()).map(summary);
  }

  revoke(id: number, now: Date = new Date()): Promise<boolean> {
    return this.tokens.revoke(id, now.toISOString());
  }

  /** The principal of a live token, or undefined (unknown, revoked, or not a token at all). */
  async authenticate(presented: string): Promise<AccessPrincipal | undefined> {
    if (!looksLikeAccessToken(presented)) return undefined;
    const hash = hashAccessToken(presented);
    const row = await this.tokens.findByHash(hash);
    if (!row || !hashesEqual(row.tokenHash, hash) || row.revokedAt !== null) return undefined;
    return { tokenId: row.id, label: row.label, role: row.role };
  }
}
