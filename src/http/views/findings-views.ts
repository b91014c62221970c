/**
 * The findings section of a campaign's page, written for a person to read: first a short summary
 * in plain words of what has been found and how sure it is; then, per outcome, each comparison
 * collapsed (`<details>`) behind a one-line headline — the clearest ones open. A comparison with
 * few groups has a chart and a small table; one with many (regions) a compact table sorted by
 * value, never a chart of a hundred rows. Small groups are marked, never numbered. Where the
 * campaign ships population margins, how far the donors are from the population comes after the
 * summary, and each table shows a group's figure weighted to the population beside the plain one.
 */
import { localizedField } from '../../campaigns/localize';
import type { Campaign, Locale } from '../../campaigns/types';
import type { CampaignFindings, Comparison, Effect, GroupSummary, PublishedFindings, Stratum } from '../../evidence/campaign-analyses-types';
import { comparisonChartGroups } from '../../evidence/charts/comparison-chart-groups';
import { groupEstimateChart } from '../../evidence/charts/group-estimate-chart';
import { effectSentence, formatters, isClear, isOddsModel, shownInterval, type Formatters } from '../../evidence/effect-sentence';
import { effectsOf } from '../../evidence/same-comparison';
import { findingsTranslator } from '../../i18n/findings-messages';
import { findingsPageTranslator } from '../../i18n/findings-page-messages';
import { html, SafeHtml } from './html';
import { marginNames, representativenessSection, type RepresentativenessWords } from './representativeness-views';
import { dateTimeFormat } from '../../i18n/intl-formats';

/** More groups than this: a sorted table without a chart (a chart of 100 regions helps no one). */
const CHART_MAX_GROUPS = 8;
/** Comparisons shown open before any collapsed one: the page stays within about three screens. */
const OPEN_COMPARISONS = 1;
/** Differences named in the summary; the rest are listed below it. */
const SUMMARY_ITEMS = 3;
type ShownEffect = Extract<Effect, { suppressed: false }>;

type Words = RepresentativenessWords;

function field(campaign: Campaign, name: string) {
  return campaign.schema.fields.find((candidate) => candidate.name === name)!;
}

/** A group named with its question ("Nationality: German"), quoted, so sentences read well in every language. */
function groupName(campaign: Campaign, attribute: string, level: string, words: Words): string {
  const localized = localizedField(field(campaign, attribute), words.locale);
  return words.pt('quoted', { name: `${localized.title}: ${localized.label(level)}` });
}

/** A stratum in words ("SCHUFA / Base score"), or "all together" for the pooled comparison. */
function stratumText(campaign: Campaign, stratum: Stratum, words: Words): string {
  if (stratum === null) return words.pt('allStrata');
  return Object.entries(stratum).map(([name, value]) => localizedField(field(campaign, name), words.locale).label(value)).join(' / ');
}

/** A comparison's effects that are shown (not suppressed). */
function shownEffects(analyses: CampaignFindings, comparison: Comparison): ShownEffect[] {
  return effectsOf(analyses, comparison).filter((effect): effect is ShownEffect => !effect.suppressed);
}

/** Clear: the family interval excludes no difference (the same test as the adjusted p under 0.05, see family-adjustment.ts). */
function clearEffects(analyses: CampaignFindings, comparison: Comparison): ShownEffect[] {
  return shownEffects(analyses, comparison)
    .filter((effect) => effect.adjusted !== null && isClear(effect.adjusted))
    .sort((first, second) => first.adjusted!.pValueAdjusted - second.adjusted!.pValueAdjusted);
}

function shownGroup(comparison: Comparison, level: string): Extract<GroupSummary, { suppressed: false }> | undefined {
  const group = comparison.groups.find((candidate) => candidate.level === level);
  return group && !group.suppressed ? group : undefined;
}

/** A level of an ordered outcome by its position in the order (0: the first), as the reader's language labels it. */
function levelLabel(campaign: Campaign, comparison: Comparison, index: number, words: Words): string {
  const levels = comparison.ordered?.levels ?? [];
  return localizedField(field(campaign, comparison.outcome), words.locale).label(levels.at(index) ?? '');
}

