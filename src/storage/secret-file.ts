/**
 * Secrets the server keeps beside its database (the CSRF secret, the signing key): read when the
 * file exists, else created once with mode 0600, so that every process serving the same
 * database uses the same secret and a restart does not invalidate forms a donor has open.
 */
import fs from 'node:fs';
import path from 'node:path';

export function loadOrCreateSecretFile(file: string, create: () => string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = create();
  try {
    // 'wx': if another process created it meanwhile, keep theirs.
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8');
    throw error;
  }
}
