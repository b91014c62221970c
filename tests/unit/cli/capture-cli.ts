/** Runs `crowdaudit …` in-process and captures what it writes and its exit code. */
import { main } from '../../../src/cli';

export async function runCli(...args: string[]): Promise<{ output: string; errors: string; exitCode: number }> {
  let output = '';
  let errors = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output += String(chunk);
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    errors += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    await main(['node', 'crowdaudit', ...args]);
    return { output, errors, exitCode: Number(process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}
