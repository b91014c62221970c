import fs from 'node:fs';
import type { Command } from 'commander';

/** `crowdaudit verify PACK.zip [--key FILE]`: exit 0 when every hash and the signature hold. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check a collective evidence pack: every file\'s SHA-256 against manifest.json and the Ed25519 signature')
    .argument('<pack>', 'the pack (zip)')
    .option('--key <file>', 'the public key (PEM) from the server\'s /api/v1/signing-key; default: the key in the pack')
    .action((packPath: string, options: { key?: string }) => {
      const { verifyPack } = require('../evidence/collective/verify-pack') as typeof import('../evidence/collective/verify-pack');
      const publicKeyPem = options.key === undefined ? undefined : fs.readFileSync(options.key, 'utf8');
      const result = verifyPack(new Uint8Array(fs.readFileSync(packPath)), { publicKeyPem });
      if (result.ok) {
        process.stdout.write(`OK ${packPath}: ${result.fileCount - 2} files match manifest.json, signature valid (key ${result.fingerprint}${options.key ? ', the given key' : ', the key in the pack'}).\n`);
        return;
      }
      for (const failure of result.failures) process.stderr.write(`${failure}\n`);
      process.stderr.write(`FAILED ${packPath}: ${result.failures.length} problem${result.failures.length === 1 ? '' : 's'}.\n`);
      process.exitCode = 1;
    });
}
