/**
 * A dot-and-whisker chart of group estimates (rates or means) with their 95% intervals, as a
 * standalone SVG: the findings page, the NGO pack's charts/*.svg. Presentation attributes and
 * classes only, no `style` (the CSP forbids inline styles); every text is escaped; the numbers
 * are also in the page's table, and `<title>`/`<desc>` describe the chart for screen readers.
 * A suppressed group (fewer than k donors) gets a row with a label and no number.
 */
import escapeHtml from 'escape-html';
import { niceTicks } from './nice-ticks';

export interface ChartGroup {
  label: string;
  suppressed: boolean;
  estimate?: number;
  ciLow?: number | null;
  ciHigh?: number | null;
  isReference?: boolean;
}

export interface GroupEstimateChartInput {
  title: string;
  description: string;
  groups: ChartGroup[];
  /** How values are written: rates as percentages, means as numbers. */
  unit: 'percent' | 'number';
  locale: string;
  /** Text in place of a suppressed group's interval, e.g. "fewer than 5 donors: not shown". */
  suppressedText: string;
  /** Marks the reference group's label, e.g. "(reference)". */
  referenceText: string;
  /** Unique per page, for the title and description ids. */
  idPrefix?: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 190;
const RIGHT_MARGIN = 24;
const ROW_HEIGHT = 34;
const TOP = 16;
const AXIS_HEIGHT = 34;

export function groupEstimateChart(input: GroupEstimateChartInput): string {
  const format = new Intl.NumberFormat(input.locale, input.unit === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
  const shown = input.groups.filter((group) => !group.suppressed && group.estimate !== undefined);
  const values = shown.flatMap((group) => [group.estimate!, group.ciLow ?? group.estimate!, group.ciHigh ?? group.estimate!]);
  const ticks = values.length > 0 ? niceTicks(Math.min(...values), Math.max(...values)) : [0, 1];
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const plotLeft = LABEL_WIDTH;
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT_MARGIN;
  const x = (value: number) => plotLeft + ((value - low) / (high - low)) * plotWidth;
  const height = TOP + input.groups.length * ROW_HEIGHT + AXIS_HEIGHT;
  const axisY = TOP + input.groups.length * ROW_HEIGHT;
  const parts: string[] = [];

  for (const tick of ticks) {
    parts.push(`<line class="grid" x1="${x(tick).toFixed(1)}" y1="${TOP}" x2="${x(tick).toFixed(1)}" y2="${axisY}" stroke="#d1d5db" stroke-width="1"/>`);
    parts.push(`<text x="${x(tick).toFixed(1)}" y="${axisY + 20}" text-anchor="middle" font-size="12" fill="#374151">${escapeHtml(format.format(tick))}</text>`);
  }
  const reference = shown.find((group) => group.isReference);
  if (reference) {
    parts.push(`<line class="reference" x1="${x(reference.estimate!).toFixed(1)}" y1="${TOP}" x2="${x(reference.estimate!).toFixed(1)}" y2="${axisY}" stroke="#1e3a8a" stroke-width="1.5" stroke-dasharray="4 3"/>`);
  }
  input.groups.forEach((group, index) => {
    const y = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    if (group.isReference) {
      // Two lines: the group, and under it that it is the comparison group.
      parts.push(`<text x="${LABEL_WIDTH - 10}" y="${y - 2}" text-anchor="end" font-size="13" font-weight="bold" fill="#1b1b1b">${escapeHtml(group.label)}</text>`);
      parts.push(`<text x="${LABEL_WIDTH - 10}" y="${y + 12}" text-anchor="end" font-size="11" fill="#505a5f">${escapeHtml(input.referenceText)}</text>`);
    } else {
      parts.push(`<text x="${LABEL_WIDTH - 10}" y="${y + 4}" text-anchor="end" font-size="13" fill="#1b1b1b">${escapeHtml(group.label)}</text>`);
    }
    if (group.suppressed || group.estimate === undefined) {
      parts.push(`<text class="suppressed" x="${plotLeft + 6}" y="${y + 4}" font-size="12" font-style="italic" fill="#505a5f">${escapeHtml(input.suppressedText)}</text>`);
      return;
    }
    if (group.ciLow !== null && group.ciLow !== undefined && group.ciHigh !== null && group.ciHigh !== undefined) {
      parts.push(`<line x1="${x(group.ciLow).toFixed(1)}" y1="${y}" x2="${x(group.ciHigh).toFixed(1)}" y2="${y}" stroke="#1d4ed8" stroke-width="3"/>`);
    }
    parts.push(`<circle cx="${x(group.estimate).toFixed(1)}" cy="${y}" r="6" fill="#1d4ed8" stroke="#ffffff" stroke-width="1.5"><title>${escapeHtml(`${group.label}: ${format.format(group.estimate)}`)}</title></circle>`);
  });
  parts.push(`<line x1="${plotLeft}" y1="${axisY}" x2="${WIDTH - RIGHT_MARGIN}" y2="${axisY}" stroke="#6b7280" stroke-width="1"/>`);

  const id = escapeHtml(input.idPrefix ?? 'chart');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif">`
    + `<title id="${id}-title">${escapeHtml(input.title)}</title><desc id="${id}-desc">${escapeHtml(input.description)}</desc>`
    + `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
}
