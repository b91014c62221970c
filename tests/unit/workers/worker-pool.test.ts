/** The pool of threads off the event loop: sized to leave a core to the event loop, and failures that name their task. */
import os from 'node:os';
import { JobStopped, WorkerPool } from '../../../src/workers/worker-pool';

describe('WorkerPool', () => {
  test('by default, it uses the cores but one, at least one', () => {
    expect(new WorkerPool({ keepIdleMs: 0 }).threads).toBe(Math.max(1, os.availableParallelism() - 1));
  });

  test('when asked for no threads, then it says it needs at least one', () => {
    expect(() => new WorkerPool({ keepIdleMs: 0, threads: 0 })).toThrow('A worker pool needs at least one thread (got 0).');
  });

  test('when a task throws, then the error names the task and keeps the worker\'s reason; after close, the pool runs tasks again', async () => {
    const pool = new WorkerPool({ keepIdleMs: 0, threads: 1 });
    const task = { pack: null, locale: 'en' };
    await expect(pool.run('evidence/personal/pdf-worker', task, 'Rendering a test pack')).rejects.toThrow(/^Rendering a test pack failed: .+/);
    await pool.close();
    await expect(pool.run('evidence/personal/pdf-worker', task, 'Rendering it again')).rejects.toThrow(/^Rendering it again failed: /);
    await pool.close();
  }, 30_000);

  // The worker module is a plain JS fixture, found from dist/src the way built workers are.
  const threadPriority = '../../tests/unit/workers/fixtures/thread-priority';

  test('its threads run at a lower priority than the event loop (nice +10), or the one asked for', async () => {
    const background = new WorkerPool({ keepIdleMs: 0, threads: 1 });
    const same = new WorkerPool({ keepIdleMs: 0, threads: 1, niceIncrement: 0 });
    try {
      const own = os.getPriority(0);
      expect(await background.run(threadPriority, {}, 'Reading the priority')).toBe(Math.min(19, own + 10));
      expect(await same.run(threadPriority, {}, 'Reading the priority')).toBe(own);
    } finally {
      await background.close();
      await same.close();
    }
  }, 30_000);

  test('when the pool is closed while a task runs, then the task is reported stopped, not failed, and a task after it runs', async () => {
    const pool = new WorkerPool({ keepIdleMs: 0, threads: 1 });
    const wait = '../../tests/unit/workers/fixtures/wait';
    const running = pool.run(wait, { ms: 10_000 }, 'Analysing credit-scores');
    const outcome = running.then(() => 'finished', (error: unknown) => error);
    // Closed once the task is on its thread (a task still queued is dropped the same way).
    await new Promise((resolve) => setTimeout(resolve, 500));
    await pool.close();
    const stopped = await outcome;
    expect(stopped).toBeInstanceOf(JobStopped);
    expect((stopped as Error).message).toBe('Analysing credit-scores stopped: its thread was ended (the server is stopping)');
    expect(await pool.run(wait, { ms: 1 }, 'A later task')).toBe(1);
    await pool.close();
  }, 30_000);

  test('when the worker module is not built, then it says which file is missing', async () => {
    const pool = new WorkerPool({ keepIdleMs: 0, threads: 1 });
    await expect(pool.run('no/such-worker', {}, 'A missing task')).rejects.toThrow(/no\/such-worker\.js is missing: run "npm run build" first/);
  });
});
