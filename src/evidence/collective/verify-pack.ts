/**
 * Checks a collective pack: every file's SHA-256 against manifest.json, no file missing or
 * extra, the dataset hash, and the Ed25519 signature of manifest.json — with the key in the pack
 * or, when given, a key the reader got elsewhere (which must then be the pack's key too).
 */
import { createHash, createPublicKey } from 'node:crypto';
import { unzipSync } from 'fflate';
import { publicKeyFingerprint, verifySignature } from '../signing-key';
import { MANIFEST_PATH, PUBLIC_KEY_PATH, RECORDS_PATH, SIGNATURE_PATH } from './pack-manifest';

export interface PackVerification {
  ok: boolean;
  /** One line per failure, e.g. `data/records.csv: hash mismatch`. */
  failures: string[];
  fileCount: number;
  fingerprint?: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const decoder = new TextDecoder();

function fingerprintOf(pem: string): string | undefined {
  try {
    return publicKeyFingerprint(createPublicKey(pem));
  } catch {
    return undefined;
  }
}

export function verifyPack(zipBytes: Uint8Array, options: { publicKeyPem?: string } = {}): PackVerification {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zipBytes);
  } catch {
    return { ok: false, failures: ['not a zip'], fileCount: 0 };
  }
  const failures: string[] = [];
  const manifestBytes = entries[MANIFEST_PATH];
  if (!manifestBytes) return { ok: false, failures: [`missing file ${MANIFEST_PATH}`], fileCount: Object.keys(entries).length };
  let manifest: { files?: unknown; datasetSha256?: unknown };
  try {
    manifest = JSON.parse(decoder.decode(manifestBytes)) as typeof manifest;
  } catch {
    return { ok: false, failures: [`${MANIFEST_PATH}: not JSON`], fileCount: Object.keys(entries).length };
  }
  const listed = manifest.files !== null && typeof manifest.files === 'object' ? (manifest.files as Record<string, unknown>) : {};
  if (Object.keys(listed).length === 0) failures.push(`${MANIFEST_PATH}: no files listed`);
  for (const [path, expected] of Object.entries(listed)) {
    const bytes = entries[path];
    if (!bytes) failures.push(`missing file ${path}`);
    else if (sha256(bytes) !== expected) failures.push(`${path}: hash mismatch`);
  }
  for (const path of Object.keys(entries)) {
    if (path.endsWith('/')) continue;
    if (path !== MANIFEST_PATH && path !== SIGNATURE_PATH && !(path in listed)) failures.push(`extra file ${path}`);
  }
  const records = entries[RECORDS_PATH];
  if (records && manifest.datasetSha256 !== sha256(records)) failures.push(`${MANIFEST_PATH}: datasetSha256 does not match ${RECORDS_PATH}`);

  const packKeyPem = entries[PUBLIC_KEY_PATH] ? decoder.decode(entries[PUBLIC_KEY_PATH]) : undefined;
  let fingerprint: string | undefined;
  if (options.publicKeyPem !== undefined) {
    fingerprint = fingerprintOf(options.publicKeyPem);
    if (!fingerprint) failures.push('the given key is not a public key');
    else if (packKeyPem !== undefined && fingerprintOf(packKeyPem) !== fingerprint) failures.push(`${PUBLIC_KEY_PATH}: not the given key`);
  } else if (packKeyPem === undefined) {
    failures.push(`missing file ${PUBLIC_KEY_PATH}`);
  } else {
    fingerprint = fingerprintOf(packKeyPem);
  }
  const keyPem = options.publicKeyPem ?? packKeyPem;
  const signature = entries[SIGNATURE_PATH];
  if (!signature) failures.push(`missing file ${SIGNATURE_PATH}`);
  else if (keyPem !== undefined && !verifySignature(keyPem, manifestBytes, decoder.decode(signature))) failures.push(`${SIGNATURE_PATH}: signature invalid`);
  return { ok: failures.length === 0, failures, fileCount: Object.keys(entries).length, fingerprint };
}
