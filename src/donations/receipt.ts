/**
 * Receipts: the donor's only key to their donation. 28 symbols of Crockford's base32 carry
 * 140 random bits (over the 128 the design asks for), grouped in fours so a person can copy
 * them by hand. Only the SHA-256 of the normalised code is stored.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
const SYMBOLS = 28;
const GROUP = 4;

/** A fresh receipt, e.g. `7K3M-Q9TX-…` (7 groups of 4). */
export function generateReceipt(): string {
  let code = '';
  for (let index = 0; index < SYMBOLS; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/**
 * Reads a receipt as a person may type it: any case, spaces or dashes, O for 0, I or L for 1.
 * Returns undefined when it cannot be a receipt, so callers answer "not found" without a lookup.
 */
export function normaliseReceipt(typed: string): string | undefined {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== SYMBOLS) return undefined;
  for (const symbol of code) if (!ALPHABET.includes(symbol)) return undefined;
  return code;
}

/** SHA-256 (hex) of the normalised receipt; the only form in which receipts are stored. */
export function hashReceipt(normalisedReceipt: string): string {
  return createHash('sha256').update(`receipt:${normalisedReceipt}`).digest('hex');
}

/** Compares two hex hashes in constant time. */
export function hashesEqual(expectedHex: string, actualHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex');
  const actual = Buffer.from(actualHex, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
