/**
 * A worker thread that computes one campaign's analyses for a findings release. It opens its own
 * read-only connection to the database file, so the server's event loop keeps answering
 * donations and `/healthz` while the records are read and the models fitted (seconds at 100,000
 * donations). It gets the campaign as its dictionary defines it (functions do not cross threads)
 * and posts back the analyses, or the error's message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { buildCampaign } from '../../campaigns/load-campaigns';
import type { CampaignDefinition } from '../../campaigns/types';
import { analyseCampaign } from '../campaign-analyses';
import type { CampaignAnalyses } from '../campaign-analyses-types';

export interface AnalysisWorkerData {
  databasePath: string;
  definition: CampaignDefinition;
}

export type AnalysisWorkerMessage = { ok: true; analyses: CampaignAnalyses } | { ok: false; message: string };

async function run({ databasePath, definition }: AnalysisWorkerData): Promise<AnalysisWorkerMessage> {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return { ok: true, analyses: await analyseCampaign(db, buildCampaign(definition, `${definition.slug} (analysis worker)`)) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as AnalysisWorkerData).then((message) => port.postMessage(message));
}
