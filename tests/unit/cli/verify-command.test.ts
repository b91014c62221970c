/** `crowdaudit verify` on tampered packs: what it prints and the exit code a script would see. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { loadCampaigns } from '../../../src/campaigns/load-campaigns';
import { seedDemo } from '../../../src/demo/seed-demo';
import { DonationService } from '../../../src/donations/donation-service';
import { buildCollectivePack } from '../../../src/evidence/collective/build-collective-pack';
import { formatFingerprint, loadOrCreateSigningKey } from '../../../src/evidence/signing-key';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { openDatabase } from '../../../src/storage/open-database';
import { zipEntries } from '../../helpers/tampered-zip';
import { runCli } from './capture-cli';
import { SqliteStore } from '../../../src/storage/sqlite-store';

const serverKey = loadOrCreateSigningKey(':memory:');
const attackerKey = loadOrCreateSigningKey(':memory:');
const encoder = new TextEncoder();
let directory: string;
let genuinePath: string;
let serverKeyPath: string;
let genuine: [string, Uint8Array][];

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-verify-'));
  const db = openDatabase(':memory:');
  await seedDemo(loadCampaigns().get('credit-scores')!, new DonationService(new SqliteStore(db)), { count: 80, seed: 11, now: new Date('2026-11-01T00:00:00Z') });
  const pack = (await buildCollectivePack(new SqliteStore(db), loadCampaigns().get('credit-scores')!, undefined, serverKey)).zip;
  db.close();
  genuine = Object.entries(unzipSync(pack));
  genuinePath = write('genuine.zip', pack);
  serverKeyPath = write('server-key.pem', encoder.encode(serverKey.publicKeyPem));
});
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

describe('crowdaudit verify', () => {
  it('when the genuine pack is checked with --key or --fingerprint (grouped, as the server shows it), then it exits 0', async () => {
    expect(await runCli('verify', genuinePath, '--key', serverKeyPath)).toMatchObject({ exitCode: 0, errors: '', output: expect.stringContaining('checked against the given key.') });
    const grouped = formatFingerprint(serverKey.fingerprint);
    const result = await runCli('verify', genuinePath, '--fingerprint', grouped);
    expect(result).toMatchObject({ exitCode: 0, errors: '' });
    expect(result.output).toContain(`signature holds by key ${grouped}, checked against the given fingerprint.`);
  });

  it('when an edited records.csv is placed before the genuine one, then it exits 1 naming the duplicate', async () => {
    const tampered = write('duplicate.zip', zipEntries([['data/records.csv', encoder.encode('row_id,score\nx,1\n')], ...genuine]));
    const result = await runCli('verify', tampered, '--fingerprint', serverKey.fingerprint);
    expect(result.exitCode).toBe(1);
    expect(result.errors).toContain('duplicate entry data/records.csv\n');
    expect(result.errors).toMatch(/FAILED .*duplicate\.zip: 3 problems\.\n$/);
  });

  it('when a directory entry carries data or an unlisted file is added, then it exits 1 naming each', async () => {
    const tampered = write('extra.zip', zipEntries([['data/', encoder.encode('hidden')], ...genuine, ['notes.txt', encoder.encode('x')]], { stored: true }));
    const result = await runCli('verify', tampered, '--key', serverKeyPath);
    expect(result).toMatchObject({ exitCode: 1, output: '' });
    expect(result.errors.split('\n').slice(0, 2)).toEqual(['directory entry data/ carries 6 bytes', 'extra file notes.txt: not listed in manifest.json']);
  });

  it('when the pack is re-signed with another key, then it exits 2 (signer unverified) without key or fingerprint and 1 with either', async () => {
    const files = Object.fromEntries(genuine);
    files['data/records.csv'] = encoder.encode('row_id,score\nx,1\n');
    files['signing-key.pem'] = encoder.encode(attackerKey.publicKeyPem);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    for (const name of Object.keys(manifest.files)) manifest.files[name] = createHash('sha256').update(files[name]).digest('hex');
    manifest.datasetSha256 = manifest.files['data/records.csv'];
    manifest.signingKeyFingerprint = attackerKey.fingerprint;
    files['manifest.json'] = encoder.encode(JSON.stringify(manifest));
    files['manifest.sig'] = encoder.encode(attackerKey.sign(files['manifest.json']));
    const resigned = write('resigned.zip', zipSync(files));

    const alone = await runCli('verify', resigned);
    expect(alone).toMatchObject({ exitCode: 2, output: '' });
    expect(alone.errors).toContain(`UNVERIFIED signer of ${resigned}`);
    expect(alone.errors).toContain(formatFingerprint(attackerKey.fingerprint));
    expect(alone.errors).not.toMatch(/^OK/m);

    const withKey = await runCli('verify', resigned, '--key', serverKeyPath);
    expect(withKey).toMatchObject({ exitCode: 1, output: '' });
    expect(withKey.errors).toContain('signing-key.pem: not the given key\nmanifest.sig: signature invalid\n');

    const withFingerprint = await runCli('verify', resigned, '--fingerprint', serverKey.fingerprint.toUpperCase());
    expect(withFingerprint).toMatchObject({ exitCode: 1, output: '' });
    expect(withFingerprint.errors).toContain(`signer: the key's fingerprint is ${attackerKey.fingerprint}, not the given ${serverKey.fingerprint}\n`);
  });

  it('when the fingerprint is wrong or malformed, then it exits 1, naming the option for a malformed one before reading the pack', async () => {
    const wrong = await runCli('verify', genuinePath, '--fingerprint', attackerKey.fingerprint);
    expect(wrong).toMatchObject({ exitCode: 1, output: '' });
    expect(wrong.errors).toContain(`signer: the key's fingerprint is ${serverKey.fingerprint}, not the given ${attackerKey.fingerprint}\n`);
    const malformed = await runCli('verify', path.join(directory, 'no-such.zip'), '--fingerprint', 'abc123');
    expect(malformed).toEqual({ exitCode: 1, output: '', errors: 'crowdaudit verify: --fingerprint must be 64 hexadecimal digits (a SHA-256), got "abc123".\n' });
  });
});
