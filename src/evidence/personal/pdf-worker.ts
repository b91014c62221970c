/**
 * A worker thread's task: one personal pack rendered to PDF (personal-pack-pdf.ts). Laying out
 * and embedding the fonts takes hundreds of ms, which on the server's thread would hold up every
 * other request meanwhile. The pack is plain data, and so is the PDF that comes back.
 */
import type { Locale } from '../../campaigns/types';
import type { PersonalPack } from './personal-pack';
import { personalPackPdf } from './personal-pack-pdf';
import { workerTask } from '../../workers/worker-task';

export interface PdfTask {
  pack: PersonalPack;
  locale: Locale;
}

async function pdfOf({ pack, locale }: PdfTask): Promise<Uint8Array> {
  return personalPackPdf(pack, locale);
}

export default workerTask(pdfOf);
