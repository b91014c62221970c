/// <reference lib="dom" />
/**
 * The preview of a CSV file in the browser: a table of the rows as read, each invalid cell
 * marked with its row number and reason, and a button per row to leave it out. Built with DOM
 * calls (textContent), never innerHTML, so no cell of the donor's file can become markup.
 */
import { localizedField } from '../campaigns/localize';
import type { Locale } from '../campaigns/types';
import type { CsvCellIssue } from '../csv/check-csv-row';
import { csvCellProblemText } from '../csv/csv-problem-text';
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
  const table = element('table', undefined, 'csv-table');
  const headRow = element('tr');
  for (const title of [csvT('csvRemoveHeading'), csvT('csvRowHeading'), ...csv.columns.map((field) => localizedField(field, locale).title)]) {
    const th = element('th', title);
    th.scope = 'col';
    headRow.append(th);
  }
  const head = element('thead');
  head.append(headRow);
  table.append(head);
  const body = table.appendChild(element('tbody'));
  for (const index of remaining) {
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
    for (const issue of issues.filter((candidate) => !candidate.field)) rowHeader.append(' ', element('strong', csvCellProblemText(issue, undefined, t, csvT), 'cell-problem'));
    // Named beside the row number too: the invalid cell may sit off-screen in a wide table.
    const badFields = csv.columns.filter((field) => issues.some((issue) => issue.field === field.name)).map((field) => localizedField(field, locale).title);
    if (badFields.length > 0) rowHeader.append(' ', element('strong', csvT('csvRowProblemFields', { name: badFields.join(', ') }), 'cell-problem'));
    tr.append(removeCell, rowHeader);
    csv.columns.forEach((field, position) => {
      const problem = issues.find((issue) => issue.field === field.name);
      const cell = element('td', undefined, problem ? 'cell-invalid' : undefined);
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
