/**
 * One job in a worker thread of its own (see worker-slots.ts for why one each): starts the
 * compiled worker script with its data, and settles once, with the worker's answer or a clear
 * error naming the job — whether the worker reports a failure, throws, or stops without an answer.
 */
import { Worker, type Transferable } from 'node:worker_threads';
import { compiledWorkerScript } from './compiled-worker';

/** What a job's worker posts back: its result, or why it failed. */
export type WorkerJobMessage<T> = { ok: true; result: T } | { ok: false; message: string };

/**
 * @param module the worker's path below `src/`, without extension
 * @param job names the job in errors, e.g. "Analysing credit-scores"
 * @param transferList ports or buffers moved to the worker rather than copied
 */
export function runWorkerJob<T>(module: string, workerData: unknown, job: string, transferList: Transferable[] = []): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(compiledWorkerScript(module), { workerData, transferList });
    let settled = false;
    const fail = (reason: string) => {
      settled = true;
      reject(new Error(`${job} failed: ${reason}`));
    };
    worker.once('message', (message: WorkerJobMessage<T>) => {
      if (message.ok) {
        settled = true;
        resolve(message.result);
      } else fail(message.message);
    });
    worker.once('error', (error: unknown) => fail(error instanceof Error ? error.message : String(error)));
    worker.once('exit', (code) => {
      if (!settled) fail(`its worker stopped (exit code ${code}) without an answer`);
    });
  });
}

/** The worker's side: runs `work` and posts its result, or its error's message (never a stack with data in it). */
export async function answerWorkerJob<T>(port: { postMessage(message: WorkerJobMessage<T>, transferList?: readonly Transferable[]): void }, work: () => Promise<T>, transferOf: (result: T) => Transferable[] = () => []): Promise<void> {
  try {
    const result = await work();
    port.postMessage({ ok: true, result }, transferOf(result));
  } catch (error) {
    port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}
