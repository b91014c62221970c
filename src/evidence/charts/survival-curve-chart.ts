/**
 * Kaplan–Meier curves as a standalone SVG (crowdaudit survival --svg FILE): one step line per
 * group, censoring marks, axes and a legend. As the other charts: presentation attributes only
 * (no `style`, which the CSP forbids), every text escaped, `<title>`/`<desc>` for screen readers;
 * the numbers themselves are in the command's table.
 */
import escapeHtml from 'escape-html';
import { niceTicks } from './nice-ticks';

export interface SurvivalChartCurve {
  label: string;
  steps: ReadonlyArray<{ time: number; survival: number; censored: number }>;
}

export interface SurvivalChartInput {
  title: string;
  description: string;
  timeLabel: string;
  curves: SurvivalChartCurve[];
}

/** Colour-blind-safe (Okabe & Ito); dashes tell groups apart in black and white too. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2', '10 4', '3 6'];
const WIDTH = 640;
const HEIGHT = 400;
const LEFT = 56;
const RIGHT = 16;
const TOP = 36;
const BOTTOM = 48;
const LEGEND_LINE = 18;

export function survivalCurveChart(input: SurvivalChartInput): string {
  const legendHeight = input.curves.length * LEGEND_LINE + 8;
  const height = HEIGHT + legendHeight;
  const lastTime = Math.max(1e-9, ...input.curves.flatMap((curve) => curve.steps.map((step) => step.time)));
  const ticks = niceTicks(0, lastTime);
  const maxTime = ticks[ticks.length - 1];
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (time: number) => (LEFT + (time / maxTime) * plotWidth).toFixed(1);
  const y = (survival: number) => (TOP + (1 - survival) * plotHeight).toFixed(1);
  const parts: string[] = [];
  for (const level of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${LEFT}" y1="${y(level)}" x2="${WIDTH - RIGHT}" y2="${y(level)}" stroke="#e5e7eb" stroke-width="1"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${y(level)}" text-anchor="end" dominant-baseline="middle" font-size="12">${Math.round(level * 100)}%</text>`);
  }
  for (const tick of ticks) {
    parts.push(`<line x1="${x(tick)}" y1="${TOP + plotHeight}" x2="${x(tick)}" y2="${TOP + plotHeight + 4}" stroke="#374151" stroke-width="1"/>`);
    parts.push(`<text x="${x(tick)}" y="${TOP + plotHeight + 18}" text-anchor="middle" font-size="12">${escapeHtml(String(tick))}</text>`);
  }
  parts.push(`<line x1="${LEFT}" y1="${TOP + plotHeight}" x2="${WIDTH - RIGHT}" y2="${TOP + plotHeight}" stroke="#374151" stroke-width="1"/>`);
  parts.push(`<text x="${LEFT + plotWidth / 2}" y="${HEIGHT - 8}" text-anchor="middle" font-size="13">${escapeHtml(input.timeLabel)}</text>`);
  input.curves.forEach((curve, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const dash = DASHES[index % DASHES.length];
    let survival = 1;
    let path = `M${x(0)},${y(1)}`;
    const marks: string[] = [];
    for (const step of curve.steps) {
      path += ` H${x(step.time)} V${y(step.survival)}`;
      survival = step.survival;
      if (step.censored > 0) marks.push(`M${x(step.time)},${(Number(y(survival)) - 4).toFixed(1)} v8`);
    }
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    if (marks.length > 0) parts.push(`<path d="${marks.join(' ')}" stroke="${colour}" stroke-width="1"/>`);
    const legendY = HEIGHT + index * LEGEND_LINE + 4;
    parts.push(`<line x1="${LEFT}" y1="${legendY}" x2="${LEFT + 28}" y2="${legendY}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    parts.push(`<text x="${LEFT + 36}" y="${legendY}" dominant-baseline="middle" font-size="13">${escapeHtml(curve.label)}</text>`);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="survival-title survival-desc" font-family="sans-serif">`,
    `<title id="survival-title">${escapeHtml(input.title)}</title>`,
    `<desc id="survival-desc">${escapeHtml(input.description)}</desc>`,
    `<text x="${LEFT}" y="20" font-size="15" font-weight="bold">${escapeHtml(input.title)}</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
