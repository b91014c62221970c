/**
 * How many worker jobs (findings releases, collective packs) run at once in this process: one
 * fewer than the cores, at least one, so that one core always stays with the event loop that
 * answers donations and `/healthz`. Jobs beyond that wait their turn, in order.
 *
 * Each job gets a fresh worker rather than one from a pool of kept threads: a job holds a whole
 * campaign's records (hundreds of MB at 100,000 donations) and its own database connection, and
 * a fresh worker gives both back when it ends, while its start (tens of ms) is nothing beside a
 * job of seconds.
 */
import os from 'node:os';

export class WorkerSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number = Math.max(1, os.availableParallelism() - 1)) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`WorkerSlots needs at least one slot (got ${size}).`);
  }

  /** Runs `job` when a slot is free; the slot is given back however the job ends. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await job();
    } finally {
      // The slot passes straight to the next waiting job (the count stays), else it is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
