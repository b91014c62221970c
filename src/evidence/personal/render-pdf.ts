/**
 * Where personal packs become PDFs: in the process's pool of render threads (pdf-worker.ts), apart
 * from the threads of releases, so that a donor's PDF never waits behind a release that takes a minute.
 */
import type { Locale } from '../../campaigns/types';
import { bytesAsBuffer } from '../../bytes-as-buffer';
import type { WorkerPool } from '../../workers/worker-pool';
import type { PersonalPack } from './personal-pack';
import type { PdfTask } from './pdf-worker';

export type RenderPdf = (pack: PersonalPack, locale: Locale) => Promise<Buffer>;

export function renderPdfInWorker(renders: WorkerPool): RenderPdf {
  return async (pack, locale) => {
    const task: PdfTask = { pack, locale };
    const pdf = await renders.run<Uint8Array>('evidence/personal/pdf-worker', task, 'Rendering the evidence pack as PDF');
    return bytesAsBuffer(pdf);
  };
}
