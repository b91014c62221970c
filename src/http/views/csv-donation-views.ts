/**
 * The CSV donation pages: the upload form (file, template, consent) and the review table in
 * which each invalid cell is marked with its row and reason and any row can be removed. Both
 * work without JavaScript; `/static/build/donate-csv.js` adds a preview in the browser.
 */
import { localizedField } from '../../campaigns/localize';
import type { Campaign } from '../../campaigns/types';
import type { CsvCellIssue } from '../../csv/check-csv-row';
import { csvCellProblemText, csvProblemSentences, problemRowsFirst } from '../../csv/csv-problem-text';
import type { CampaignCsvText } from '../../csv/read-campaign-csv-text';
import { csvTranslator } from '../../i18n/csv-messages';
import { csvGuideTranslator } from '../../i18n/csv-guide-messages';
import { formTranslator } from '../../i18n/form-messages';
import { consentSection, hiddenCommon, valueLabel, type PageContext } from './donation-views';
import { consentOperatorNotice } from './operator-views';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

export interface CsvForm {
  purposes: string[];
  consentVersion: string;
  /** Rows already read (after an error elsewhere on the form), carried so the donor need not choose the file again. */
  kept?: { csvText: string; rows: number };
}

export interface CsvFormErrors {
  file?: string;
  purposes?: string;
}

/** What the browser script needs to check a file exactly as the server does. */
function previewData(campaign: Campaign): string {
  // A data attribute, not an inline script: the CSP allows no inline code at all; the html template escapes it.
  return JSON.stringify({ slug: campaign.slug, maxRecords: campaign.maxRecords, fields: campaign.schema.fields, missingValues: campaign.schema.missingValues });
}

