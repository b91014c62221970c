import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { AuditLog } from '../../../src/storage/audit-log';
import { DonationRepository } from '../../../src/storage/donation-repository';
import { openDatabase } from '../../../src/storage/open-database';
import { runCli } from './capture-cli';
import { seedDatabaseFile } from '../../helpers/test-database';

describe('crowdaudit export and verify', () => {
  let directory: string;
  let dbPath: string;
  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-export-'));
    dbPath = path.join(directory, 'db.sqlite');
    await seedDatabaseFile(dbPath, 'credit-scores', { count: 120, seed: 5 });
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('when a pack is exported and verified, then verify exits 0 with its fingerprint, 2 without (signer unverified), and 1 naming records.csv once one byte of it changes', async () => {
    const out = path.join(directory, 'pack.zip');
    const exported = await runCli('export', '--campaign', 'credit-scores', '--out', out, '--db', dbPath);
    expect(exported.exitCode).toBe(0);
    expect(exported.output).toMatch(/^Wrote .*pack\.zip: \d+ records \(\d+ without ngo-sharing consent, \d+ suppressed for k = 5\), signed by key [0-9a-f]{64}\.\n$/);
    expect(fs.statSync(path.join(directory, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    const fingerprint = exported.output.match(/signed by key ([0-9a-f]{64})/)![1];
    const verified = await runCli('verify', out, '--fingerprint', fingerprint);
    expect(verified).toMatchObject({ exitCode: 0, errors: '' });
    // 26: the data package, its records, results (with the representativeness table: credit-scores ships population margins) and one chart per comparison with few groups (the ordered outcome's five among them).
    expect(verified.output).toMatch(/^OK .*pack\.zip: 26 files match manifest\.json, the zip is clean, and the signature holds by key [0-9a-f]{4}( [0-9a-f]{4}){15}, checked against the given fingerprint\.\n$/);
    const unverified = await runCli('verify', out);
    expect(unverified).toMatchObject({ exitCode: 2, output: '' });
    expect(unverified.errors).toMatch(/^UNVERIFIED signer of .*pack\.zip: the files match manifest\.json and the signature holds by the key in the pack/);

    const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
    files['data/records.csv'][10] ^= 1;
    const tampered = path.join(directory, 'tampered.zip');
    fs.writeFileSync(tampered, zipSync(files));
    const failed = await runCli('verify', tampered);
    expect(failed.exitCode).toBe(1);
    expect(failed.errors).toContain('data/records.csv: hash mismatch\n');
    expect(failed.errors).toContain('signer UNVERIFIED: no --key or --fingerprint given\n');

    const db = openDatabase(dbPath);
    const audit = db.prepare(`SELECT actor, campaign_slug AS campaignSlug FROM audit_log WHERE action = 'evidence-pack.downloaded'`).all();
    db.close();
    expect(audit).toEqual([{ actor: 'cli', campaignSlug: 'credit-scores' }]);
  });

  it('when the given key is not the pack\'s, or the file is no zip, then verify exits 1 naming it', async () => {
    const out = path.join(directory, 'pack2.zip');
    await runCli('export', '--campaign', 'credit-scores', '--out', out, '--db', dbPath);
    const { generateKeyPairSync } = await import('node:crypto');
    const otherKey = path.join(directory, 'other.pem');
    fs.writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const wrongKey = await runCli('verify', out, '--key', otherKey);
    expect(wrongKey.exitCode).toBe(1);
    expect(wrongKey.errors).toContain('manifest.sig: signature invalid');
    const notZip = path.join(directory, 'not.zip');
    fs.writeFileSync(notZip, 'hello');
    expect(await runCli('verify', notZip)).toMatchObject({ exitCode: 1, errors: expect.stringContaining('not a zip') });
  });
});
