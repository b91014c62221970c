/**
 * `/privacy` and `/imprint`, made from the data dictionaries and the operator's configuration,
 * so the notice names every field a form asks for and cannot drift from what is collected.
 */
import { campaignText, localizedField } from '../../campaigns/localize';
import type { Campaign, Locale } from '../../campaigns/types';
import { privacyTranslator, type PrivacyTranslate } from '../../i18n/privacy-messages';
import type { Translate } from '../../i18n/messages';
import type { OperatorProfile } from '../../operator/operator-profile';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import { operatorAddress } from './operator-views';

export interface InfoPageContext {
  locale: Locale;
  t: Translate;
  operator: OperatorProfile;
}

/** The purpose whose donations NGOs receive record by record. */
const SHARING_PURPOSE = 'ngo-sharing';

function campaignSection(campaign: Campaign, locale: Locale, pt: PrivacyTranslate): SafeHtml {
  const text = campaignText(campaign, locale);
  const hasSpecial = campaign.schema.fields.some((field) => field.specialCategory);
  const fields = campaign.schema.fields.map((field) => html`<li>${localizedField(field, locale).title}${field.specialCategory ? html` <strong>${pt('specialMark')}</strong>` : ''}</li>`);
  // The titles already say "needed to donate" or "optional"; an optional one can go alone.
  const purposes = text.purposes.map((purpose) => html`<li><strong>${purpose.title}</strong>: ${purpose.description}${purpose.required ? '' : html` ${pt('purposeWithdrawable')}`}</li>`);
  const years = Math.round(campaign.retentionDays / 365);
  const sharing = text.purposes.find((purpose) => purpose.id === SHARING_PURPOSE);
  return html`<section class="privacy-campaign" id="campaign-${campaign.slug}">
  <h3>${text.title}</h3>
  <p>${pt('fieldsCollected')}</p>
  <ul>${fields}</ul>
  <h4>${pt('purposesHeading')}</h4>
  <ul>${purposes}</ul>
  <p>${hasSpecial ? pt('legalBasisSpecial') : pt('legalBasis')}</p>
  <p>${years >= 2 ? pt('retentionYears', { name: campaign.retentionDays, years }) : pt('retention', { name: campaign.retentionDays })}</p>
  <h4>${pt('recipientsHeading')}</h4>
  <ul>
    <li>${pt('recipientPublic', { name: campaign.minGroupSize })}</li>
    ${sharing ? html`<li>${pt('recipientNgo', { name: sharing.title, k: campaign.minGroupSize })}</li>` : ''}
    <li>${pt('recipientNobody')}</li>
  </ul>
</section>`;
}

export function privacyPage(campaigns: Campaign[], context: InfoPageContext): string {
  const { locale, t, operator } = context;
  const pt = privacyTranslator(locale);
  const authority = operator.authority;
  return layout({ locale, t, operator, title: pt('privacyTitle'), switcherPath: '/privacy' }, html`
<h1>${pt('privacyTitle')}</h1>
<p class="lead">${pt('privacyIntro')}</p>
<h2>${pt('controllerHeading')}</h2>
<p>${pt('controllerText')}</p>
${operatorAddress(operator, locale)}
<h2>${pt('campaignsPrivacyHeading')}</h2>
${campaigns.map((campaign) => campaignSection(campaign, locale, pt))}
<h2>${pt('notStoredHeading')}</h2>
<p>${pt('notStored')}</p>
<h2>${pt('cookiesHeading')}</h2>
<p>${pt('cookies', { name: 'crowdaudit.csrf' })}</p>
<h2>${pt('rightsHeading')}</h2>
<ul>
  <li>${pt('rightAccess')}</li>
  <li>${pt('rightPortability')}</li>
  <li>${pt('rightRectification')}</li>
  <li>${pt('rightErasure')}</li>
  <li>${pt('rightWithdraw')}</li>
  <li>${pt('rightObject')}</li>
  <li>${pt('rightComplain')}</li>
  <li>${pt('noAutomatedDecision')}</li>
</ul>
<p>${pt('rightsWithoutReceipt')}</p>
<p><a href="/my-donation">${pt('manageDonation')}</a></p>
<h2>${pt('authorityHeading')}</h2>
${authority
    ? html`<p>${pt('authorityText')}</p>
<address class="address"><strong>${authority.name}</strong>${authority.address.split('\n').map((line) => html`<br>${line}`)}</address>
${authority.email ? html`<p>${pt('contactEmail')} <a href="mailto:${authority.email}">${authority.email}</a></p>` : ''}
${authority.webform ? html`<p><a href="${authority.webform}" rel="noopener">${authority.webform}</a></p>` : ''}`
    : html`<p>${pt('authorityUnknown')}</p>`}`);
}

export function imprintPage(context: InfoPageContext): string {
  const { locale, t, operator } = context;
  const pt = privacyTranslator(locale);
  return layout({ locale, t, operator, title: pt('imprintTitle'), switcherPath: '/imprint' }, html`
<h1>${pt('imprintTitle')}</h1>
<p>${pt('imprintIntro')}</p>
${operatorAddress(operator, locale)}
<p><a href="/privacy">${pt('privacyTitle')}</a></p>`);
}
