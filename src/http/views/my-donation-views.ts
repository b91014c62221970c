/** The donor's self-service pages: type the receipt, see, download, delete. */
import type { Campaign } from '../../campaigns/types';
import type { DonationView } from '../../donations/donation-service';
import { campaignText } from '../../campaigns/localize';
import { html, type SafeHtml } from './html';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import { guideTranslator } from '../../i18n/pack-guide-messages';
import { formTranslator } from '../../i18n/form-messages';
import { layout } from './layout';
import { purposeWithdrawalSection } from './purpose-withdrawal-views';
import { recordTable, type PageContext } from './donation-views';
import { recordPage, recordPager } from './record-pager';
import { displayNames } from '../../i18n/intl-formats';

function hidden(context: PageContext, receipt?: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${context.csrfToken}"><input type="hidden" name="lang" value="${context.locale}">${receipt ? html`<input type="hidden" name="receipt" value="${receipt}">` : ''}`;
}

export function receiptEntryPage(context: PageContext, notFound = false): string {
  const { t, locale } = context;
  return layout({ locale, t, operator: context.operator, title: t('myDonationTitle'), switcherPath: '/my-donation' }, html`
<h1>${t('myDonationTitle')}</h1>
${notFound ? html`<div class="error-summary" role="alert" tabindex="-1" autofocus id="error-summary"><p><a href="#receipt">${t('receiptNotFound')}</a></p></div>` : ''}
<form method="post" action="/my-donation">
  ${hidden(context)}
  <div class="field${notFound ? ' field-error' : ''}">
    <label for="receipt">${t('receiptInputLabel')}</label>
    <p class="hint" id="receipt-hint">${t('myDonationIntro')}</p>
    <input type="text" id="receipt" name="receipt" class="input-code" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="receipt-hint"${notFound ? html` aria-invalid="true"` : ''}>
  </div>
  <button type="submit" name="action" value="view" class="button button-primary">${t('showButton')}</button>
</form>`);
}

/** Who the letters can go to, the donor's country and German Länder, for the evidence pack's form. */
export interface EvidenceChoices {
  controllers: Array<{ slug: string; name: string }>;
  defaultController?: string;
  countries: string[];
  lands: string[];
}

const LAND_NAMES: Record<string, string> = {
  BW: 'Baden-Württemberg', BY: 'Bayern', BE: 'Berlin', BB: 'Brandenburg', HB: 'Bremen', HH: 'Hamburg', HE: 'Hessen', MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen', NW: 'Nordrhein-Westfalen', RP: 'Rheinland-Pfalz', SL: 'Saarland', SN: 'Sachsen', ST: 'Sachsen-Anhalt', SH: 'Schleswig-Holstein', TH: 'Thüringen',
};

/**
 * The pack in one click (PDF or web page); who decided, where the donor lives and the details
 * that fill the letters folded in one line above the buttons. Those details travel in this POST only and are
 * written into the download, never stored.
 */
function evidenceSection(choices: EvidenceChoices, receipt: string, context: PageContext): SafeHtml {
  const et = evidenceTranslator(context.locale);
  const gt = guideTranslator(context.locale);
  const countryNames = displayNames(context.locale, { type: 'region' });
  const defaultCountry = context.locale === 'fr' ? 'fr' : 'de';
  const countries = [...choices.countries].sort((first, second) => countryNames.of(first.toUpperCase())!.localeCompare(countryNames.of(second.toUpperCase())!, context.locale));
  const text = (id: string, label: string, autocomplete: string, type = 'text') => html`<div class="field"><label for="evidence-${id}">${label}</label>
      <input type="${type}" id="evidence-${id}" name="${id}" maxlength="300" autocomplete="${autocomplete}"></div>`;
  return html`<section class="evidence" aria-labelledby="evidence-heading">
  <h2 id="evidence-heading">${et('evidenceSectionHeading')}</h2>
  <p>${et('evidenceSectionIntro')}</p>
  <form method="post" action="/my-donation/evidence">
    ${hidden(context, receipt)}
    <details class="evidence-details">
      <summary>${gt('identityHeading')}</summary>
      <p class="hint">${gt('identityHint')}</p>
      <div class="field"><label for="evidence-controller">${et('controllerLabel')}</label>
        <select id="evidence-controller" name="controller">${choices.controllers.map((controller) => html`<option value="${controller.slug}"${controller.slug === choices.defaultController ? html` selected` : ''}>${controller.name}</option>`)}</select></div>
      <div class="field"><label for="evidence-country">${et('countryLabel')}</label>
        <select id="evidence-country" name="country">${countries.map((country) => html`<option value="${country}"${country === defaultCountry ? html` selected` : ''}>${countryNames.of(country.toUpperCase())}</option>`)}</select></div>
      <div class="field"><label for="evidence-land">${gt('labelLand')}</label>
        <select id="evidence-land" name="land"><option value="">${gt('landNone')}</option>${choices.lands.map((land) => html`<option value="${land}">${LAND_NAMES[land] ?? land}</option>`)}</select></div>
      ${text('name', gt('labelName'), 'name')}
      <div class="field"><label for="evidence-address">${gt('labelAddress')}</label>
        <textarea id="evidence-address" name="address" rows="3" maxlength="300" autocomplete="street-address"></textarea></div>
      ${text('email', gt('labelEmail'), 'email', 'email')}
      ${text('birthdate', gt('labelBirthdate'), 'bday')}
      <div class="field"><label for="evidence-account">${gt('labelAccount')}</label>
        <textarea id="evidence-account" name="account" rows="6" maxlength="4000"></textarea></div>
    </details>
    <div class="button-row">
      <button type="submit" name="format" value="pdf" class="button button-primary">${et('evidenceButtonPdf')}</button>
      <button type="submit" name="format" value="html" class="button button-secondary">${et('evidenceButtonHtml')}</button>
      <button type="submit" name="format" value="json" class="button button-secondary">${et('evidenceButtonJson')}</button>
    </div>
  </form>
</section>`;
}

