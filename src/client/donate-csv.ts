/// <reference lib="dom" />
/**
 * The CSV donation form's browser script (bundled by scripts/build-client.js). It reads the
 * chosen file on the donor's device with the server's own reading code, shows every row with
 * its problems, and lets the donor leave rows out. Nothing is sent until the donor submits the
 * form; then only the rows left go, as a new file in place of the chosen one, and the server
 * checks everything again in its review step. Without this script the server does all of it.
 */
import Papa from 'papaparse';
import * as z from 'zod';
import { recordCoercer } from '../campaigns/coerce-record';
import { buildRecordSchema } from '../campaigns/record-schema';
import { LOCALES, type CampaignField, type Locale } from '../campaigns/types';
import type { CsvCampaign } from '../csv/csv-campaign';
import { CsvFormatError } from '../csv/csv-error';
import { csvProblemText } from '../csv/csv-problem-text';
import { readCampaignCsvText } from '../csv/read-campaign-csv-text';
import { csvTranslator } from '../i18n/csv-messages';
import { translator } from '../i18n/messages';
import { decodeFileBytes } from './decode-file';
import { renderPreview, type PreviewState } from './preview-table';

// zod compiles object checks with `new Function` unless told not to; the CSP forbids eval.
z.config({ jitless: true });

interface CampaignData {
  slug: string;
  maxRecords: number;
  fields: CampaignField[];
  missingValues: string[];
}

function campaignOf(data: CampaignData): CsvCampaign {
  const schema = { fields: data.fields, missingValues: data.missingValues };
  return { slug: data.slug, maxRecords: data.maxRecords, schema, recordSchema: buildRecordSchema(data.fields), coerceRecord: recordCoercer(data.fields, data.missingValues) };
}

function start(): void {
  const form = document.getElementById('csv-form') as HTMLFormElement | null;
  const input = document.getElementById('records') as HTMLInputElement | null;
  const preview = document.getElementById('csv-preview');
  if (!form || !input || !preview || !form.dataset.campaign) return;
  const campaign = campaignOf(JSON.parse(form.dataset.campaign) as CampaignData);
  const lang = document.documentElement.lang;
  const locale: Locale = (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : 'en';
  const t = translator(locale);
  const csvT = csvTranslator(locale);
  let state: PreviewState | undefined;

  const show = () => {
    if (state) renderPreview(preview, state, locale, t, csvT, (index) => {
      state!.removed.add(index);
      show();
    });
    preview.hidden = false;
  };

  const showProblem = (message: string) => {
    state = undefined;
    preview.replaceChildren();
    const paragraph = document.createElement('p');
    paragraph.className = 'error-message';
    paragraph.setAttribute('role', 'alert');
    paragraph.textContent = message;
    preview.append(paragraph);
    preview.hidden = false;
  };

  /** A new file makes the server's message about the last one wrong: it goes, with its summary entry. */
  const clearServerFileError = () => {
    document.getElementById('error-records')?.remove();
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', 'records-hint');
    input.closest('.field')?.classList.remove('field-error');
    const summary = document.getElementById('error-summary');
    summary?.querySelector('a[href="#records"]')?.closest('li')?.remove();
    if (summary && !summary.querySelector('li')) summary.remove();
  };

  input.addEventListener('change', async () => {
    clearServerFileError();
    const file = input.files?.[0];
    if (!file) {
      state = undefined;
      preview.hidden = true;
      return;
    }
    try {
      const text = decodeFileBytes(new Uint8Array(await file.arrayBuffer()));
      state = { csv: readCampaignCsvText(campaign, text), removed: new Set() };
      show();
    } catch (error) {
      if (error instanceof CsvFormatError) showProblem(csvProblemText(error, csvT));
      else throw error;
    }
  });

  form.addEventListener('submit', (event) => {
    if (!state || state.removed.size === 0) return;
    const { csv, removed } = state;
    const rows = csv.rows.filter((_cells, index) => !removed.has(index));
    if (rows.length === 0) {
      event.preventDefault();
      show();
      return;
    }
    // Only the rows left leave the device: a new file takes the chosen one's place.
    const text = Papa.unparse({ fields: csv.columns.map((field) => field.name), data: rows }, { newline: '\r\n' });
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], input.files?.[0]?.name ?? 'records.csv', { type: 'text/csv' }));
    input.files = transfer.files;
  });
}

start();
