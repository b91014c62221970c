/** The built server refuses to start in production until donors can be told who runs it. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVER_SCRIPT } from './server-process';

function startFails(environment: Record<string, string>): Promise<{ code: number | null; output: string; databaseMade: boolean }> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-operator-'));
  const databasePath = path.join(directory, 'db.sqlite');
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, databaseMade: fs.existsSync(databasePath) });
      fs.rmSync(directory, { recursive: true, force: true });
    });
  });
}

describe('the server in production', () => {
  test('when NODE_ENV=production has no operator, then it exits 1 naming each missing variable, before any database is made', async () => {
    const { code, output, databaseMade } = await startFails({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/^crowdaudit could not start: Invalid configuration: OPERATOR_NAME: required when NODE_ENV=production/);
    for (const name of ['OPERATOR_ADDRESS', 'OPERATOR_EMAIL', 'OPERATOR_COUNTRY', 'OPERATOR_DPO_EMAIL']) expect(output).toContain(`${name}: required`);
    expect(databaseMade).toBe(false);
  });

  test('when the operator is in Germany and names no authority, then it exits 1 naming OPERATOR_AUTHORITY', async () => {
    const { code, output } = await startFails({
      NODE_ENV: 'production',
      OPERATOR_NAME: 'Algorithm Watchers e.V.',
      OPERATOR_ADDRESS: 'Musterstraße 1; 10115 Berlin',
      OPERATOR_EMAIL: 'info@watchers.example.org',
      OPERATOR_COUNTRY: 'DE',
      OPERATOR_DPO_EMAIL: 'privacy@watchers.example.org',
    });
    expect(code).toBe(1);
    expect(output).toContain('OPERATOR_AUTHORITY: "de" has several supervisory authorities; set OPERATOR_AUTHORITY to one of');
  });
});
