/**
 * A dot-and-whisker chart of group estimates (rates or means) with their 95% intervals, as a
 * standalone SVG: the findings page, the NGO pack's charts/*.svg. Presentation attributes and
 * classes only, no `style` (the CSP forbids inline styles); every text is escaped; the numbers
 * are also in the page's table, and `<title>`/`<desc>` describe the chart for screen readers.
 * A suppressed group (fewer than k donors) gets a row with a label and no number.
 */
import escapeHtml from 'escape-html';
import { niceTicks } from './nice-ticks';
import { numberFormat } from '../../i18n/intl-formats';

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

// A narrow viewBox, so that on a 375 px phone the 14-unit labels still show at about 12 px; each
// group's label stands on its own line(s) above its interval, so long labels wrap instead of being cut;
// a white halo (paint-order) keeps labels legible where the grid or reference line crosses them.
const WIDTH = 400;
const SIDE = 14;
const FONT_SIZE = 14;
const LINE_HEIGHT = 17;
const TOP = 8;
const AXIS_HEIGHT = 30;
/** Characters per line, from an average glyph width of about 0.6 em in sans-serif fonts. */
const MAX_CHARS = Math.floor((WIDTH - 2 * SIDE) / (0.6 * FONT_SIZE));

/** Breaks a label into lines of at most `maxChars` characters at spaces (a longer word stands alone). */
export function wrapLabel(text: string, maxChars = MAX_CHARS): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

export function groupEstimateChart(input: GroupEstimateChartInput): string {
  // Shared per language and unit (intl-formats.ts): the findings page draws hundreds of charts.
  const format = numberFormat(input.locale, input.unit === 'percent' ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 });
  const shown = input.groups.filter((group) => !group.suppressed && group.estimate !== undefined);
  const values = shown.flatMap((group) => [group.estimate!, group.ciLow ?? group.estimate!, group.ciHigh ?? group.estimate!]);
  const ticks = values.length > 0 ? niceTicks(Math.min(...values), Math.max(...values)) : [0, 1];
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const plotLeft = SIDE;
  const plotWidth = WIDTH - 2 * SIDE;
  const x = (value: number) => plotLeft + ((value - low) / (high - low)) * plotWidth;
  const rows = input.groups.map((group) => {
    const lines = wrapLabel(group.label);
    const reference = group.isReference && !group.suppressed && group.estimate !== undefined;
    const referenceOnOwnLine = reference && lines[lines.length - 1].length + 1 + input.referenceText.length > MAX_CHARS;
    return { group, lines, reference, referenceOnOwnLine, height: (lines.length + (referenceOnOwnLine ? 1 : 0)) * LINE_HEIGHT + 26 };
  });
  const axisY = TOP + rows.reduce((sum, row) => sum + row.height, 0);
  const height = axisY + AXIS_HEIGHT;
  const parts: string[] = [];

  for (const tick of ticks) {
    parts.push(`<line class="grid" x1="${x(tick).toFixed(1)}" y1="${TOP}" x2="${x(tick).toFixed(1)}" y2="${axisY}" stroke="#e5e7eb" stroke-width="1"/>`);
    const anchor = tick === low ? 'start' : tick === high ? 'end' : 'middle';
    parts.push(`<text x="${x(tick).toFixed(1)}" y="${axisY + 19}" text-anchor="${anchor}" font-size="12" fill="#374151">${escapeHtml(format.format(tick))}</text>`);
  }
  const reference = shown.find((group) => group.isReference);
  if (reference) {
    parts.push(`<line class="reference" x1="${x(reference.estimate!).toFixed(1)}" y1="${TOP}" x2="${x(reference.estimate!).toFixed(1)}" y2="${axisY}" stroke="#1e3a8a" stroke-width="1.5" stroke-dasharray="4 3"/>`);
  }
  let rowTop = TOP;
  for (const { group, lines, reference: isReference, referenceOnOwnLine, height: rowHeight } of rows) {
    lines.forEach((line, index) => {
      const last = index === lines.length - 1;
      const note = isReference && last && !referenceOnOwnLine ? ` <tspan font-size="12" font-weight="normal" fill="#505a5f">${escapeHtml(input.referenceText)}</tspan>` : '';
      parts.push(`<text x="${SIDE}" y="${rowTop + LINE_HEIGHT * (index + 1)}" font-size="${FONT_SIZE}"${isReference ? ' font-weight="bold"' : ''} fill="#1b1b1b" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escapeHtml(line)}${note}</text>`);
    });
    if (referenceOnOwnLine) parts.push(`<text x="${SIDE}" y="${rowTop + LINE_HEIGHT * (lines.length + 1)}" font-size="12" fill="#505a5f" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escapeHtml(input.referenceText)}</text>`);
    const y = rowTop + rowHeight - 13;
    rowTop += rowHeight;
    if (group.suppressed || group.estimate === undefined) {
      parts.push(`<text class="suppressed" x="${plotLeft}" y="${y + 4}" font-size="12" font-style="italic" fill="#505a5f" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escapeHtml(input.suppressedText)}</text>`);
      continue;
    }
    if (group.ciLow !== null && group.ciLow !== undefined && group.ciHigh !== null && group.ciHigh !== undefined) {
      parts.push(`<line x1="${x(group.ciLow).toFixed(1)}" y1="${y}" x2="${x(group.ciHigh).toFixed(1)}" y2="${y}" stroke="#1d4ed8" stroke-width="3"/>`);
    }
    parts.push(`<circle cx="${x(group.estimate).toFixed(1)}" cy="${y}" r="6" fill="#1d4ed8" stroke="#ffffff" stroke-width="1.5"><title>${escapeHtml(`${group.label}: ${format.format(group.estimate)}`)}</title></circle>`);
  }
  parts.push(`<line x1="${plotLeft}" y1="${axisY}" x2="${WIDTH - SIDE}" y2="${axisY}" stroke="#6b7280" stroke-width="1"/>`);

  const id = escapeHtml(input.idPrefix ?? 'chart');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif">`
    + `<title id="${id}-title">${escapeHtml(input.title)}</title><desc id="${id}-desc">${escapeHtml(input.description)}</desc>`
    + `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
}
