import fs from 'node:fs';
import type { Command } from 'commander';

/** Every check held, except that nothing said who may sign: the pack is intact, its signer unknown. */
export const EXIT_SIGNER_UNVERIFIED = 2;

/**
 * `crowdaudit verify PACK.zip [--key FILE] [--fingerprint HEX]`: exit 0 only when the zip is
 * clean, every file is listed with its hash, the signature holds and the signing key matches
 * the key or fingerprint given; 1 naming each failure; 2 when all holds but no key or
 * fingerprint was given, since a pack re-signed with any key would pass the rest.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check a collective evidence pack: the zip\'s structure, every file\'s SHA-256 against manifest.json, and the Ed25519 signature by the server\'s key')
    .argument('<pack>', 'the pack (zip)')
    .option('--key <file>', 'the public key (PEM) from the server\'s /api/v1/signing-key')
    .option('--fingerprint <hex>', 'the key fingerprint the server shows (findings page, /api/v1/signing-key, METHODS.md); spaces and colons allowed')
    .action((packPath: string, options: { key?: string; fingerprint?: string }) => {
      const { verifyPack } = require('../evidence/collective/verify-pack') as typeof import('../evidence/collective/verify-pack');
      const { formatFingerprint, parseFingerprint } = require('../evidence/signing-key') as typeof import('../evidence/signing-key');
      if (options.fingerprint !== undefined && parseFingerprint(options.fingerprint) === undefined) {
        process.stderr.write(`crowdaudit verify: --fingerprint must be 64 hexadecimal digits (a SHA-256), got "${options.fingerprint}".\n`);
        process.exitCode = 1;
        return;
      }
      const publicKeyPem = options.key === undefined ? undefined : fs.readFileSync(options.key, 'utf8');
      const result = verifyPack(new Uint8Array(fs.readFileSync(packPath)), { publicKeyPem, fingerprint: options.fingerprint });
      const key = result.fingerprint === undefined ? 'unknown' : formatFingerprint(result.fingerprint);
      if (result.ok) {
        const against = [options.key && 'the given key', options.fingerprint && 'the given fingerprint'].filter(Boolean).join(' and ');
        process.stdout.write(`OK ${packPath}: ${result.fileCount - 2} files match manifest.json, the zip is clean, and the signature holds by key ${key}, checked against ${against}.\n`);
        return;
      }
      if (result.failures.length === 0) {
        process.stderr.write(`UNVERIFIED signer of ${packPath}: the files match manifest.json and the signature holds by the key in the pack (${key}), but anyone can re-sign a pack with a key of their own.\n`);
        process.stderr.write('Run again with --fingerprint HEX (shown on the server\'s findings page and at /api/v1/signing-key) or --key FILE (the key from /api/v1/signing-key).\n');
        process.exitCode = EXIT_SIGNER_UNVERIFIED;
        return;
      }
      for (const failure of result.failures) process.stderr.write(`${failure}\n`);
      if (options.key === undefined && options.fingerprint === undefined) process.stderr.write('signer UNVERIFIED: no --key or --fingerprint given\n');
      process.stderr.write(`FAILED ${packPath}: ${result.failures.length} problem${result.failures.length === 1 ? '' : 's'}.\n`);
      process.exitCode = 1;
    });
}
