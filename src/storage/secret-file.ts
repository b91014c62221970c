/**
 * Secrets the server keeps beside its database (the CSRF secret, the signing key): read when the
 * file exists, else created once with mode 0600, so that every process serving the same
 * database uses the same secret and a restart does not invalidate forms a donor has open.
 *
 * Several processes may start at once on a fresh directory (two servers behind one database).
 * The file must therefore appear whole or not at all: a secret is written and synced under a name
 * of its own, then hard-linked to its place. `link` is atomic and fails with EEXIST when another
 * process got there first, and then theirs is read. (Creating the file with 'wx' and then
 * writing it let the loser read it empty or half-written: "DECODER routines::unsupported".)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function loadOrCreateSecretFile(file: string, create: () => string): string {
  const existing = readIfPresent(file);
  if (existing !== undefined) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = create();
  const draft = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeSynced(draft, secret);
    fs.linkSync(draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8');
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function writeSynced(file: string, text: string): void {
  const descriptor = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeFileSync(descriptor, text);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}
