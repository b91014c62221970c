/**
 * Reads a survey in worker threads (`import-worker.ts`), one per part of the file
 * (`csv-file-parts.ts`), and hands each batch to `writeBatch` on this thread, which owns the
 * database connection. Each worker is told when its batch is written, so none runs more than
 * two batches ahead. The parts' rejects reports are joined into one at the end.
 *
 * Batches are written in the order they arrive, so with several parts the records of the file's
 * second half can be stored between those of its first: the analyses do not depend on the order.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { campaignDefinition } from '../campaigns/load-campaigns';
import type { Campaign } from '../campaigns/types';
import { compiledWorkerScript } from '../workers/compiled-worker';
import type { CsvEncoding } from '../csv/decode-csv-bytes';
import type { CsvDelimiter } from '../csv/detect-delimiter';
import { planCsvFileParts } from './csv-file-parts';
import type { ImportWorkerData, ImportWorkerMessage, ImportWriterMessage } from './import-worker';
import type { SurveyBatch } from './read-survey-batches';
import { joinRejectsReports } from './rejects-report';

/** Below this, a part is not worth a thread of its own (starting one costs about 0.1 s). */
export const MIN_PART_BYTES = 8 * 1024 * 1024;

/** Threads to read with: one per core, at most four (beyond that the writing thread is the limit). */
export function defaultReaderCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** The compiled import worker (see `compiledWorkerScript`). */
export function importWorkerScript(): string {
  return compiledWorkerScript('import/import-worker');
}

export interface ReadSurveyInWorkersOptions {
  campaign: Campaign;
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headerCells: string[];
  batchSize: number;
  /** The joined rejects report. */
  rejectsPath: string;
  /** Threads at most; default `defaultReaderCount()`. */
  readers?: number;
  /** Smallest part worth a thread; default `MIN_PART_BYTES` (tests cut small files with less). */
  minPartBytes?: number;
  /** Stores one batch; throwing stops every worker and rejects. */
  /** Stores a batch; the worker is told to go on once the returned promise has resolved. */
  writeBatch: (batch: SurveyBatch) => Promise<void>;
  /** Bytes read so far, over all parts. */
  onBytes?: (bytesRead: number) => void;
}

export interface ReadSurveyInWorkersResult {
  rejected: number;
  /** How many parts the file was read in. */
  parts: number;
}

export async function readSurveyInWorkers(options: ReadSurveyInWorkersOptions): Promise<ReadSurveyInWorkersResult> {
  const { campaign, writeBatch, onBytes } = options;
  const maxParts = options.readers ?? defaultReaderCount();
  const minPartBytes = options.minPartBytes ?? MIN_PART_BYTES;
  const size = fs.statSync(options.file).size;
  const workerData: ImportWorkerData = {
    definition: campaignDefinition(campaign),
    file: options.file,
    encoding: options.encoding,
    delimiter: options.delimiter,
    headerCells: options.headerCells,
    batchSize: options.batchSize,
    reportBytes: onBytes !== undefined,
  };
  // Started before the file is cut, so that they load while it is scanned; extras are stopped.
  const script = importWorkerScript();
  const likelyParts = Math.max(1, Math.min(maxParts, Math.floor(size / Math.max(1, minPartBytes))));
  const workers = Array.from({ length: likelyParts }, () => new Worker(script, { workerData }));
  const partReports: string[] = [];
  // After the first failure, batches still on their way from other workers are not written.
  let failed = false;
  try {
    const plan = planCsvFileParts(options.file, { encoding: options.encoding, delimiter: options.delimiter, maxParts: likelyParts, minPartBytes });
    for (const extra of workers.splice(plan.parts.length)) void extra.terminate();
    const bytesByPart = plan.parts.map(() => 0);
    const results = await Promise.all(workers.map((worker, index) => {
      const rejectsPath = `${options.rejectsPath}.part-${index}`;
      partReports.push(rejectsPath);
      const start: ImportWriterMessage = { type: 'start', part: plan.parts[index], newline: plan.newline, rejectsPath };
      worker.postMessage(start);
      return new Promise<number>((resolve, rejectPart) => {
        let finished = false;
        // This part's batches are written one after the other; 'done' waits for the last.
        let writing: Promise<void> = Promise.resolve();
        const reject = (error: Error): void => {
          failed = true;
          rejectPart(error);
        };
        worker.on('message', (message: ImportWorkerMessage) => {
          switch (message.type) {
            case 'batch':
              if (failed) return;
              writing = writing.then(async () => {
                if (failed) return;
                await writeBatch(message.batch);
                worker.postMessage({ type: 'written' } satisfies ImportWriterMessage);
              });
              writing.catch((error: unknown) => reject(error as Error));
              break;
            case 'bytes':
              bytesByPart[index] = message.bytesRead;
              onBytes?.(bytesByPart.reduce((sum, bytes) => sum + bytes, 0));
              break;
            case 'done':
              finished = true;
              writing.then(() => resolve(message.result.rejected), () => undefined);
              break;
            case 'failed':
              reject(new Error(message.message));
              break;
          }
        });
        worker.on('error', (error) => {
          if (!finished) reject(error);
        });
        // A worker that has said it is done may end (it is stopped below); one that has not, failed.
        worker.on('exit', (code) => {
          if (!finished) reject(new Error(`An import worker stopped unexpectedly (exit code ${code}).`));
        });
      });
    }));
    joinRejectsReports(options.rejectsPath, partReports, options.headerCells, options.delimiter);
    return { rejected: results.reduce((sum, rejected) => sum + rejected, 0), parts: plan.parts.length };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
    for (const partReport of partReports) fs.rmSync(partReport, { force: true });
  }
}
