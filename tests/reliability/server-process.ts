/**
 * The real server as a child process (the built `dist/`), so a test can SIGKILL or SIGTERM it
 * like an operating system would, on a database file of its own, on loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SERVER_SCRIPT = path.resolve(__dirname, '../../dist/src/server.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the server wrote to stdout and stderr, for the failure message and the log checks. */
  output(): string;
}

/** Servers started and not yet exited, so a test file's end can stop any a failed test left. */
const running = new Set<ChildProcess>();

/**
 * Stops every server this file's tests started and left running (setupFilesAfterEnv): one
 * left running keeps jest from exiting, and CI then waits for its time limit instead of
 * reporting the failure that left it.
 */
export async function stopLeftoverServers(): Promise<void> {
  await Promise.all([...running].map((child) => new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  })));
}

export async function spawnServer(databasePath: string, environment: Record<string, string> = {}): Promise<ServerProcess> {
  if (!fs.existsSync(SERVER_SCRIPT)) throw new Error(`${SERVER_SCRIPT} is missing: run "npm run build" first (npm test does).`);
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_PATH: databasePath,
      HOST: '127.0.0.1',
      PORT: '0',
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      CSRF_SECRET: 'reliability-test-secret-reliability-test-secret',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 20 s:\n${output}`));
    }, 20_000);
    const look = () => {
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}, signal ${signal}) before listening:\n${output}`));
    });
  });
  return { url, child, exited, output: () => output };
}