export function donationPage(campaign: Campaign, donation: DonationView, receipt: string, context: PageContext, evidence?: EvidenceChoices, requestedPage = 1): string {
  const { t, locale } = context;
  const text = campaignText(campaign, locale);
  const purposes = text.purposes.filter((purpose) => donation.consent.purposes.includes(purpose.id)).map((purpose) => html`<li>${purpose.title}</li>`);
  const shown = recordPage(donation.records.length, requestedPage);
  const records = donation.records.slice(shown.start, shown.end).map((record, index) => html`<h3>${t('recordNumber', { name: shown.start + index + 1 })}</h3>${recordTable(campaign, record, context)}`);
  // The switcher posts the receipt back (never in a URL), so the donation stays open in the new language.
  return layout({ locale, t, operator: context.operator, title: t('myDonationTitle'), switcherPath: '/my-donation', switcherForm: 'donation-language' }, html`
<form method="post" action="/my-donation" id="donation-language">${hidden(context, receipt)}<input type="hidden" name="action" value="view"></form>
<h1>${t('myDonationTitle')}: ${text.title}</h1>
<p>${t('donatedOn', { name: donation.createdOn })}</p>
<p>${t('consentGiven', { name: donation.consent.version })}</p>
<ul>${purposes}</ul>
${evidence ? evidenceSection(evidence, receipt, context) : ''}
<h2>${formTranslator(locale)('recordsHeading')}</h2>
${recordPager(shown, hidden(context, receipt), context)}
${records}
<div class="button-row">
  <form method="post" action="/my-donation/download">${hidden(context, receipt)}<button type="submit" name="format" value="json" class="button button-secondary">${t('downloadJson')}</button></form>
  <form method="post" action="/my-donation/download">${hidden(context, receipt)}<button type="submit" name="format" value="csv" class="button button-secondary">${t('downloadCsv')}</button></form>
</div>
${purposeWithdrawalSection(campaign, donation, receipt, context)}
<form method="post" action="/my-donation/delete">${hidden(context, receipt)}<button type="submit" class="button button-danger">${t('deleteButton')}</button></form>`);
}

export function deleteConfirmPage(receipt: string, context: PageContext): string {
  const { t, locale } = context;
  return layout({ locale, t, operator: context.operator, title: t('deleteConfirmTitle'), switcherPath: '/my-donation' }, html`
<h1>${t('deleteConfirmTitle')}</h1>
<p>${t('deleteConfirmText')}</p>
<div class="button-row">
  <form method="post" action="/my-donation/delete">${hidden(context, receipt)}<button type="submit" name="confirm" value="yes" class="button button-danger">${t('deleteConfirmButton')}</button></form>
  <form method="post" action="/my-donation">${hidden(context, receipt)}<button type="submit" name="action" value="view" class="button button-secondary">${t('cancel')}</button></form>
</div>`);
}

export function deletedPage(context: Omit<PageContext, 'csrfToken'>): string {
  const { t, locale } = context;
  return layout({ locale, t, operator: context.operator, title: t('deletedTitle'), switcherPath: '/' }, html`
<h1>${t('deletedTitle')}</h1>
<p>${t('deletedText')}</p>
<p><a href="/">${t('backHome')}</a></p>`);
}
