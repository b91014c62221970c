/** The operator as donors read it: an address block, and the sentences beside the consent. */
import { localizedField } from '../../campaigns/localize';
import type { Campaign, Locale } from '../../campaigns/types';
import { privacyTranslator } from '../../i18n/privacy-messages';
import type { OperatorProfile } from '../../operator/operator-profile';
import { html, type SafeHtml } from './html';

/** Name, postal address, e-mail, phone and data-protection contact, as the imprint and privacy notice show them. */
export function operatorAddress(operator: OperatorProfile, locale: Locale): SafeHtml {
  const pt = privacyTranslator(locale);
  if (operator.demo) return html`<p class="address"><strong>${operator.name}</strong></p><p>${pt('dataProtectionContact', { name: pt('notConfigured') })}</p>`;
  const dpo = [operator.dataProtection.name, operator.dataProtection.email].filter(Boolean).join(', ');
  return html`<address class="address"><strong>${operator.name}</strong>${operator.addressLines.map((line) => html`<br>${line}`)}</address>
<ul>
  ${operator.email ? html`<li>${pt('contactEmail')} <a href="mailto:${operator.email}">${operator.email}</a></li>` : ''}
  ${operator.phone ? html`<li>${pt('contactPhone', { name: operator.phone })}</li>` : ''}
  ${operator.representative ? html`<li>${pt('representative', { name: operator.representative })}</li>` : ''}
  ${operator.register ? html`<li>${pt('register', { name: operator.register })}</li>` : ''}
  <li>${pt('dataProtectionContact', { name: dpo })}</li>
</ul>`;
}

/** The titles of a campaign's special-category fields (GDPR Art. 9) in one locale. */
export function specialCategoryTitles(campaign: Campaign, locale: Locale): string[] {
  return campaign.schema.fields.filter((field) => field.specialCategory).map((field) => localizedField(field, locale).title);
}

/**
 * Beside the consent text: to whom the donor gives the records (part of the hashed consent, see
 * `operator-consent.ts`), on which legal basis, and the privacy notice (in a new tab, so a
 * half-filled form is not lost).
 */
export function consentOperatorNotice(campaign: Campaign, operator: OperatorProfile, locale: Locale): SafeHtml {
  const pt = privacyTranslator(locale);
  const special = specialCategoryTitles(campaign, locale);
  const who = operator.demo
    ? pt('consentOperatorDemo')
    : pt('consentOperator', { name: operator.name, address: operator.addressLines.join(', '), email: operator.email ?? '' });
  return html`<div class="consent-operator">
  <p>${who}</p>
  <p>${pt('consentLegalBasis')}${special.length > 0 ? html` ${pt('consentSpecialCategory', { name: special.join(', ') })}` : ''}</p>
  <p><a href="/privacy?lang=${locale}" target="_blank" rel="noopener">${pt('consentPrivacyLink')}</a></p>
</div>`;
}
