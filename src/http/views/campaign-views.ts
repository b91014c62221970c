/** The start page and a campaign's page. */
import { campaignText, localizedField } from '../../campaigns/localize';
import type { Campaign } from '../../campaigns/types';
import { findingsPageTranslator } from '../../i18n/findings-page-messages';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import type { PageContext } from './donation-views';

export function homePage(campaigns: Campaign[], context: Omit<PageContext, 'csrfToken'>): string {
  const { t, locale } = context;
  const cards = campaigns
    .filter((campaign) => campaign.status === 'open')
    .map((campaign) => {
      const text = campaignText(campaign, locale);
      return html`<li class="card"><h3><a href="/campaigns/${campaign.slug}">${text.title}</a></h3><p>${text.description}</p><p class="small">${t('decidedBy', { name: text.decisionMaker })}</p></li>`;
    });
  return layout({ locale, t, operator: context.operator, title: t('homeTitle'), switcherPath: '/' }, html`
<h1>${t('homeTitle')}</h1>
<p class="lead">${t('homeIntro')}</p>
<h2>${t('campaignsHeading')}</h2>
<ul class="cards">${cards}</ul>`);
}

export function campaignPage(campaign: Campaign, context: Omit<PageContext, 'csrfToken'>, findings?: SafeHtml): string {
  const { t, locale } = context;
  const pt = findingsPageTranslator(locale);
  const text = campaignText(campaign, locale);
  const fields = campaign.schema.fields.map((field) => {
    const localized = localizedField(field, locale);
    return html`<li><strong>${localized.title}</strong> — ${localized.description}</li>`;
  });
  return layout({ locale, t, operator: context.operator, title: text.title, switcherPath: `/campaigns/${campaign.slug}`, wide: findings !== undefined }, html`
<h1>${text.title}</h1>
<p class="lead">${text.description}</p>
<p>${t('decidedBy', { name: text.decisionMaker })}</p>
${campaign.status === 'open' ? html`<p><a class="button button-primary" href="/campaigns/${campaign.slug}/donate">${t('donate')}</a></p>` : html`<p class="notice">${t('errorTitle409')}</p>`}
<nav class="page-contents" aria-label="${pt('contentsLabel')}"><ul>
  <li><a href="#findings">${pt('contentsFindings')}</a></li>
  <li><a href="#what-we-ask">${pt('contentsWhatWeAsk')}</a></li>
  <li><a href="#consent">${pt('contentsConsent')}</a></li>
</ul></nav>
<h2 id="findings">${t('findingsHeading')}</h2>
${findings ?? html`<p>${t('findingsPending')}</p>`}
<h2 id="what-we-ask">${t('whatWeCollect')}</h2>
<p>${t('whatWeCollectIntro')} ${t('neverSmallGroups', { k: campaign.minGroupSize })}</p>
<ul class="field-list">${fields}</ul>
<h2 id="consent">${t('howConsentWorks')}</h2>
<p>${text.consentText}</p>
<ul>${text.purposes.map((purpose) => html`<li><strong>${purpose.title}</strong>: ${purpose.description}</li>`)}</ul>`);
}
