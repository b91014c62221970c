/**
 * Checks a collective pack: the zip's structure (read strictly, so every unzip tool reads the
 * same files), every file's SHA-256 against manifest.json, no file missing or unlisted, the
 * dataset hash, and the Ed25519 signature of manifest.json. A signature only proves who signed
 * when the key is checked against something the reader got from the server: a key (`publicKeyPem`)
 * or its fingerprint. Anyone can re-sign an altered pack with a key of their own and put that key
 * in the pack, so without either the signer stays unverified and the pack is not `ok`.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { parseFingerprint, publicKeyFingerprint, verifySignature } from '../signing-key';
import { MANIFEST_PATH, PUBLIC_KEY_PATH, RECORDS_PATH, SIGNATURE_PATH } from './pack-manifest';
import { readZipStrictly } from './read-zip-strictly';

export interface PackVerification {
  /** Structure, file set, hashes and signature hold, by a key checked against the given key or fingerprint. */
  ok: boolean;
  /** One line per failure, e.g. `data/records.csv: hash mismatch`. */
  failures: string[];
  /** Whether manifest.json's signature holds with a key that matched the given key or fingerprint. */
  signerVerified: boolean;
  /** Files in the zip, directories not counted. */
  fileCount: number;
  /** The fingerprint of the key that signed (the given key's, else the pack's). */
  fingerprint?: string;
}

export interface VerifyOptions {
  /** A public key (PEM) the reader got from the server, e.g. `GET /api/v1/signing-key`. */
  publicKeyPem?: string;
  /** The fingerprint the server publishes, in any form `parseFingerprint` takes. */
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

/** Checks the key that signed against the given key and fingerprint; pushes what does not hold. */
function checkSigner(packKeyPem: string | undefined, options: VerifyOptions, failures: string[]): { keyPem?: string; fingerprint?: string; packFingerprint?: string; checked: boolean } {
  let checked = false;
  let keyPem = packKeyPem;
  const packFingerprint = packKeyPem === undefined ? undefined : fingerprintOf(packKeyPem);
  let fingerprint = packFingerprint;
  if (packKeyPem === undefined) failures.push(`missing file ${PUBLIC_KEY_PATH}`);
  else if (packFingerprint === undefined) failures.push(`${PUBLIC_KEY_PATH}: not a public key`);
  if (options.publicKeyPem !== undefined) {
    const given = fingerprintOf(options.publicKeyPem);
    if (given === undefined) failures.push('the given key is not a public key');
    else {
      if (fingerprint !== undefined && fingerprint !== given) failures.push(`${PUBLIC_KEY_PATH}: not the given key`);
      keyPem = options.publicKeyPem;
      fingerprint = given;
      checked = true;
    }
  }
  if (options.fingerprint !== undefined) {
    const expected = parseFingerprint(options.fingerprint);
    if (expected === undefined) failures.push('the given fingerprint is not 64 hexadecimal digits');
    else if (fingerprint !== undefined && fingerprint !== expected) failures.push(`signer: the key's fingerprint is ${fingerprint}, not the given ${expected}`);
    else if (fingerprint !== undefined) checked = true;
  }
  return { keyPem, fingerprint, packFingerprint, checked };
}

export function verifyPack(zipBytes: Uint8Array, options: VerifyOptions = {}): PackVerification {
  const zip = readZipStrictly(zipBytes);
  const failures = [...zip.problems];
  const fileEntries = zip.entries.filter((entry) => !entry.isDirectory);
  const fileCount = fileEntries.length;
  if (zip.entries.length === 0 && failures.length > 0) return { ok: false, failures, signerVerified: false, fileCount };
  // Of two entries with one name (already a failure above), the first: what streaming readers take.
  const files = new Map<string, Uint8Array | undefined>();
  for (const entry of fileEntries) if (!files.has(entry.name)) files.set(entry.name, entry.data);
  const unreadable = (path: string) => files.has(path) && files.get(path) === undefined;

  const manifestBytes = files.get(MANIFEST_PATH);
  if (!manifestBytes) {
    if (!unreadable(MANIFEST_PATH)) failures.push(`missing file ${MANIFEST_PATH}`);
    return { ok: false, failures, signerVerified: false, fileCount };
  }
  let manifest: { files?: unknown; datasetSha256?: unknown; signingKeyFingerprint?: unknown };
  try {
    manifest = JSON.parse(decoder.decode(manifestBytes)) as typeof manifest;
  } catch {
    failures.push(`${MANIFEST_PATH}: not JSON`);
    return { ok: false, failures, signerVerified: false, fileCount };
  }
  const listed = manifest.files !== null && typeof manifest.files === 'object' ? (manifest.files as Record<string, unknown>) : {};
  if (Object.keys(listed).length === 0) failures.push(`${MANIFEST_PATH}: no files listed`);
  for (const [path, expected] of Object.entries(listed)) {
    const bytes = files.get(path);
    if (!files.has(path)) failures.push(`missing file ${path}`);
    else if (bytes && sha256(bytes) !== expected) failures.push(`${path}: hash mismatch`);
  }
  for (const path of files.keys()) {
    if (path !== MANIFEST_PATH && path !== SIGNATURE_PATH && !Object.hasOwn(listed, path)) failures.push(`extra file ${path}: not listed in ${MANIFEST_PATH}`);
  }
  const records = files.get(RECORDS_PATH);
  if (records && manifest.datasetSha256 !== sha256(records)) failures.push(`${MANIFEST_PATH}: datasetSha256 does not match ${RECORDS_PATH}`);

  const packKey = files.get(PUBLIC_KEY_PATH);
  const signer = checkSigner(packKey === undefined ? undefined : decoder.decode(packKey), options, failures);
  if (signer.packFingerprint !== undefined && manifest.signingKeyFingerprint !== signer.packFingerprint) failures.push(`${MANIFEST_PATH}: signingKeyFingerprint is not the signing key's`);
  const signature = files.get(SIGNATURE_PATH);
  const signatureHolds = signature !== undefined && signer.keyPem !== undefined && verifySignature(signer.keyPem, manifestBytes, decoder.decode(signature));
  if (!files.has(SIGNATURE_PATH)) failures.push(`missing file ${SIGNATURE_PATH}`);
  else if (signature && signer.keyPem !== undefined && !signatureHolds) failures.push(`${SIGNATURE_PATH}: signature invalid`);
  const signerVerified = signer.checked && signatureHolds;
  return { ok: signerVerified && failures.length === 0, failures, signerVerified, fileCount, fingerprint: signer.fingerprint };
}
