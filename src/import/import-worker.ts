/**
 * A worker thread of `crowdaudit import`: reads, checks and encodes one part of the survey
 * (`readSurveyBatches`) and posts each batch to the thread that writes the database. Several
 * workers read the parts of a large file at once, while the writing thread commits their batches.
 *
 * The worker starts when it is told its part (the writer cuts the file while the workers load).
 * At most `MAX_UNWRITTEN_BATCHES` of its batches wait to be written: if the disk is slower than
 * the parser, reading pauses, so memory stays at a few batches whatever the file's size.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildCampaign } from '../campaigns/load-campaigns';
import type { CampaignDefinition } from '../campaigns/types';
import { matchCsvColumns } from '../csv/campaign-csv-columns';
import type { CsvEncoding } from '../csv/decode-csv-bytes';
import type { CsvDelimiter } from '../csv/detect-delimiter';
import type { CsvFilePart, CsvNewline } from './csv-file-parts';
import { readSurveyBatches, type SurveyBatch, type SurveyBatchesResult } from './read-survey-batches';

export const MAX_UNWRITTEN_BATCHES = 2;

export interface ImportWorkerData {
  /** The campaign as written in its dictionary file (the loaded one holds functions, which do not cross threads). */
  definition: CampaignDefinition;
  file: string;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headerCells: string[];
  batchSize: number;
  reportBytes: boolean;
}

/** Writer → worker. */
export type ImportWriterMessage =
  | { type: 'start'; part: CsvFilePart; newline?: CsvNewline; rejectsPath: string }
  | { type: 'written' };

/** Worker → writer. */
export type ImportWorkerMessage =
  | { type: 'batch'; batch: SurveyBatch }
  | { type: 'bytes'; bytesRead: number }
  | { type: 'done'; result: SurveyBatchesResult }
  | { type: 'failed'; message: string };

function run(port: NonNullable<typeof parentPort>, data: ImportWorkerData): void {
  const campaign = buildCampaign(data.definition, `${data.definition.slug}.json`);
  const post = (message: ImportWorkerMessage): void => port.postMessage(message);
  let unwritten = 0;
  let wake: (() => void) | undefined;
  const ready = (): Promise<void> | undefined => {
    if (unwritten < MAX_UNWRITTEN_BATCHES) return undefined;
    return new Promise<void>((resolve) => {
      wake = resolve;
    });
  };

  port.on('message', (message: ImportWriterMessage) => {
    if (message.type === 'written') {
      unwritten -= 1;
      if (wake && unwritten < MAX_UNWRITTEN_BATCHES) {
        const resolve = wake;
        wake = undefined;
        resolve();
      }
      return;
    }
    readSurveyBatches({
      campaign,
      file: data.file,
      encoding: data.encoding,
      delimiter: data.delimiter,
      headerCells: data.headerCells,
      columns: matchCsvColumns(campaign, data.headerCells),
      batchSize: data.batchSize,
      rejectsPath: message.rejectsPath,
      part: message.part,
      newline: message.newline,
      onBatch: (batch) => {
        unwritten += 1;
        post({ type: 'batch', batch });
      },
      ready,
      onBytes: data.reportBytes ? (bytesRead) => post({ type: 'bytes', bytesRead }) : undefined,
    }).then(
      (result) => post({ type: 'done', result }),
      (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
}

if (parentPort) run(parentPort, workerData as ImportWorkerData);
