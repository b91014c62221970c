/** Worker slots: no more jobs at once than slots, the rest in order, and a failed job frees its slot. */
import os from 'node:os';
import { WorkerSlots } from '../../../src/workers/worker-slots';

/** A job that runs until finished or failed by the test, recording that it started. */
function controlledJob(started: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const job = () => {
    started.push(name);
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { job, finish: () => finish(name), fail: () => fail(new Error(`${name} failed`)) };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('WorkerSlots', () => {
  test('when three jobs are given two slots, then the third starts only when one ends, and each gets its own result', async () => {
    const slots = new WorkerSlots(2);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controlledJob(started, name));
    const results = [slots.run(a.job), slots.run(b.job), slots.run(c.job)];
    await turn();
    expect(started).toEqual(['a', 'b']);
    b.finish();
    await turn();
    expect(started).toEqual(['a', 'b', 'c']);
    a.finish();
    c.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
  });

  test('when a job fails, then its error reaches its caller and its slot goes to the next job', async () => {
    const slots = new WorkerSlots(1);
    const started: string[] = [];
    const [a, b] = ['a', 'b'].map((name) => controlledJob(started, name));
    const first = slots.run(a.job);
    const second = slots.run(b.job);
    await turn();
    expect(started).toEqual(['a']);
    a.fail();
    await expect(first).rejects.toThrow('a failed');
    await turn();
    expect(started).toEqual(['a', 'b']);
    b.finish();
    await expect(second).resolves.toBe('b');
  });

  test('when asked for no slots, then it says it needs at least one', () => {
    expect(() => new WorkerSlots(0)).toThrow(/at least one slot \(got 0\)/);
  });

  test('by default, one core is left to the event loop', () => {
    expect(new WorkerSlots().size).toBe(Math.max(1, os.availableParallelism() - 1));
  });
});
