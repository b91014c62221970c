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
});
