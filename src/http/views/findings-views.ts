/**
 * The findings section of a campaign's page: counts, for each outcome × protected attribute a
 * chart and a table of the groups (small groups marked, never numbered), one plain sentence per
 * adjusted effect, the caveats, and the planner — in the visitor's language.
 */
import { localizedField } from '../../campaigns/localize';
import type { Campaign, Locale } from '../../campaigns/types';
import type { CampaignFindings, Comparison, Effect, GroupSummary, PublishedFindings } from '../../evidence/campaign-analyses-types';
import { comparisonChartGroups } from '../../evidence/charts/comparison-chart-groups';
import { groupEstimateChart } from '../../evidence/charts/group-estimate-chart';
import { effectSentence, formatters } from '../../evidence/effect-sentence';
import { findingsTranslator } from '../../i18n/findings-messages';
import { html, SafeHtml } from './html';

function field(campaign: Campaign, name: string) {
  return campaign.schema.fields.find((candidate) => candidate.name === name)!;
}

function comparisonSection(campaign: Campaign, analyses: CampaignFindings, comparison: Comparison, index: number, locale: Locale): SafeHtml {
  const ft = findingsTranslator(locale);
  const format = formatters(locale);
  const outcome = localizedField(field(campaign, comparison.outcome), locale);
  const attribute = localizedField(field(campaign, comparison.attribute), locale);
  const heading = ft('comparisonHeading', { outcome: outcome.title, attribute: attribute.title });
  if (comparison.reference === null) return html`<section class="finding"><h3>${heading}</h3><p>${ft('notEnough')}</p></section>`;
  const label = (level: string) => attribute.label(level);
  const effects = analyses.effects.filter((effect) => effect.outcome === comparison.outcome && effect.attribute === comparison.attribute);
  const suppressedText = ft('suppressed', { k: analyses.minGroupSize });
  const chart = groupEstimateChart({
    title: heading,
    description: ft(comparison.kind === 'rate' ? 'chartRate' : 'chartMean', { outcome: outcome.title }),
    groups: comparisonChartGroups(comparison, label),
    unit: comparison.kind === 'rate' ? 'percent' : 'number',
    locale,
    suppressedText,
    referenceText: ft('reference'),
    idPrefix: `chart-${index}`,
  });
  const row = (group: GroupSummary) => {
    if (group.suppressed) return html`<tr><th scope="row">${label(group.level)}</th><td colspan="5" class="suppressed">${suppressedText}</td></tr>`;
    const effect = effects.find((candidate) => candidate.level === group.level);
    const adjusted = effect && !effect.suppressed ? effect.adjusted : null;
    const interval = group.ciLow === null || group.ciHigh === null ? '–' : `${format.value(group.ciLow, comparison.kind)} – ${format.value(group.ciHigh, comparison.kind)}`;
    const adjustedText = adjusted ? (adjusted.model === 'logistic' ? `× ${format.number(Math.exp(adjusted.estimate))}` : format.number(adjusted.estimate)) : group.level === comparison.reference ? ft('reference') : '–';
    return html`<tr><th scope="row">${label(group.level)}</th><td>${format.number(group.donors)}</td><td>${format.value(group.estimate, comparison.kind)}</td><td>${interval}</td><td>${adjustedText}</td><td>${adjusted ? format.p(adjusted.pValueAdjusted).replace(/^= /, '') : '–'}</td></tr>`;
  };
  const sentences = effects.filter((effect): effect is Extract<Effect, { suppressed: false }> => !effect.suppressed)
    .map((effect) => html`<li>${effectSentence(effect, label(effect.level), label(comparison.reference!), ft, format)}</li>`);
  const factors = comparison.adjustedFor.map((name) => localizedField(field(campaign, name), locale).title).join(', ');
  return html`<section class="finding">
  <h3>${heading}</h3>
  <figure class="chart">${new SafeHtml(chart)}</figure>
  <div class="table-scroll" tabindex="0" role="region" aria-label="${heading}">
  <table class="findings-table">
    <thead><tr><th scope="col">${ft('group')}</th><th scope="col">${ft('people')}</th><th scope="col">${ft(comparison.kind === 'rate' ? 'share' : 'average')}</th><th scope="col">${ft('interval')}</th><th scope="col">${ft('sameCircumstances')}</th><th scope="col">${ft('adjustedP')}</th></tr></thead>
    <tbody>${comparison.groups.map(row)}</tbody>
  </table>
  </div>
  <ul class="effect-sentences">${sentences}</ul>
  ${factors ? html`<p class="small">${ft('sameCircumstancesMeans', { name: factors })}</p>` : ''}
</section>`;
}

function plannerSection(campaign: Campaign, analyses: CampaignFindings, locale: Locale): SafeHtml {
  const ft = findingsTranslator(locale);
  const format = formatters(locale);
  const items = analyses.planner.filter((entry) => entry.moreDonors !== 0 || entry.moreReferenceDonors > 0).slice(0, 12).map((entry) => {
    const attribute = localizedField(field(campaign, entry.attribute), locale);
    const group = attribute.label(entry.level);
    const reference = attribute.label(entry.reference);
    let need = entry.moreDonors === null ? ft('needTotal', { count: format.number(entry.donorsNeeded), group }) : entry.moreDonors > 0 ? ft('needMore', { count: format.number(entry.moreDonors), group }) : ft('needEnough', { group });
    if (entry.moreReferenceDonors > 0) need = `${need} ${ft('needReference', { count: format.number(entry.moreReferenceDonors), reference })}`;
    const outcome = localizedField(field(campaign, entry.outcome), locale).title;
    return html`<li>${entry.kind === 'rate' ? ft('plannerRate', { gap: format.number(entry.gap), group, reference, need }) : ft('plannerMean', { gap: format.number(entry.gap), outcome, group, reference, need })}</li>`;
  });
  if (items.length === 0) return html``;
  return html`<h3>${ft('plannerHeading')}</h3><ul class="planner">${items}</ul>`;
}

/** The release's findings, or nothing when no comparison can be shown yet (the page then says findings come later). */
export function findingsSection(campaign: Campaign, analyses: PublishedFindings, signingKeyFingerprint: string, locale: Locale): SafeHtml | undefined {
  if (!analyses.comparisons.some((comparison) => comparison.reference !== null)) return undefined;
  const ft = findingsTranslator(locale);
  const format = formatters(locale);
  const { release } = analyses;
  const releasedOn = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${release.releasedOn}T00:00:00Z`));
  return html`<p class="release">${ft('release', { number: format.number(release.number), date: releasedOn })} ${ft('releaseRule', { count: format.number(release.minChanges) })}</p>
<p>${ft('counts', { donations: format.number(analyses.donations), records: format.number(analyses.records), people: format.number(analyses.donors), rounded: format.number(analyses.countsRoundedTo) })}</p>
${analyses.comparisons.map((comparison, index) => comparisonSection(campaign, analyses, comparison, index, locale))}
<h3>${ft('caveatsHeading')}</h3>
<ul class="caveats">${analyses.caveats.map((caveat) => html`<li>${ft(`caveat.${caveat}`)}</li>`)}</ul>
${plannerSection(campaign, analyses, locale)}
<p class="small">${ft('signingKey')} <code class="fingerprint">${signingKeyFingerprint}</code></p>`;
}
