/**
 * The attacks of issue 12 on `verify`, each on a real pack: a second records.csv that other
 * unzip tools read, a directory entry with data, an unlisted file, a hidden local entry, and a
 * pack re-signed with another key.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { loadCampaigns } from '../../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../../src/demo/seed-demo';
import { DonationService } from '../../../../src/donations/donation-service';
import { buildCollectivePack } from '../../../../src/evidence/collective/build-collective-pack';
import { verifyPack } from '../../../../src/evidence/collective/verify-pack';
import { formatFingerprint, loadOrCreateSigningKey, type SigningKey } from '../../../../src/evidence/signing-key';
import { AuditLog } from '../../../../src/storage/audit-log';
import { DonationRepository } from '../../../../src/storage/donation-repository';
import { openDatabase } from '../../../../src/storage/open-database';
import { hideFirstEntryFromCentralDirectory, renameInLocalHeader, zipEntries } from '../../../helpers/tampered-zip';
import { SqliteStore } from '../../../../src/storage/sqlite-store';

const campaign = loadCampaigns().get('credit-scores')!;
const serverKey = loadOrCreateSigningKey(':memory:');
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let packBytes: Uint8Array;
let genuine: [string, Uint8Array][];

beforeAll(async () => {
  const db = openDatabase(':memory:');
  await seedDemo(campaign, new DonationService(new SqliteStore(db)), { count: 80, seed: 7, now: new Date('2026-11-01T00:00:00Z') });
  // No findings released: what matters here is the files and the signature.
  packBytes = (await buildCollectivePack(new SqliteStore(db), campaign, undefined, serverKey)).zip;
  genuine = Object.entries(unzipSync(packBytes));
  db.close();
});

const byServer = { fingerprint: serverKey.fingerprint };
const records = () => genuine.find(([name]) => name === 'data/records.csv')![1];
/** records.csv with the first data row's score changed, as an attacker would. */
const editedRecords = () => encoder.encode(decoder.decode(records()).replace(/\n([^\n]*?),(\d+),/, (_all, before: string, score: string) => `\n${before},${Number(score) + 1},`));

/** The pack with records.csv edited, manifest.json rewritten to match, signed by another key (in the pack too). */
function resignedPack(key: SigningKey): Uint8Array {
  const files = Object.fromEntries(genuine);
  files['data/records.csv'] = editedRecords();
  files['signing-key.pem'] = encoder.encode(key.publicKeyPem);
  const manifest = JSON.parse(decoder.decode(files['manifest.json']));
  for (const name of Object.keys(manifest.files)) manifest.files[name] = createHash('sha256').update(files[name]).digest('hex');
  manifest.datasetSha256 = manifest.files['data/records.csv'];
  manifest.signingKeyFingerprint = key.fingerprint;
  files['manifest.json'] = encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  files['manifest.sig'] = encoder.encode(`${key.sign(files['manifest.json'])}\n`);
  return zipSync(files);
}

