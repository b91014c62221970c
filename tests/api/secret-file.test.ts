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