/** What an ordered outcome's positions and odds mean, from the dictionary's order and direction. */
function ordinalNote(campaign: Campaign, comparison: Comparison, words: Words): SafeHtml | string {
  if (!comparison.ordered) return '';
  const key = comparison.ordered.direction === 'best-first' ? 'ordinalNoteBestFirst' : 'ordinalNoteWorstFirst';
  const values = { first: levelLabel(campaign, comparison, 0, words), last: levelLabel(campaign, comparison, -1, words), count: words.format.number(comparison.ordered.levels.length) };
  return html`<p class="small ordinal-note">${words.pt(key, values)}</p>`;
}

/**
 * The plain summary. Where the campaign ships population margins, it ends with how far the donors
 * are from the population, collapsed: right after it says that donors are not a random sample.
 */
function summarySection(campaign: Campaign, analyses: PublishedFindings, shown: Comparison[], words: Words): SafeHtml {
  const { pt, format } = words;
  const clear = shown.flatMap((comparison) => clearEffects(analyses, comparison).map((effect) => ({ comparison, effect })))
    .sort((first, second) => first.effect.adjusted!.pValueAdjusted - second.effect.adjusted!.pValueAdjusted);
  const items = clear.slice(0, SUMMARY_ITEMS).map(({ comparison, effect }) => {
    const title = localizedField(field(campaign, comparison.outcome), words.locale).title;
    const outcome = comparison.stratum === null || Object.keys(comparison.stratum).length > 0 ? `${title} (${stratumText(campaign, comparison.stratum, words)})` : title;
    const group = shownGroup(comparison, effect.level);
    const reference = shownGroup(comparison, effect.reference);
    if (!group || !reference) return html``;
    const names = { outcome, group: groupName(campaign, comparison.attribute, effect.level, words), reference: groupName(campaign, comparison.attribute, effect.reference, words) };
    return html`<li>${comparison.kind === 'rate'
      ? pt('summaryRate', { ...names, groupShare: format.value(group.estimate, 'rate'), referenceShare: format.value(reference.estimate, 'rate') })
      : comparison.ordered
        ? pt('summaryOrdinal', { ...names, groupValue: format.value(group.estimate, 'ordinal'), referenceValue: format.value(reference.estimate, 'ordinal'), first: levelLabel(campaign, comparison, 0, words) })
        : pt('summaryMean', { ...names, groupValue: format.value(group.estimate, 'mean'), referenceValue: format.value(reference.estimate, 'mean') })}</li>`;
  });
  const lead = clear.length === 0 ? pt('summaryClearNone') : clear.length === 1 ? pt('summaryClearOne') : pt('summaryClearMany', { count: format.number(clear.length) });
  return html`<section class="findings-summary" aria-labelledby="findings-summary-heading">
  <h3 id="findings-summary-heading">${pt('summaryHeading')}</h3>
  <p>${pt('summaryScope', { comparisons: format.number(shown.length) })} ${lead}</p>
  ${items.length > 0 ? html`<ul>${items}</ul>` : ''}
  <p>${clear.length > SUMMARY_ITEMS ? `${pt('summaryMore', { count: format.number(clear.length - SUMMARY_ITEMS) })} ` : ''}${pt('summaryHowSure', { people: format.number(analyses.donors) })}</p>
  ${analyses.representativeness ? representativenessSection(campaign, analyses.representativeness, analyses.minGroupSize, words) : ''}
</section>`;
}

function estimateCell(group: Extract<GroupSummary, { suppressed: false }>, kind: Comparison['kind'], format: Formatters): SafeHtml {
  const interval = group.ciLow === null || group.ciHigh === null ? '' : ` (${format.value(group.ciLow, kind)} – ${format.value(group.ciHigh, kind)})`;
  return html`<td>${format.value(group.estimate, kind)}<span class="interval">${interval}</span></td>`;
}

/** The group's figure weighted to the population, in a table whose comparison was raked ("–" when too few of the group are within the margins). */
function rakedCell(group: Extract<GroupSummary, { suppressed: false }>, kind: Comparison['kind'], format: Formatters): SafeHtml {
  if (!group.raked) return html`<td>–</td>`;
  return html`<td>${format.value(group.raked.estimate, kind)}<span class="interval"> (${format.value(group.raked.ciLow, kind)} – ${format.value(group.raked.ciHigh, kind)})</span></td>`;
}

