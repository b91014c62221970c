import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import { FindingsReleases } from '../../../../src/evidence/releases/findings-releases';
import { buildCollectivePack } from '../../../../src/evidence/collective/build-collective-pack';
import { verifyPack } from '../../../../src/evidence/collective/verify-pack';
import { loadOrCreateSigningKey, verifySignature } from '../../../../src/evidence/signing-key';
import { AuditLog } from '../../../../src/storage/audit-log';
import { DonationRepository } from '../../../../src/storage/donation-repository';
import { openDatabase } from '../../../../src/storage/open-database';
import { SqliteStore } from '../../../../src/storage/sqlite-store';

const campaign = loadCampaigns().get('platform-decisions')!;
const signingKey = loadOrCreateSigningKey(':memory:');
let packBytes: Uint8Array;

beforeAll(async () => {
  const db = openDatabase(':memory:');
  await seedDemo(campaign, new DonationService(new SqliteStore(db)), { count: 60, seed: 3, now: new Date('2026-11-01T00:00:00Z') });
  const findings = await new FindingsReleases(new SqliteStore(db), () => ({ minChanges: 10, interval: 'PT0S', intervalMs: 0 })).current(campaign);
  packBytes = (await buildCollectivePack(new SqliteStore(db), campaign, findings, signingKey)).zip;
});

function repack(change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(packBytes);
  change(files);
  return zipSync(files);
}

describe('verifyPack', () => {
  it('when the pack is as built, then every hash and the signature hold, and it is ok once the key is checked', () => {
    expect(verifyPack(packBytes)).toMatchObject({ ok: false, failures: [], signerVerified: false, fingerprint: signingKey.fingerprint });
    expect(verifyPack(packBytes, { publicKeyPem: signingKey.publicKeyPem })).toMatchObject({ ok: true, failures: [], signerVerified: true });
  });

  it('when one byte of records.csv changes, then it fails naming records.csv', () => {
    const tampered = repack((files) => {
      const records = files['data/records.csv'];
      records[records.length - 3] ^= 1;
    });
    const result = verifyPack(tampered);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual(['data/records.csv: hash mismatch', 'manifest.json: datasetSha256 does not match data/records.csv']);
  });

  it('when the manifest is rewritten to match a changed file, then the signature fails', () => {
    const tampered = repack((files) => {
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      manifest.counts.included += 1;
      files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
    });
    expect(verifyPack(tampered).failures).toEqual(['manifest.sig: signature invalid']);
  });

  it('when another key is given, then it fails naming the key and the signature', () => {
    const otherPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyPack(packBytes, { publicKeyPem: otherPem }).failures).toEqual(['signing-key.pem: not the given key', 'manifest.sig: signature invalid']);
  });

  it('when a file is missing or extra, or the bytes are no zip, then each is named', () => {
    const changed = repack((files) => {
      delete files['METHODS.md'];
      files['extra.txt'] = new Uint8Array([1]);
    });
    expect(verifyPack(changed).failures).toEqual(['missing file METHODS.md', 'extra file extra.txt: not listed in manifest.json']);
    expect(verifyPack(new TextEncoder().encode('hello')).failures).toEqual(['not a zip']);
  });

  it('when a key file path is given, then the key is created once with mode 0600 and loaded the same again', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-key-'));
    try {
      const file = path.join(directory, 'signing-key.pem');
      const first = loadOrCreateSigningKey(file);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const second = loadOrCreateSigningKey(file);
      expect(second.fingerprint).toBe(first.fingerprint);
      const bytes = new TextEncoder().encode('manifest');
      expect(verifySignature(first.publicKeyPem, bytes, second.sign(bytes))).toBe(true);
      expect(verifySignature(signingKey.publicKeyPem, bytes, second.sign(bytes))).toBe(false);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
