/**
 * The server's Ed25519 key that signs collective evidence packs. Generated on first start and
 * kept beside the database with mode 0600 (`config.signingKeyPath`); `:memory:` (tests) keeps a
 * fresh key in memory. The public half is published at `GET /api/v1/signing-key` and in every
 * pack, with a fingerprint (SHA-256 of its DER form) people can compare by eye and give to
 * `crowdaudit verify --fingerprint`.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { loadOrCreateSecretFile } from '../storage/secret-file';

export interface SigningKey {
  algorithm: 'Ed25519';
  publicKeyPem: string;
  /** SHA-256 (hex) of the public key's SubjectPublicKeyInfo DER. */
  fingerprint: string;
  /** Base64 Ed25519 signature of the bytes. */
  sign(bytes: Uint8Array): string;
}

function newPrivateKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * The one definition of a key's fingerprint: SHA-256 (64 lowercase hex digits) of the public
 * key's SubjectPublicKeyInfo DER. For Ed25519 that DER is a fixed 12-byte prefix and the raw
 * 32-byte key, so it names the key as surely as a hash of the raw key would; it stays the DER
 * form because packs already carry it in `manifest.json` as `signingKeyFingerprint`.
 */
export function publicKeyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** A fingerprint for people to compare by eye: 16 groups of 4 hex digits, e.g. `3f2a 9c1b …`. */
export function formatFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * A fingerprint as typed or pasted, in the form `publicKeyFingerprint` gives: case does not
 * matter, and spaces, colons and dashes between the digits are dropped.
 * @returns undefined when it is not 64 hex digits.
 */
export function parseFingerprint(text: string): string | undefined {
  const hex = text.replace(/[\s:-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/** @throws Error when the file exists but does not hold an Ed25519 private key. */
export function loadOrCreateSigningKey(signingKeyPath: string): SigningKey {
  const privatePem = signingKeyPath === ':memory:' ? newPrivateKeyPem() : loadOrCreateSecretFile(signingKeyPath, newPrivateKeyPem);
  const privateKey = createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`The signing key at ${signingKeyPath} is not an Ed25519 private key.`);
  const publicKey = createPublicKey(privateKey);
  return {
    algorithm: 'Ed25519',
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}

/** Whether `signatureBase64` is a valid Ed25519 signature of the bytes by the public key (PEM). */
export function verifySignature(publicKeyPem: string, bytes: Uint8Array, signatureBase64: string): boolean {
  try {
    const publicKey = createPublicKey(publicKeyPem);
    if (publicKey.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, bytes, publicKey, Buffer.from(signatureBase64.trim(), 'base64'));
  } catch {
    return false;
  }
}
