import { idempotencyKeyHash, idempotencyKeySchema, openResponse, sealResponse } from '../../../src/donations/idempotency';

describe('idempotency', () => {
  const answer = { donationId: 'd1', receipt: 'SECRET-RECEIPT', records: 2, contentSha256: 'ab' };

  test('when an answer is sealed, then the stored text does not contain the receipt and opens with the same key', () => {
    const sealed = sealResponse('credit-scores', 'key-123456', answer);
    expect(sealed).not.toContain('SECRET');
    expect(openResponse('credit-scores', 'key-123456', sealed)).toEqual(answer);
  });

  test('when another key or campaign tries to open it, then it fails', () => {
    const sealed = sealResponse('credit-scores', 'key-123456', answer);
    expect(() => openResponse('credit-scores', 'key-654321', sealed)).toThrow();
    expect(() => openResponse('platform-decisions', 'key-123456', sealed)).toThrow();
  });

  test('when the same key is used in two campaigns, then the stored hashes differ', () => {
    expect(idempotencyKeyHash('a', 'key-123456')).not.toBe(idempotencyKeyHash('b', 'key-123456'));
  });

  test('when a key is too short, too long or has control characters, then the schema refuses it', () => {
    expect(idempotencyKeySchema.safeParse('short').success).toBe(false);
    expect(idempotencyKeySchema.safeParse('x'.repeat(201)).success).toBe(false);
    expect(idempotencyKeySchema.safeParse('bad key\n123').success).toBe(false);
    expect(idempotencyKeySchema.safeParse('5f0c6c1e-8d0e-4b7e-9d8a-2f6f1c9d1e11').success).toBe(true);
  });

  test('when a key carries fewer than 128 bits for its alphabet, then it is refused; a UUID or enough characters pass', () => {
    const accepts = (key: string) => idempotencyKeySchema.safeParse(key).success;
    // Guessable or short: replaying one with the same body would hand out another donor's receipt.
    expect(accepts('test-key-0001')).toBe(false);
    expect(accepts('a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d')).toBe(false); // 31 hex = 124 bits
    expect(accepts('ABCDEFGHIJKLMNOPQRSTUVWXY')).toBe(false); // 25 base32 = 125 bits
    expect(accepts('Q3v9xK2mT7pL4wZ8rN1bY')).toBe(false); // 21 base64url = 126 bits
    expect(accepts('5F0C6C1E-8D0E-4B7E-9D8A-2F6F1C9D1E11')).toBe(true); // any case, any version
    expect(accepts('a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4')).toBe(true); // 32 hex
    expect(accepts('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe(true); // 26 base32
    expect(accepts('Q3v9xK2mT7pL4wZ8rN1bY6')).toBe(true); // 22 base64url
    expect(idempotencyKeySchema.safeParse('test-key-0001').error?.issues[0].message).toContain('128 random bits');
  });
});
