/// <reference lib="dom" />
/**
 * The preview of a CSV file in the browser: a table of the rows as read, each invalid cell
 * marked with its row number and reason, and a button per row to leave it out. Built with DOM
 * calls (textContent), never innerHTML, so no cell of the donor's file can become markup.
 */
import { localizedField } from '../campaigns/localize';
import type { Locale } from '../campaigns/types';
import type { CsvCellIssue } from '../csv/check-csv-row';
import { csvCellProblemText, csvProblemSentences, problemRowsFirst } from '../csv/csv-problem-text';
import type { CampaignCsvText } from '../csv/read-campaign-csv-text';
import type { CsvTranslate } from '../i18n/csv-messages';
import type { Translate } from '../i18n/messages';

export interface PreviewState {
  csv: CampaignCsvText;
  removed: Set<number>;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function renderPreview(container: HTMLElement, state: PreviewState, locale: Locale, t: Translate, csvT: CsvTranslate, onRemove: (index: number) => void): void {
  const { csv, removed } = state;
  const issuesByIndex = new Map<number, CsvCellIssue[]>();
  for (const issue of csv.issues) issuesByIndex.set(issue.index, [...(issuesByIndex.get(issue.index) ?? []), issue]);
  const remaining = csv.rows.map((_cells, index) => index).filter((index) => !removed.has(index));
  const withProblems = remaining.filter((index) => issuesByIndex.has(index)).length;

  container.replaceChildren();
  container.append(element('h2', csvT('csvPreviewHeading')));
  container.append(element('p', csvT('csvPreviewSummary', { count: remaining.length })));
  if (withProblems > 0) {
    const alert = element('p', withProblems === 1 ? csvT('csvPreviewProblemsOne') : csvT('csvPreviewProblems', { count: withProblems }), 'error-message');
    alert.setAttribute('role', 'alert');
    container.append(alert);
  }
  if (remaining.length === 0) {
    container.append(element('p', csvT('csvPreviewNoRows'), 'error-message'));
    return;
  }
  // Every problem as a full sentence above the table, the problem rows first in it.
  const sentences = csvProblemSentences(csv, locale, t, csvT).filter((sentence) => !removed.has(sentence.index));
  if (sentences.length > 0) {
    const section = element('section', undefined, 'problem-list');
    section.append(element('h3', csvT('csvProblemListHeading')));
    const list = section.appendChild(element('ul'));
    for (const sentence of sentences) list.append(element('li', sentence.text));
    section.append(element('p', csvT('csvProblemsFirst'), 'hint'));
    container.append(section);
  }
  const titles = csv.columns.map((field) => localizedField(field, locale).title);
  const table = element('table', undefined, 'csv-table csv-cards');
  const headRow = element('tr');
  for (const title of [csvT('csvRemoveHeading'), csvT('csvRowHeading'), ...titles]) {
    const th = element('th', title);
    th.scope = 'col';
    headRow.append(th);
  }
  const head = element('thead');
  head.append(headRow);
  table.append(head);
  const body = table.appendChild(element('tbody'));
  for (const index of problemRowsFirst(csv, remaining)) {
    const rowNumber = index + 2;
    const issues = issuesByIndex.get(index) ?? [];
    const tr = element('tr', undefined, issues.length > 0 ? 'row-invalid' : undefined);
    const removeCell = element('td');
    const button = element('button', csvT('csvPreviewRemove'), 'button button-secondary button-small');
    button.type = 'button';
    button.setAttribute('aria-label', csvT('csvRemoveRow', { row: rowNumber }));
    button.dataset.row = String(rowNumber);
    button.addEventListener('click', () => onRemove(index));
    removeCell.append(button);
    const rowHeader = element('th', String(rowNumber));
    rowHeader.scope = 'row';
    rowHeader.dataset.label = csvT('csvRowHeading');
    for (const issue of issues.filter((candidate) => !candidate.field)) rowHeader.append(' ', element('strong', csvCellProblemText(issue, undefined, t, csvT), 'cell-problem'));
    tr.append(removeCell, rowHeader);
    csv.columns.forEach((field, position) => {
      const problem = issues.find((issue) => issue.field === field.name);
      const cell = element('td', undefined, problem ? 'cell-invalid' : undefined);
      cell.dataset.label = titles[position];
      cell.append(element('span', csv.rows[index][position] ?? '', 'cell-value'));
      if (problem) cell.append(' ', element('strong', csvCellProblemText(problem, field, t, csvT), 'cell-problem'));
      tr.append(cell);
    });
    body.append(tr);
  }
  const scroll = element('div', undefined, 'table-scroll');
  scroll.tabIndex = 0;
  scroll.append(table);
  container.append(scroll);
}
