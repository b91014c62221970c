import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig } from '../../src/config';
import { startServer } from '../../src/server';
import { loadOrCreateSecretFile } from '../../src/storage/secret-file';

describe('secrets kept beside the database', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-secret-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  test('when a secret file is missing, then it is created with mode 0600 and read back unchanged later', () => {
    const file = path.join(directory, 'nested', 'secret');
    const first = loadOrCreateSecretFile(file, () => 'first-secret');
    expect(first).toBe('first-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecretFile(file, () => 'second-secret')).toBe('first-secret');
  });

  test('when several processes create the same secrets at the same moment, then each reads every secret whole and all read the same', async () => {
    // Processes, not calls: the race is between processes starting on one fresh directory (two
    // servers behind one database). Large secrets widen the window in which a file created
    // before it was written could be read empty or in part.
    const built = path.resolve(__dirname, '../../dist/src/storage/secret-file.js');
    if (!fs.existsSync(built)) throw new Error(`${built} is missing: run "npm run build" first (npm test does).`);
    const files = 80;
    const startAt = Date.now() + 1_000;
    const script = `
      const { createHash, randomBytes } = require('node:crypto');
      const { loadOrCreateSecretFile } = require(${JSON.stringify(built)});
      while (Date.now() < ${startAt}) {}
      const seen = [];
      for (let index = 0; index < ${files}; index += 1) {
        const secret = loadOrCreateSecretFile(${JSON.stringify(directory)} + '/secret-' + index, () => randomBytes(1 << 19).toString('hex'));
        seen.push(secret.length + ':' + createHash('sha256').update(secret).digest('hex'));
      }
      process.stdout.write(JSON.stringify(seen));`;
    const run = () => new Promise<string[]>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as string[]) : reject(new Error(`a process exited with ${code}`))));
    });
    const [first, ...others] = await Promise.all([run(), run(), run(), run()]);
    expect(first!.every((seen) => seen.startsWith(`${1 << 20}:`))).toBe(true);
    for (const other of others) expect(other).toEqual(first);
    // No draft is left beside the secrets.
    expect(fs.readdirSync(directory).filter((name) => !/^secret-\d+$/.test(name))).toEqual([]);
  }, 60_000);

  test('when no CSRF_SECRET is set, then a form token issued before a restart is still accepted after it', async () => {
    const config = testConfig({ databasePath: path.join(directory, 'db.sqlite'), csrfSecret: undefined });
    const first = await startServer(config);
    const form = await fetch(`${first.url}/my-donation`);
    const cookie = form.headers.get('set-cookie')!.split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
    await first.stop();
    expect(fs.statSync(path.join(directory, 'csrf-secret')).mode & 0o777).toBe(0o600);

    const second = await startServer(config);
    const answer = await fetch(`${second.url}/my-donation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams({ _csrf: token, receipt: 'AAAA-BBBB' }).toString(),
    });
    await second.stop();
    // 404 "no donation with this code", not 403 "form expired".
    expect(answer.status).toBe(404);
  });
});
