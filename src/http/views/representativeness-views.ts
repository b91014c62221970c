/**
 * "How far the donors are from the population" on a campaign's findings: per level of each margin
 * the campaign ships, the donors' share beside the population's, with the source cited and one
 * sentence on what weighting does. Collapsed behind a headline naming the largest gap, so the
 * page stays short. Levels under k are marked, never numbered.
 */
import { localizedField } from '../../campaigns/localize';
import type { Campaign, CampaignField, Locale } from '../../campaigns/types';
import type { MarginLevelShare, Representativeness } from '../../evidence/campaign-analyses-types';
import type { Formatters } from '../../evidence/effect-sentence';
import type { FindingsTranslate } from '../../i18n/findings-messages';
import type { FindingsPageTranslate } from '../../i18n/findings-page-messages';
import { html, type SafeHtml } from './html';
import { dateTimeFormat, listFormat } from '../../i18n/intl-formats';

export interface RepresentativenessWords {
  locale: Locale;
  ft: FindingsTranslate;
  pt: FindingsPageTranslate;
  format: Formatters;
}

type ShownLevel = Extract<MarginLevelShare, { suppressed: false }>;

function fieldOf(campaign: Campaign, name: string): CampaignField | undefined {
  return campaign.schema.fields.find((field) => field.name === name);
}

function marginTitle(campaign: Campaign, column: string, locale: Locale): string {
  const field = fieldOf(campaign, column);
  return field ? localizedField(field, locale).title : column;
}

function levelLabel(campaign: Campaign, column: string, level: string, locale: Locale): string {
  const field = fieldOf(campaign, column);
  return field ? localizedField(field, locale).label(level) : level;
}

/** The margins' fields, quoted and joined ("“Age band” and “Sex”"), for the sentence on weighting. */
export function marginNames(campaign: Campaign, table: Representativeness, words: RepresentativenessWords): string {
  const names = [...new Set(table.levels.map((level) => level.margin))].map((column) => words.pt('quoted', { name: marginTitle(campaign, column, words.locale) }));
  return listFormat(words.locale, { type: 'conjunction' }).format(names);
}

/** The answers the margins have no population for (the fields' other values: "Diverse", "Not stated"). */
function answersOutside(campaign: Campaign, table: Representativeness, locale: Locale): string[] {
  const columns = [...new Set(table.levels.map((level) => level.margin))];
  return [...new Set(columns.flatMap((column) => {
    const counted = new Set(table.levels.filter((level) => level.margin === column).map((level) => level.level));
    return (fieldOf(campaign, column)?.constraints.enum ?? []).filter((value) => !counted.has(value)).map((value) => levelLabel(campaign, column, value, locale));
  }))];
}

/** Each source once ("Statistisches Bundesamt (Destatis), table 12411-0013 “…”, 31 December 2023"), linked. */
function sourcesLine(table: Representativeness, words: RepresentativenessWords): SafeHtml {
  const dates = dateTimeFormat(words.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const seen = new Map<string, Representativeness['sources'][number]>();
  for (const source of table.sources) seen.set(`${source.publisher}|${source.table}|${source.referenceDate}|${source.url}`, source);
  const cited = [...seen.values()].map((source) => html`<a href="${source.url}">${source.publisher}, ${source.table} ${words.pt('quoted', { name: source.tableTitle })}, ${dates.format(new Date(`${source.referenceDate}T00:00:00Z`))}</a>`);
  return html`<p class="small margins-source">${words.pt('marginsSource')} ${cited.map((link, index) => html`${index > 0 ? '; ' : ''}${link}`)}.</p>`;
}

export function representativenessSection(campaign: Campaign, table: Representativeness, minGroupSize: number, words: RepresentativenessWords): SafeHtml {
  const { ft, pt, format, locale } = words;
  const heading = pt('representativenessHeading');
  const name = (level: MarginLevelShare) => `${marginTitle(campaign, level.margin, locale)}: ${levelLabel(campaign, level.margin, level.level, locale)}`;
  const shown = table.levels.filter((level): level is ShownLevel => !level.suppressed);
  const widest = [...shown].sort((first, second) => Math.abs(second.donorShare - second.populationShare) - Math.abs(first.donorShare - first.populationShare))[0];
  const headline = widest
    // The level alone, not its field's title: the headline stays on one line beside the heading.
    ? pt('representativenessHeadline', { group: pt('quoted', { name: levelLabel(campaign, widest.margin, widest.level, locale) }), donorShare: format.value(widest.donorShare, 'rate'), populationShare: format.value(widest.populationShare, 'rate') })
    : '';
  const rows = table.levels.map((level) => html`<tr><th scope="row">${name(level)}</th>${level.suppressed
    ? html`<td class="suppressed">${ft('suppressed', { k: minGroupSize })}</td>`
    : html`<td>${format.value(level.donorShare, 'rate')}</td>`}<td>${format.value(level.populationShare, 'rate')}</td></tr>`);
  const examples = answersOutside(campaign, table, locale).map((answer) => pt('quoted', { name: answer })).join(', ');
  const outside = table.donorsOutside === null
    ? pt('outsideMarginsFew', { k: minGroupSize, examples })
    : pt('outsideMargins', { count: format.number(table.donorsOutside), examples });
  return html`<details class="finding representativeness">
  <summary><span class="finding-title">${heading}</span> <span class="finding-headline">${headline}</span></summary>
  <p>${pt('weightingExplained', { margins: marginNames(campaign, table, words) })}</p>
  ${table.donorsWithin === null ? '' : html`<p class="small">${pt('representativenessBase', { people: format.number(table.donorsWithin) })}</p>`}
  <div class="table-scroll" tabindex="0" role="region" aria-label="${heading}">
  <table class="findings-table">
    <thead><tr><th scope="col">${ft('group')}</th><th scope="col">${pt('donorsShareColumn')}</th><th scope="col">${pt('populationShareColumn')}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
  </div>
  ${examples ? html`<p class="small">${outside}</p>` : ''}
  ${sourcesLine(table, words)}
</details>`;
}
