/**
 * Idempotency keys let a donor's client retry a donation (a dropped connection, a double click)
 * and get the first answer back instead of a second donation. The first answer holds the
 * receipt, which must never be stored readable, so it is sealed with AES-256-GCM under a key
 * derived from the Idempotency-Key: only the client holding that key can open it.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** What clients may send: 8–200 visible ASCII characters (a UUID fits). */
export const idempotencyKeySchema = z
  .string()
  .min(8, 'Idempotency-Key must have at least 8 characters')
  .max(200, 'Idempotency-Key must have at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be visible ASCII characters');

/** The stored lookup key: a hash, so the table does not hold the client's key either. */
export function idempotencyKeyHash(campaignSlug: string, key: string): string {
  return createHash('sha256').update(`idempotency:${campaignSlug}:${key}`).digest('hex');
}

function sealingKey(campaignSlug: string, key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, `crowdaudit:${campaignSlug}`, 'idempotent-response', 32));
}

/** Encrypts the answer; the result is `iv.tag.ciphertext` in base64url. */
export function sealResponse(campaignSlug: string, key: string, response: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(campaignSlug, key), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

/** Decrypts an answer sealed by `sealResponse`; throws when the key does not fit. */
export function openResponse<T>(campaignSlug: string, key: string, sealed: string): T {
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(campaignSlug, key), iv);
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as T;
}