describe('verifyPack, strictly', () => {
  it('when the genuine pack is checked with the server\'s fingerprint typed any way, or re-zipped with directory entries by another tool, then it is ok', () => {
    const typed = formatFingerprint(serverKey.fingerprint).toUpperCase().replace(/ /g, ':');
    expect(typed).toMatch(/^([0-9A-F]{4}:){15}[0-9A-F]{4}$/);
    expect(verifyPack(packBytes, { fingerprint: typed })).toEqual({ ok: true, failures: [], signerVerified: true, fileCount: genuine.length, fingerprint: serverKey.fingerprint });
    expect(verifyPack(packBytes, { publicKeyPem: serverKey.publicKeyPem, fingerprint: serverKey.fingerprint }).ok).toBe(true);
    // Empty directory entries carry nothing and are what `zip -r` adds: no reason to refuse them.
    const rezipped = zipEntries([['data/', new Uint8Array()], ['results/', new Uint8Array()], ...[...genuine].reverse()]);
    expect(verifyPack(rezipped, byServer)).toMatchObject({ ok: true, failures: [] });
  });

  it('when an edited records.csv comes before the genuine one, then the duplicate is refused (fflate alone reads the genuine one)', () => {
    const tampered = zipEntries([['data/records.csv', editedRecords()], ...genuine]);
    expect(decoder.decode(unzipSync(tampered)['data/records.csv'])).toBe(decoder.decode(records()));
    const result = verifyPack(tampered, byServer);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual(['duplicate entry data/records.csv', 'data/records.csv: hash mismatch', 'manifest.json: datasetSha256 does not match data/records.csv']);
  });

  it.each([
    ['DATA/records.csv', ['duplicate entry DATA/records.csv: the same file as data/records.csv for some tools', 'extra file DATA/records.csv: not listed in manifest.json']],
    ['./data/records.csv', ['./data/records.csv: "." in path', 'duplicate entry ./data/records.csv: the same file as data/records.csv for some tools', 'extra file ./data/records.csv: not listed in manifest.json']],
    ['data\\records.csv', ['data\\records.csv: backslash in name', 'duplicate entry data\\records.csv: the same file as data/records.csv for some tools', 'extra file data\\records.csv: not listed in manifest.json']],
    ['../records.csv', ['../records.csv: ".." in path', 'extra file ../records.csv: not listed in manifest.json']],
    ['/tmp/records.csv', ['/tmp/records.csv: absolute path', 'extra file /tmp/records.csv: not listed in manifest.json']],
  ])('when a second records.csv is named %s, then each of its problems is named', (name, failures) => {
    const tampered = zipEntries([...genuine, [name, editedRecords()]]);
    expect(verifyPack(tampered, byServer)).toMatchObject({ ok: false, failures });
  });

  it('when a directory entry carries data, then it is refused naming the entry and its size', () => {
    const hidden = encoder.encode('row_id,score\nx,999\n');
    const tampered = zipEntries([['data/', hidden], ...genuine], { stored: true });
    expect(verifyPack(tampered, byServer)).toMatchObject({ ok: false, failures: [`directory entry data/ carries ${hidden.length} bytes`] });
  });

  it('when a file the manifest does not list is added, then it is refused', () => {
    const tampered = zipEntries([...genuine, ['results/notes.txt', encoder.encode('the real numbers')]]);
    expect(verifyPack(tampered, byServer)).toMatchObject({ ok: false, failures: ['extra file results/notes.txt: not listed in manifest.json'] });
  });

  it('when an edited records.csv has a local header but no central directory entry, then the bytes only a streaming reader sees are refused', () => {
    const withFake = zipEntries([['data/records.csv', editedRecords()], ...genuine]);
    const tampered = hideFirstEntryFromCentralDirectory(withFake);
    expect(Object.keys(unzipSync(tampered))).toHaveLength(genuine.length);
    const result = verifyPack(tampered, byServer);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([expect.stringMatching(/^zip: bytes 0–\d+ belong to no entry of the central directory/)]);
  });

  it('when a local header names another file than the central directory, then the disagreement is named', () => {
    const tampered = renameInLocalHeader(zipEntries(genuine), 'data/records.csv', 'data/records.txt');
    expect(verifyPack(tampered, byServer).failures).toEqual(['data/records.csv: local header and central directory disagree (name)']);
  });

  describe('when the pack was altered and re-signed with another key', () => {
    const attackerKey = loadOrCreateSigningKey(':memory:');
    let resigned: Uint8Array;
    beforeAll(() => {
      resigned = resignedPack(attackerKey);
    });

    it('then without key or fingerprint every file holds but the signer is unverified and it is not ok', () => {
      expect(verifyPack(resigned)).toEqual({ ok: false, failures: [], signerVerified: false, fileCount: genuine.length, fingerprint: attackerKey.fingerprint });
    });

    it('then the server\'s key is refused as not the pack\'s, and the signature fails with it', () => {
      expect(verifyPack(resigned, { publicKeyPem: serverKey.publicKeyPem })).toMatchObject({
        ok: false,
        signerVerified: false,
        failures: ['signing-key.pem: not the given key', 'manifest.sig: signature invalid'],
      });
    });

    it('then the server\'s fingerprint is refused naming both fingerprints', () => {
      expect(verifyPack(resigned, byServer)).toMatchObject({
        ok: false,
        signerVerified: false,
        failures: [`signer: the key's fingerprint is ${attackerKey.fingerprint}, not the given ${serverKey.fingerprint}`],
      });
    });
  });

  it('when a wrong or malformed fingerprint is given for the genuine pack, then it is refused', () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    const otherFingerprint = createHash('sha256').update(other.export({ type: 'spki', format: 'der' })).digest('hex');
    expect(verifyPack(packBytes, { fingerprint: otherFingerprint }).failures).toEqual([`signer: the key's fingerprint is ${serverKey.fingerprint}, not the given ${otherFingerprint}`]);
    expect(verifyPack(packBytes, { fingerprint: serverKey.fingerprint.slice(0, 40) })).toMatchObject({ ok: false, failures: ['the given fingerprint is not 64 hexadecimal digits'] });
  });

  it('when manifest.json names another key than the one that signed it, then that is named', () => {
    const files = Object.fromEntries(genuine);
    const manifest = JSON.parse(decoder.decode(files['manifest.json']));
    manifest.signingKeyFingerprint = '0'.repeat(64);
    files['manifest.json'] = encoder.encode(JSON.stringify(manifest));
    files['manifest.sig'] = encoder.encode(serverKey.sign(files['manifest.json']));
    expect(verifyPack(zipSync(files), byServer).failures).toEqual(["manifest.json: signingKeyFingerprint is not the signing key's"]);
  });
});