/**
 * Why a comparison of a campaign with margins has no weighted column, or why a group has no
 * weighted figure. The pooled figure says it in its own note above the chart (see comparisonDetails).
 */
function rakingNote(campaign: Campaign, analyses: CampaignFindings, comparison: Comparison, words: Words): SafeHtml {
  const { pt } = words;
  const raking = comparison.raking;
  if (!raking || (!raking.raked && raking.reason === 'pooled')) return html``;
  const k = analyses.minGroupSize;
  let note = '';
  if (raking.raked) {
    if (comparison.groups.some((group) => !group.suppressed && group.raked === null)) note = pt('weightedNotShown', { k });
  } else if (raking.reason === 'margin-level-under-k') {
    note = analyses.representativeness ? pt('notWeightedSmall', { margins: marginNames(campaign, analyses.representativeness, words), k }) : '';
  } else {
    note = pt('notWeightedUnsettled');
  }
  return note ? html`<p class="small raking-note">${note}</p>` : html``;
}

function adjustedCell(effect: ShownEffect | undefined, isReference: boolean, words: Words): SafeHtml {
  const { ft, pt, format } = words;
  if (isReference) return html`<td>${ft('reference')}</td>`;
  const adjusted = effect?.adjusted;
  if (!adjusted) return html`<td>–</td>`;
  // The same interval and p-value as the sentence below the table (effectSentence).
  const shown = shownInterval(adjusted, format);
  const size = isOddsModel(adjusted) ? pt('oddsTimes', { value: shown.value }) : shown.value;
  const clear = isClear(adjusted);
  const verdict = clear ? pt('likelyNotChance') : pt('couldBeChanceShort');
  return html`<td>${size}<span class="interval"> (${shown.low} – ${shown.high}; p ${format.p(adjusted.pValueAdjusted)})</span>, <span class="${clear ? 'verdict-clear' : 'verdict-chance'}">${verdict}</span></td>`;
}

