/**
 * Worker threads for the work that must not run on the event loop (findings releases, collective
 * packs, PDFs): a piscina pool of at most the cores but one, so that one core always stays with
 * the event loop that answers donations and `/healthz`; tasks beyond that wait their turn.
 *
 * `keepIdleMs` says how long a thread is kept for the next task. Releases and collective packs
 * hold a whole campaign's records (hundreds of MB at 100,000 donations) and come minutes apart:
 * their threads end at once (0), giving the memory back. PDFs are small and come in bursts: their
 * thread stays warm, with pdfkit and the fonts loaded. Idle threads never keep the process alive.
 *
 * The threads run at a lower priority (nice +10, Linux and macOS, through piscina's optional
 * @napi-rs/nice): when they and the event loop want the same core, at a garbage collection or
 * beside other processes, the scheduler gives it to the event loop first. Their own work only
 * waits when the event loop has some to do, which is what a background job should do.
 */
import os from 'node:os';
import type { Transferable } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { compiledWorkerScript } from './compiled-worker';

export interface WorkerPoolOptions {
  keepIdleMs: number;
  /** Default: the cores but one, at least one. */
  threads?: number;
  /** How much lower the threads' priority is than the event loop's (default 10; 0: the same). */
  niceIncrement?: number;
}

const BACKGROUND_NICE_INCREMENT = 10;

/**
 * What went wrong, from an error that crossed threads: it arrives as a copy, which need not be an
 * `Error` of this realm (under Jest, tests run in a realm of their own). worker-task.ts makes sure
 * a worker's error crosses with its message.
 */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : String(error);
}

/**
 * A task whose thread was ended by `close` (the server is stopping): nothing failed, and the
 * work is done again later (a release is cut after the restart). Callers log it as such, not as
 * a failure an operator should look into.
 */
export class JobStopped extends Error {
  override readonly name = 'JobStopped';
}

export class WorkerPool {
  private pool?: Piscina;
  /** Pools `close` ended: a task that fails in one was stopped, not broken. */
  private readonly ended = new WeakSet<Piscina>();
  readonly threads: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
    if (!Number.isInteger(this.threads) || this.threads < 1) throw new Error(`A worker pool needs at least one thread (got ${this.threads}).`);
  }

  /**
   * Runs the default export of the compiled worker `module` (its path below `src/`) on `task`.
   * @param job names the task in errors, e.g. "Analysing credit-scores"
   * @param transferList ports or buffers moved to the thread rather than copied
   * @throws Error "<job> failed: <the worker's message>"
   * @throws JobStopped "<job> stopped: …" when `close` ended its thread meanwhile
   */
  async run<T>(module: string, task: unknown, job: string, transferList: Transferable[] = []): Promise<T> {
    // Made at the first task: a server that never needs a thread starts none.
    const pool = (this.pool ??= new Piscina({
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: this.options.keepIdleMs,
      niceIncrement: this.options.niceIncrement ?? BACKGROUND_NICE_INCREMENT,
    }));
    try {
      return (await pool.run(task, { filename: compiledWorkerScript(module), transferList: transferList as never })) as T;
    } catch (error) {
      if (this.ended.has(pool)) throw new JobStopped(`${job} stopped: its thread was ended (the server is stopping)`);
      throw new Error(`${job} failed: ${messageOf(error)}`);
    }
  }

  /**
   * Ends the threads at once (the server is stopping): a task still running rejects with
   * `JobStopped`, and nothing is lost by it — a release not stored is cut again later, a pack or
   * PDF is asked for again. A later `run` starts new threads.
   */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    if (!pool) return;
    this.ended.add(pool);
    await pool.destroy();
  }
}
