/**
 * Idempotency keys let a donor's client retry a donation (a dropped connection, a double click)
 * and get the first answer back instead of a second donation. The first answer holds the
 * receipt, which must never be stored readable, so it is sealed with AES-256-GCM under a key
 * derived from the Idempotency-Key: only the client holding that key can open it.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const IDEMPOTENCY_KEY_HINT =
  'Idempotency-Key must be a random UUID or at least 128 random bits: 32+ hex, 26+ base32 or 22+ base64url characters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;
const BASE32 = /^[A-Z2-7]+=*$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The key both finds the first answer and seals it (see sealResponse): a guessable key such as
 * `test-key-0001` would hand the first donor's receipt to whoever replays it with the same body.
 * So it must carry at least 128 bits: a UUID (a v4 has 122 random bits), or enough characters of
 * an encoding of random bytes — the alphabet the key uses decides how many (hex 4 bits a
 * character, base32 5, base64url 6).
 */
function carries128Bits(key: string): boolean {
  if (UUID.test(key)) return true;
  if (HEX.test(key)) return key.length >= 32;
  if (BASE32.test(key)) return key.replace(/=+$/, '').length >= 26;
  return BASE64URL.test(key) && key.length >= 22;
}

/** What clients may send: a UUID or 22–200 characters of random bytes, encoded (see carries128Bits). */
export const idempotencyKeySchema = z
  .string()
  .max(200, 'Idempotency-Key must have at most 200 characters')
  .refine(carries128Bits, IDEMPOTENCY_KEY_HINT);

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
