/**
 * The records of a donation a page at a time: a CSV donation holds up to 5,000, which made
 * `/my-donation` a 6 MB page. The receipt never goes into a URL, so the page links are POST
 * buttons in forms that carry the receipt (and CSRF token) in their body like every other form.
 */
import { html, type SafeHtml } from './html';
import type { PageContext } from './donation-views';
import { numberFormat } from '../../i18n/intl-formats';

export const RECORDS_PER_PAGE = 50;

export interface RecordPage {
  /** 1-based, within 1…pages. */
  page: number;
  pages: number;
  /** Index of the first record shown and one past the last. */
  start: number;
  end: number;
  total: number;
}

/** The page asked for, kept within the pages there are (a bad or stale number shows the nearest). */
export function recordPage(total: number, requested: number): RecordPage {
  const pages = Math.max(1, Math.ceil(total / RECORDS_PER_PAGE));
  const page = Math.min(Math.max(1, Number.isSafeInteger(requested) ? requested : 1), pages);
  const start = (page - 1) * RECORDS_PER_PAGE;
  return { page, pages, start, end: Math.min(total, start + RECORDS_PER_PAGE), total };
}

/** "Records 1–50 of 5,000" and, when there is more than one page, previous/next buttons. */
export function recordPager(current: RecordPage, hiddenFields: SafeHtml, context: PageContext): SafeHtml {
  const { t, locale } = context;
  const number = numberFormat(locale);
  const summary = html`<p class="record-range" id="record-range">${t('recordsShown', { from: number.format(current.start + 1), to: number.format(current.end), total: number.format(current.total) })}</p>`;
  if (current.pages === 1) return summary;
  const button = (page: number, label: string) =>
    html`<form method="post" action="/my-donation">${hiddenFields}<button type="submit" name="page" value="${String(page)}" class="button button-secondary">${label}</button></form>`;
  return html`${summary}<nav class="button-row" aria-label="${t('recordPagesLabel')}" aria-describedby="record-range">
  ${current.page > 1 ? button(current.page - 1, t('previousRecords')) : ''}
  ${current.page < current.pages ? button(current.page + 1, t('nextRecords')) : ''}
</nav>`;
}