function comparisonTable(campaign: Campaign, analyses: CampaignFindings, comparison: Comparison, heading: string, words: Words): SafeHtml {
  const { ft, pt, format } = words;
  const attribute = localizedField(field(campaign, comparison.attribute), words.locale);
  const effects = shownEffects(analyses, comparison);
  const long = comparison.groups.length > CHART_MAX_GROUPS;
  const raked = comparison.raking?.raked === true;
  const suppressedText = ft('suppressed', { k: analyses.minGroupSize });
  // A long list is sorted by value and leaves its small groups out, counted once below; a short one keeps its order and marks them.
  const groups = long
    ? comparison.groups.filter((group): group is Extract<GroupSummary, { suppressed: false }> => !group.suppressed).sort((first, second) => second.estimate - first.estimate)
    : comparison.groups;
  const rows = groups.map((group) => {
    if (group.suppressed) return html`<tr><th scope="row">${attribute.label(group.level)}</th><td colspan="${raked ? 4 : 3}" class="suppressed">${suppressedText}</td></tr>`;
    const effect = effects.find((candidate) => candidate.level === group.level);
    return html`<tr><th scope="row">${attribute.label(group.level)}</th><td>${format.number(group.donors)}</td>${estimateCell(group, comparison.kind, format)}${raked ? rakedCell(group, comparison.kind, format) : ''}${adjustedCell(effect, group.level === comparison.reference, words)}</tr>`;
  });
  const hidden = comparison.groups.filter((group) => group.suppressed).length;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${heading}">
  <table class="findings-table${long ? ' findings-table-long' : ''}${raked ? ' findings-table-weighted' : ''}">
    <thead><tr><th scope="col">${ft('group')}</th><th scope="col">${ft('people')}</th><th scope="col">${ft(comparison.kind === 'rate' ? 'share' : comparison.kind === 'ordinal' ? 'averagePosition' : 'average')}</th>${raked ? html`<th scope="col">${pt('weightedColumn')}</th>` : ''}<th scope="col">${ft('sameCircumstances')}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
  </div>
  ${long ? html`<p class="small">${pt('longTableNote', { count: format.number(hidden), k: analyses.minGroupSize })}</p>` : ''}
  ${rakingNote(campaign, analyses, comparison, words)}`;
}

function comparisonDetails(campaign: Campaign, analyses: CampaignFindings, comparison: Comparison, index: number, open: boolean, words: Words): SafeHtml {
  const { ft, pt, format, locale } = words;
  const outcome = localizedField(field(campaign, comparison.outcome), locale);
  const attribute = localizedField(field(campaign, comparison.attribute), locale);
  const plainHeading = ft('comparisonHeading', { outcome: outcome.title, attribute: attribute.title });
  const hasStratum = comparison.stratum === null || Object.keys(comparison.stratum).length > 0;
  const heading = hasStratum ? pt('stratumHeading', { heading: plainHeading, stratum: stratumText(campaign, comparison.stratum, words) }) : plainHeading;
  const clear = clearEffects(analyses, comparison);
  const headline = clear.length > 0
    ? pt('headlineClear', { group: attribute.label(clear[0].level), reference: attribute.label(clear[0].reference) })
    : pt('headlineNone');
  const chart = comparison.groups.length <= CHART_MAX_GROUPS
    ? html`<figure class="chart">${new SafeHtml(groupEstimateChart({
      title: heading,
      description: ft(comparison.kind === 'rate' ? 'chartRate' : comparison.kind === 'ordinal' ? 'chartOrdinal' : 'chartMean', { outcome: outcome.title, first: levelLabel(campaign, comparison, 0, words) }),
      groups: comparisonChartGroups(comparison, (level) => attribute.label(level)),
      unit: comparison.kind === 'rate' ? 'percent' : 'number',
      locale,
      suppressedText: ft('suppressed', { k: analyses.minGroupSize }),
      referenceText: ft('reference'),
      idPrefix: `chart-${index}`,
    }))}</figure>`
    : '';
  // Sentences only for what is clear; the rest are counted, not listed one by one.
  const effects = shownEffects(analyses, comparison);
  const reference = groupName(campaign, comparison.attribute, comparison.reference!, words);
  const sentences = clear.map((effect) => html`<li>${effectSentence(effect, groupName(campaign, comparison.attribute, effect.level, words), reference, ft, format, comparison.ordered)}</li>`);
  const chance = effects.filter((effect) => effect.adjusted !== null && !isClear(effect.adjusted)).length;
  const fields = (comparison.pooled?.over ?? []).map((name) => localizedField(field(campaign, name), locale).title).join(' × ');
  // In the same paragraph as what it explains: the page keeps its screen budget.
  const notWeighted = comparison.raking?.raked === false && comparison.raking.reason === 'pooled' ? ` ${pt('notWeightedPooled')}` : '';
  const pooledNote = comparison.pooled ? html`<p class="small pooled-note">${pt(comparison.pooled.scale === 'percentile' ? 'pooledNote' : 'pooledNoteRate', { fields })}${notWeighted}</p>` : '';
  const unadjusted = effects.filter((effect) => effect.adjusted === null).length;
  return html`<details class="finding" id="finding-${index}"${open ? html` open` : ''}>
  <summary><span class="finding-title">${heading}</span> <span class="finding-headline">${comparison.groups.length > CHART_MAX_GROUPS ? `${pt('groupsShown', { count: format.number(comparison.groups.length) })}; ` : ''}${headline}</span></summary>
  ${pooledNote}
  ${ordinalNote(campaign, comparison, words)}
  ${chart}
  ${comparisonTable(campaign, analyses, comparison, heading, words)}
  ${sentences.length > 0 ? html`<ul class="effect-sentences">${sentences}</ul>` : ''}
  ${chance > 0 || unadjusted > 0 ? html`<p class="small">${chance > 0 ? pt('couldBeChanceCount', { count: format.number(chance) }) : ''} ${unadjusted > 0 ? pt('notAdjustedCount', { count: format.number(unadjusted) }) : ''}</p>` : ''}
</details>`;
}

/** What "the same circumstances" holds fixed, per outcome (the same for all its comparisons, so said once). */
function sameCircumstances(campaign: Campaign, shown: Comparison[], words: Words): string {
  const byOutcome = new Map<string, string[]>();
  for (const comparison of shown) if (comparison.adjustedFor.length > 0 && !byOutcome.has(comparison.outcome)) byOutcome.set(comparison.outcome, comparison.adjustedFor);
  return [...byOutcome].map(([outcome, factors]) => {
    const names = factors.map((name) => localizedField(field(campaign, name), words.locale).title).join(', ');
    return `${localizedField(field(campaign, outcome), words.locale).title}: ${words.ft('sameCircumstancesMeans', { name: names })}`;
  }).join(' ');
}

function plannerSection(campaign: Campaign, analyses: CampaignFindings, words: Words): SafeHtml {
  const { ft, pt, format, locale } = words;
  const items = analyses.planner.filter((entry) => entry.moreDonors !== 0 || entry.moreReferenceDonors > 0).slice(0, 12).map((entry) => {
    const group = groupName(campaign, entry.attribute, entry.level, words);
    const reference = groupName(campaign, entry.attribute, entry.reference, words);
    let need = entry.moreDonors === null ? ft('needTotal', { count: format.number(entry.donorsNeeded), group }) : entry.moreDonors > 0 ? ft('needMore', { count: format.number(entry.moreDonors), group }) : ft('needEnough', { group });
    if (entry.moreReferenceDonors > 0) need = `${need} ${ft('needReference', { count: format.number(entry.moreReferenceDonors), reference })}`;
    const stratum = entry.stratum === null || Object.keys(entry.stratum).length > 0 ? ` (${stratumText(campaign, entry.stratum, words)})` : '';
    const outcome = `${localizedField(field(campaign, entry.outcome), locale).title}${stratum}`;
    return html`<li>${entry.kind === 'rate' ? ft('plannerRate', { gap: format.number(entry.gap), group, reference, need }) : ft('plannerMean', { gap: format.number(entry.gap), outcome, group, reference, need })}</li>`;
  });
  if (items.length === 0) return html``;
  return html`<details class="finding"><summary>${pt('plannerSummary')}</summary><ul class="planner">${items}</ul></details>`;
}

/** The release's findings, or nothing when no comparison can be shown yet (the page then says findings come later). */
export function findingsSection(campaign: Campaign, analyses: PublishedFindings, signingKeyFingerprint: string, locale: Locale): SafeHtml | undefined {
  const shown = analyses.comparisons.filter((comparison) => comparison.reference !== null);
  if (shown.length === 0) return undefined;
  const words: Words = { locale, ft: findingsTranslator(locale), pt: findingsPageTranslator(locale), format: formatters(locale) };
  const { ft, pt, format } = words;
  const { release } = analyses;
  const releasedOn = dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${release.releasedOn}T00:00:00Z`));
  // The page leads with one comparison per outcome and attribute: the pooled one where strata were
  // pooled, else the only one. Each stratum's own comparisons wait in one collapsed block per
  // outcome, so that a campaign with thirty bureau × score strata still reads in about three screens.
  const pooledOutcomes = new Set(analyses.comparisons.filter((comparison) => comparison.stratum === null).map((comparison) => comparison.outcome));
  const isLead = (comparison: Comparison) => comparison.stratum === null || !pooledOutcomes.has(comparison.outcome);
  // Open first: the lead comparisons with the clearest differences, if short enough to chart.
  const openOnes = new Set(shown
    .filter((comparison) => isLead(comparison) && comparison.groups.length <= CHART_MAX_GROUPS && clearEffects(analyses, comparison).length > 0)
    .sort((first, second) => clearEffects(analyses, first)[0].adjusted!.pValueAdjusted - clearEffects(analyses, second)[0].adjusted!.pValueAdjusted)
    .slice(0, OPEN_COMPARISONS));
  const outcomes = [...new Set(analyses.comparisons.map((comparison) => comparison.outcome))];
  const notYetText = (comparisons: Array<{ comparison: Comparison }>) => comparisons.filter(({ comparison }) => comparison.reference === null).map(({ comparison }) => {
    const title = localizedField(field(campaign, comparison.attribute), locale).title;
    return comparison.stratum === null || Object.keys(comparison.stratum).length > 0 ? `${title} (${stratumText(campaign, comparison.stratum, words)})` : title;
  });
  const notYetLine = (names: string[]) => (names.length > 0 ? html`<p class="small">${pt('notComparedYet', { names: names.join(', ') })}</p>` : '');
  const perOutcome = outcomes.map((name) => {
    const outcomeField = field(campaign, name);
    const outcomeTitle = localizedField(outcomeField, locale).title;
    const comparisons = analyses.comparisons.map((comparison, index) => ({ comparison, index })).filter(({ comparison }) => comparison.outcome === name);
    const lead = comparisons.filter(({ comparison }) => isLead(comparison));
    const perStratum = comparisons.filter(({ comparison }) => !isLead(comparison));
    const details = lead.filter(({ comparison }) => comparison.reference !== null).map(({ comparison, index }) => comparisonDetails(campaign, analyses, comparison, index, openOnes.has(comparison), words));
    const stratumDetails = perStratum.filter(({ comparison }) => comparison.reference !== null).map(({ comparison, index }) => comparisonDetails(campaign, analyses, comparison, index, false, words));
    const smallStrata = analyses.strata.filter((stratum) => stratum.outcome === name && stratum.suppressed).map((stratum) => stratumText(campaign, stratum.stratum, words));
    const smallStrataLine = smallStrata.length > 0 ? html`<p class="small">${pt('strataSuppressed', { k: analyses.minGroupSize, names: smallStrata.join('; ') })}</p>` : '';
    const fields = (outcomeField.comparable?.within ?? []).map((within) => localizedField(field(campaign, within), locale).title).join(' × ');
    const shownStrata = analyses.strata.filter((stratum) => stratum.outcome === name && !stratum.suppressed).length;
    const strataBlock = perStratum.length > 0
      ? html`<details class="finding strata"><summary>${pt('strataDetails', { fields, count: format.number(shownStrata) })}</summary>
${stratumDetails}
${notYetLine(notYetText(perStratum))}
${smallStrataLine}
</details>`
      : '';
    return html`<h3>${pt('outcomeHeading', { outcome: outcomeTitle })}</h3>
${details}
${strataBlock}
${perStratum.length > 0 ? '' : smallStrataLine}
${notYetLine(notYetText(lead))}`;
  });
  // The summary speaks of the lead comparisons; each stratum's own ones are behind their block.
  const representativeness = analyses.representativeness;
  return html`${summarySection(campaign, analyses, shown.filter(isLead), words)}
${perOutcome}
${plannerSection(campaign, analyses, words)}
<details class="finding"><summary>${pt('glossaryHeading')}</summary>
<ul class="glossary"><li>${pt('glossaryInterval')}${analyses.caveats.includes('clustered-by-donor') ? ` ${pt('clusteredByDonor')}` : ''}</li><li>${pt('glossarySame')} ${sameCircumstances(campaign, shown, words)}</li><li>${pt('glossaryChance')}</li><li>${pt('glossaryOdds')}</li>${representativeness ? html`<li>${pt('glossaryWeightedTerm')} ${pt('weightingExplained', { margins: marginNames(campaign, representativeness, words) })}</li>` : ''}<li>${pt('glossaryCoarsened', { k: analyses.minGroupSize })}</li></ul>
<h4>${pt('caveatsSummary')}</h4>
<ul class="caveats">${analyses.caveats.map((caveat) => html`<li>${ft(`caveat.${caveat}`)}</li>`)}</ul>
<p>${ft('counts', { donations: format.number(analyses.donations), records: format.number(analyses.records), people: format.number(analyses.donors), rounded: format.number(analyses.countsRoundedTo) })}</p>
<p>${ft('releaseRule', { count: format.number(release.minChanges) })}</p>
<p>${pt('glossarySigned')} ${ft('signingKey')} <code class="fingerprint">${signingKeyFingerprint}</code></p>
</details>
<p class="release small">${ft('release', { number: format.number(release.number), date: releasedOn })}</p>`;
}