function summary(errors: CsvFormErrors, context: PageContext): SafeHtml {
  const entries: Array<[string, string]> = [];
  if (errors.file) entries.push(['records', errors.file]);
  if (errors.purposes) entries.push(['purpose-0', errors.purposes]);
  if (entries.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus id="error-summary" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">${context.t('errorSummaryTitle')}</h2>
  <ul>${entries.map(([target, message]) => html`<li><a href="#${target}">${message}</a></li>`)}</ul>
</div>`;
}

export function csvDonationFormPage(campaign: Campaign, form: CsvForm, errors: CsvFormErrors, context: PageContext, notice?: string): string {
  const { t, locale } = context;
  const csvT = csvTranslator(locale);
  const title = t('formTitle', { name: campaign.title[locale] });
  const hasErrors = Object.keys(errors).length > 0;
  return layout({ locale, t, operator: context.operator, title: hasErrors ? `${t('errorSummaryTitle')}: ${title}` : title, switcherPath: `/campaigns/${campaign.slug}/donate/csv`, switcherForm: 'csv-form' }, html`
<h1>${title}</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${summary(errors, context)}
<p>${csvT('csvFormIntro')}</p>
<p><a href="/campaigns/${campaign.slug}/donate">${formTranslator(locale)('formInstead')}</a></p>
<p><a href="/campaigns/${campaign.slug}/template.csv?lang=${locale}&amp;labels=true" download>${csvT('csvTemplateLink')}</a></p>
<p class="hint">${csvT('csvTemplateHint')}</p>
<p><a href="/campaigns/${campaign.slug}/columns">${csvGuideTranslator(locale)('guideLink')}</a></p>
<form method="post" action="/campaigns/${campaign.slug}/donate" enctype="multipart/form-data" novalidate id="csv-form" data-campaign="${previewData(campaign)}">
  ${hiddenCommon(context)}
  <div class="field${errors.file ? ' field-error' : ''}">
    <label for="records">${csvT('csvFileLabel')}</label>
    <p class="hint" id="records-hint">${csvT('csvFileHint', { max: campaign.maxRecords })}</p>
    ${errors.file ? html`<p class="error-message" id="error-records">${errors.file}</p>` : ''}
    ${form.kept ? html`<p class="notice">${csvT('csvFileKept', { count: form.kept.rows })}</p><input type="hidden" name="records_csv" value="${form.kept.csvText}">` : ''}
    <input type="file" id="records" name="records" accept=".csv,text/csv,text/plain" aria-describedby="records-hint${errors.file ? ' error-records' : ''}"${errors.file ? html` aria-invalid="true"` : ''}>
  </div>
  <section id="csv-preview" class="csv-preview" aria-live="polite" hidden></section>
  ${consentSection(campaign, { purposes: form.purposes }, { ...(errors.purposes ? { purposes: errors.purposes } : {}) }, context)}
  <button type="submit" name="action" value="review" class="button button-primary">${csvT('csvCheckButton')}</button>
</form>
<script src="/static/build/donate-csv.js" defer></script>`);
}

export interface CsvReview {
  csv: CampaignCsvText;
  /** The rows left, as CSV text, carried to the next step (and checked again there). */
  csvText: string;
  purposes: string[];
  consentVersion: string;
  idempotencyKey: string;
}

/** The problems in full sentences, above the table, each linking to its row. */
function problemList(csv: CampaignCsvText, context: PageContext): SafeHtml {
  const csvT = csvTranslator(context.locale);
  const sentences = csvProblemSentences(csv, context.locale, context.t, csvT);
  if (sentences.length === 0) return html``;
  return html`<section class="problem-list" aria-labelledby="problem-list-heading">
  <h2 id="problem-list-heading">${csvT('csvProblemListHeading')}</h2>
  <ul>${sentences.map((sentence) => html`<li><a href="#row-${sentence.index + 2}">${sentence.text}</a></li>`)}</ul>
  <p class="hint">${csvT('csvProblemsFirst')}</p>
</section>`;
}

function reviewTable(campaign: Campaign, csv: CampaignCsvText, context: PageContext): SafeHtml {
  const csvT = csvTranslator(context.locale);
  const issuesByIndex = new Map<number, CsvCellIssue[]>();
  for (const issue of csv.issues) issuesByIndex.set(issue.index, [...(issuesByIndex.get(issue.index) ?? []), issue]);
  const titles = csv.columns.map((field) => localizedField(field, context.locale).title);
  const headers = titles.map((title) => html`<th scope="col">${title}</th>`);
  // On a phone each row becomes a card whose cells name their column (data-label, shown by the stylesheet).
  const rows = problemRowsFirst(csv, csv.rows.map((_cells, index) => index)).map((index) => {
    const cells = csv.rows[index];
    const record = csv.records[index];
    const issues = issuesByIndex.get(index) ?? [];
    const rowNumber = index + 2;
    const rowProblems = issues.filter((issue) => !issue.field).map((issue) => csvCellProblemText(issue, undefined, context.t, csvT));
    const tableCells = csv.columns.map((field, position) => {
      const problem = issues.find((issue) => issue.field === field.name);
      if (problem) {
        return html`<td class="cell-invalid" data-label="${titles[position]}"><span class="cell-value">${cells[position] ?? ''}</span> <strong class="cell-problem">${csvCellProblemText(problem, field, context.t, csvT)}</strong></td>`;
      }
      const shown = record ? valueLabel(campaign, field.name, record[field.name], context) : cells[position] ?? '';
      return html`<td data-label="${titles[position]}">${shown}</td>`;
    });
    return html`<tr id="row-${rowNumber}"${issues.length > 0 ? html` class="row-invalid"` : ''}>
  <td class="remove-cell"><input type="checkbox" name="remove" value="${index}" id="remove-${index}"${issues.length > 0 ? html` checked` : ''}><label for="remove-${index}">${csvT('csvRemoveRow', { row: rowNumber })}</label></td>
  <th scope="row" data-label="${csvT('csvRowHeading')}">${rowNumber}${rowProblems.length > 0 ? html` <strong class="cell-problem">${rowProblems.join(' ')}</strong>` : ''}</th>
  ${tableCells}
</tr>`;
  });
  return html`${problemList(csv, context)}
<div class="table-scroll" tabindex="0" role="region" aria-label="${csvT('csvReviewTitle')}">
<table class="csv-table csv-cards">
  <thead><tr><th scope="col">${csvT('csvRemoveHeading')}</th><th scope="col">${csvT('csvRowHeading')}</th>${headers}</tr></thead>
  <tbody>${rows}</tbody>
</table>
</div>`;
}

export function csvReviewPage(campaign: Campaign, review: CsvReview, context: PageContext): string {
  const { t, locale } = context;
  const csvT = csvTranslator(locale);
  const invalidRows = new Set(review.csv.issues.map((issue) => issue.index)).size;
  const hidden = html`<input type="hidden" name="records_csv" value="${review.csvText}">
  <input type="hidden" name="consent_version" value="${review.consentVersion}">
  ${review.purposes.map((purpose) => html`<input type="hidden" name="purposes" value="${purpose}">`)}
  <input type="hidden" name="idempotency_key" value="${review.idempotencyKey}">`;
  const purposeTitles = campaign.consent.purposes.filter((purpose) => review.purposes.includes(purpose.id)).map((purpose) => html`<li>${purpose.title[locale]}</li>`);
  return layout({ locale, t, operator: context.operator, title: csvT('csvReviewTitle'), switcherPath: `/campaigns/${campaign.slug}/donate/csv`, switcherForm: 'csv-review-form' }, html`
<h1>${csvT('csvReviewTitle')}</h1>
<p>${csvT('csvReviewIntro')}</p>
<p><strong>${csvT('csvRowCount', { count: review.csv.rows.length })}</strong></p>
${invalidRows > 0
    ? html`<div class="error-summary" role="alert" tabindex="-1" autofocus id="error-summary"><p>${invalidRows === 1 ? csvT('csvRowsWithProblemsOne') : csvT('csvRowsWithProblems', { count: invalidRows })}</p></div>`
    : html`<p class="notice" role="status">${csvT('csvAllRowsFine')}</p>`}
<form method="post" action="/campaigns/${campaign.slug}/donate" enctype="multipart/form-data" id="csv-review-form">
  ${hiddenCommon(context)}
  <input type="hidden" name="step" value="review">
  ${hidden}
  ${reviewTable(campaign, review.csv, context)}
  <div class="button-row">
    <button type="submit" name="action" value="remove" class="button button-secondary">${csvT('csvRemoveTicked')}</button>
  </div>
  <h2>${t('youAgreeTo')}</h2>
  <ul>${purposeTitles}</ul>
  ${consentOperatorNotice(campaign, context.operator, locale)}
  <p class="small">${t('consentVersion', { name: review.consentVersion })}</p>
  <div class="button-row">
    ${invalidRows === 0 ? html`<button type="submit" name="action" value="confirm" class="button button-primary">${t('confirmButton')}</button>` : ''}
    <button type="submit" name="action" value="edit" class="button button-secondary">${csvT('csvUploadAgain')}</button>
  </div>
</form>`);
}
