import { AccessTokenService } from '../../../src/access/access-token-service';
import { hashAccessToken, looksLikeAccessToken } from '../../../src/access/access-token';
import { generateReceipt } from '../../../src/donations/receipt';
import { openDatabase } from '../../../src/storage/open-database';
import { TokenRepository } from '../../../src/storage/token-repository';
import { SqliteStore } from '../../../src/storage/sqlite-store';

function service() {
  const db = openDatabase(':memory:');
  return { db, tokens: new AccessTokenService(new SqliteStore(db).tokens) };
}

describe('AccessTokenService', () => {
  it('when a token is created, then only its SHA-256 is stored and it authenticates with its role and label', async () => {
    const { db, tokens } = service();
    const { token, summary } = await tokens.create('ngo', 'Open Knowledge');
    expect(token).toMatch(/^ca_ngo_[A-Za-z0-9_-]{32}$/);
    const stored = db.prepare('SELECT token_hash AS hash FROM access_tokens').all() as Array<{ hash: string }>;
    expect(stored).toEqual([{ hash: hashAccessToken(token) }]);
    expect(JSON.stringify(db.prepare('SELECT * FROM access_tokens').all())).not.toContain(token);
    expect(await tokens.authenticate(token)).toEqual({ tokenId: summary.id, label: 'Open Knowledge', role: 'ngo' });
  });

  it('when a token is revoked, changed by one character or is a receipt, then it does not authenticate', async () => {
    const { tokens } = service();
    const { token, summary } = await tokens.create('analyst', 'Lab');
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await tokens.authenticate(altered)).toBeUndefined();
    expect(await tokens.authenticate(generateReceipt())).toBeUndefined();
    expect(looksLikeAccessToken(generateReceipt())).toBe(false);
    expect(await tokens.revoke(summary.id)).toBe(true);
    expect(await tokens.revoke(summary.id)).toBe(false);
    expect(await tokens.authenticate(token)).toBeUndefined();
    expect((await tokens.list())[0].revokedAt).not.toBeNull();
  });

  it('when two tokens are created, then they differ and the list holds no hash', async () => {
    const { tokens } = service();
    const first = (await tokens.create('ngo', 'A')).token;
    const second = (await tokens.create('ngo', 'B')).token;
    expect(first).not.toBe(second);
    expect(Object.keys((await tokens.list())[0]).sort()).toEqual(['createdAt', 'id', 'label', 'revokedAt', 'role']);
  });

  it('when the label is blank, then creating throws a 400 naming the label', async () => {
    const { tokens } = service();
    await expect(tokens.create('ngo', '  ')).rejects.toThrow(expect.objectContaining({ status: 400, issues: [expect.objectContaining({ path: ['label'] })] }));
  });
});
