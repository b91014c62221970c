/**
 * Checkpoints off the event loop. SQLite checkpoints on a connection's own COMMIT once the
 * write-ahead log passes 1,000 pages (`wal_autocheckpoint`): it copies the frames into the
 * database file and syncs both files, on the committing thread. On the server that is the event
 * loop: at 500 donations a second a checkpoint ran about every two seconds and blocked it for
 * 20–30 ms, and the one after a worker's long read snapshot (which holds frames back) for 190 ms.
 * So the store's connections do not checkpoint (`wal_autocheckpoint = 0`), and a thread of its
 * own does, with a PASSIVE checkpoint each second (checkpoint-worker.ts). PASSIVE never blocks
 * the writer or a reader, and the WAL stays about a second of writes long; under a stream of
 * writes that never pauses, the store holds its writes for a moment when it passes 16 MB
 * (`catchUp`), so that it starts over.
 *
 * Erasing a deletion from the WAL (wal-erasure.ts) is done by the same thread (`truncate`): on
 * the store's connection it would copy on the event loop, and it would find this thread's
 * checkpoint in its way now and then, leaving the deletion's bytes until a retry.
 */
import { Worker } from 'node:worker_threads';
import { compiledWorkerScript } from '../workers/compiled-worker';
import type { BehindMessage, CheckpointAnswer, CheckpointRequest, CheckpointWorkerData } from './checkpoint-worker';

const CHECKPOINT_EVERY_MS = 1_000;
/** 16 MB of 4 KiB pages: a few seconds of donations at full speed (see checkpoint-worker.ts). */
const BEHIND_FRAMES = 4_096;

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly ended: Promise<void>;
  private readonly ready: Promise<void>;
  private readonly answers = new Map<number, (done: boolean) => void>();
  private nextId = 0;
  /** Callers awaiting the thread now (see `awaited`). */
  private waiting = 0;
  /** False once the thread has ended or failed. */
  running = true;

  /**
   * @param onFailure called if the thread fails (its database file gone): the store then lets its
   *   connection checkpoint again, so the WAL cannot grow without end
   * @param onBehind called when a round left the WAL longer than `behindFrames`: the store holds
   *   its writes while `catchUp` runs
   */
  constructor(databasePath: string, onFailure: (error: Error) => void, onBehind: () => void, intervalMs = CHECKPOINT_EVERY_MS, behindFrames = BEHIND_FRAMES) {
    const workerData: CheckpointWorkerData = { databasePath, intervalMs, behindFrames };
    this.worker = new Worker(compiledWorkerScript('storage/checkpoint-worker'), { workerData });
    this.ready = new Promise((resolve) => this.worker.once('message', () => resolve()));
    this.worker.on('message', (message: 'ready' | BehindMessage | CheckpointAnswer) => {
      if (message === 'ready') return;
      if (message === 'behind') {
        onBehind();
        return;
      }
      this.answers.get(message.id)?.(message.done);
      this.answers.delete(message.id);
    });
    this.ended = new Promise((resolve) => this.worker.once('exit', () => {
      this.running = false;
      // An erasure asked of a thread that ended is not done: its retry asks again (wal-erasure.ts).
      for (const answer of this.answers.values()) answer(false);
      this.answers.clear();
      resolve();
    }));
    this.worker.on('error', onFailure);
    // It must not keep a CLI command or a stopping server alive; close() ends it. After the
    // listeners: adding a 'message' listener refs the worker's port again.
    this.worker.unref();
  }

  /** An erasure's truncating checkpoint, in the thread: true when the WAL is empty after it. */
  truncate(): Promise<boolean> {
    return this.ask((id) => ({ truncate: id }));
  }

  /**
   * One more pass while the store holds its writes: true when every frame is then in the database
   * file, so that the store's next write starts the WAL over.
   */
  catchUp(): Promise<boolean> {
    return this.ask((id) => ({ catchUp: id }));
  }

  private ask(request: (id: number) => CheckpointRequest): Promise<boolean> {
    if (!this.running) return Promise.resolve(false);
    const id = this.nextId++;
    return this.awaited(new Promise((resolve) => {
      this.answers.set(id, resolve);
      this.worker.postMessage(request(id));
    }));
  }

  /** Ends the thread after a last checkpoint; the caller closes its own connection after this. */
  async close(): Promise<void> {
    await this.awaited((async () => {
      await Promise.race([this.ready, this.ended]);
      if (this.running) this.worker.postMessage('stop' satisfies CheckpointRequest);
      await this.ended;
    })());
  }

  /**
   * While someone awaits the thread, it keeps the process alive: unreferenced, a CLI command
   * awaiting an erasure's checkpoint (or the store's close) found its event loop empty and exited
   * before the answer came, with the deletion's bytes still in the WAL and the store never closed.
   */
  private async awaited<T>(answer: Promise<T>): Promise<T> {
    if (this.waiting++ === 0) this.worker.ref();
    try {
      return await answer;
    } finally {
      if (--this.waiting === 0) this.worker.unref();
    }
  }
}
