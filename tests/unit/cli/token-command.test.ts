import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './capture-cli';

describe('crowdaudit token', () => {
  let directory: string;
  let dbPath: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-token-'));
    dbPath = path.join(directory, 'db.sqlite');
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('when a token is created, listed and revoked, then it is printed once, listed without it, and shown revoked', async () => {
    const created = await runCli('token', 'create', '--role', 'ngo', '--label', 'Union A', '--db', dbPath);
    expect(created.exitCode).toBe(0);
    const token = created.output.trim();
    expect(token).toMatch(/^ca_ngo_/);
    expect(created.errors).toContain('not shown again');
    const listed = await runCli('token', 'list', '--db', dbPath);
    expect(listed.output).toMatch(/^1\tngo\tUnion A\t\d{4}-\d\d-\d\dT.*\t-$/m);
    expect(listed.output).not.toContain(token);
    expect((await runCli('token', 'revoke', '1', '--db', dbPath)).exitCode).toBe(0);
    expect((await runCli('token', 'list', '--db', dbPath)).output).toMatch(/^1\tngo\tUnion A\t\S+\t\d{4}-/m);
    const again = await runCli('token', 'revoke', '1', '--db', dbPath);
    expect(again.exitCode).toBe(1);
    expect(again.errors).toContain('No live token with id 1');
  });

  it('when the role is not ngo or analyst, then it exits non-zero naming --role', async () => {
    const result = await runCli('token', 'create', '--role', 'admin', '--label', 'X', '--db', dbPath);
    expect(result.exitCode).not.toBe(0);
    expect(result.errors).toContain('--role must be ngo or analyst');
  });
});
