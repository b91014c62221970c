/** The `access_tokens` table: labels, roles and token hashes (never a token). */
import type { Database } from 'better-sqlite3';

export type AccessRole = 'ngo' | 'analyst';

export interface AccessTokenRow {
  id: number;
  label: string;
  role: AccessRole;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
}

export class TokenRepository {
  private readonly insertToken;
  private readonly byHash;
  private readonly all;
  private readonly revokeToken;

  constructor(db: Database) {
    this.insertToken = db.prepare(`INSERT INTO access_tokens (label, role, token_hash, created_at)
      VALUES (@label, @role, @tokenHash, @createdAt)`);
    this.byHash = db.prepare(`SELECT id, label, role, token_hash AS tokenHash, created_at AS createdAt, revoked_at AS revokedAt
      FROM access_tokens WHERE token_hash = @tokenHash`);
    this.all = db.prepare(`SELECT id, label, role, token_hash AS tokenHash, created_at AS createdAt, revoked_at AS revokedAt
      FROM access_tokens ORDER BY id`);
    this.revokeToken = db.prepare(`UPDATE access_tokens SET revoked_at = @revokedAt WHERE id = @id AND revoked_at IS NULL`);
  }

  insert(token: { label: string; role: AccessRole; tokenHash: string; createdAt: string }): number {
    return Number(this.insertToken.run(token).lastInsertRowid);
  }

  findByHash(tokenHash: string): AccessTokenRow | undefined {
    return this.byHash.get({ tokenHash }) as AccessTokenRow | undefined;
  }

  list(): AccessTokenRow[] {
    return this.all.all() as AccessTokenRow[];
  }

  /** True when a live token was revoked now. */
  revoke(id: number, revokedAt: string): boolean {
    return this.revokeToken.run({ id, revokedAt }).changes === 1;
  }
}
