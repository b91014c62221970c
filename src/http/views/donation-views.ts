/** The donation journey's pages: form, review, receipt. */
import { campaignText, localizedField } from '../../campaigns/localize';
import type { Campaign, Locale, RecordValues } from '../../campaigns/types';
import type { DonationReceipt } from '../../donations/donation-service';
import type { Translate } from '../../i18n/messages';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import { guideTranslator } from '../../i18n/pack-guide-messages';
import type { OperatorProfile } from '../../operator/operator-profile';
import type { DonationForm, FormErrors } from '../pages/donation-form';
import { fieldId, RECORD_PREFIX, renderField } from './form-field';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import { consentOperatorNotice } from './operator-views';

export interface PageContext {
  locale: Locale;
  t: Translate;
  csrfToken: string;
  /** Who runs this instance: the footer names it, the consent gives data to it. */
  operator: OperatorProfile;
}

export function hiddenCommon(context: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${context.csrfToken}"><input type="hidden" name="lang" value="${context.locale}">`;
}

function errorSummary(campaign: Campaign, errors: FormErrors, context: PageContext): SafeHtml {
  // In the order the donor meets the questions on the page; consent comes last.
  const order = campaign.schema.fields.map((field) => field.name);
  const position = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const entries = Object.entries(errors).sort(([first], [second]) => position(first) - position(second));
  if (entries.length === 0) return html``;
  const titles = new Map(campaign.schema.fields.map((field) => [field.name, localizedField(field, context.locale).title]));
  const items = entries.map(([name, message]) => {
    const target = name === 'purposes' ? 'purpose-0' : fieldId(name);
    return html`<li><a href="#${target}">${titles.get(name) ? html`${titles.get(name)}: ` : ''}${message}</a></li>`;
  });
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">${context.t('errorSummaryTitle')}</h2>
  <ul>${items}</ul>
</div>`;
}

export function consentSection(campaign: Campaign, form: DonationForm, errors: FormErrors, context: PageContext): SafeHtml {
  const { t } = context;
  const text = campaignText(campaign, context.locale);
  const error = errors.purposes;
  const purposes = text.purposes.map((purpose, index) => html`<div class="choice choice-block">
    <input type="checkbox" id="purpose-${index}" name="purposes" value="${purpose.id}"${form.purposes.includes(purpose.id) ? html` checked` : ''} aria-describedby="purpose-${index}-hint">
    <label for="purpose-${index}"><strong>${purpose.title}</strong></label>
    <p class="hint" id="purpose-${index}-hint">${purpose.description}</p>
  </div>`);
  return html`<section class="consent" aria-labelledby="consent-heading">
  <h2 id="consent-heading">${t('consentHeading')}</h2>
  <p>${text.consentText}</p>
  ${consentOperatorNotice(campaign, context.operator, context.locale)}
  <p class="small">${t('consentVersion', { name: campaign.consent.version })}</p>
  <input type="hidden" name="consent_version" value="${campaign.consent.version}">
  <fieldset class="field${error ? ' field-error' : ''}"${error ? html` aria-invalid="true" aria-describedby="error-purposes"` : ''}>
    <legend>${t('purposesLegend')}</legend>
    ${error ? html`<p class="error-message" id="error-purposes">${error}</p>` : ''}
    ${purposes}
  </fieldset>
</section>`;
}

export function donationFormPage(campaign: Campaign, form: DonationForm, errors: FormErrors, context: PageContext, notice?: string): string {
  const { t, locale } = context;
  const title = t('formTitle', { name: campaign.title[locale] });
  const fields = campaign.schema.fields.map((field) => renderField({ field, locale, t, value: form.values[field.name] ?? '', error: errors[field.name] }));
  const hasErrors = Object.keys(errors).length > 0;
  return layout({ locale, t, operator: context.operator, title: hasErrors ? `${t('errorSummaryTitle')}: ${title}` : title, switcherPath: `/campaigns/${campaign.slug}/donate` }, html`
<h1>${title}</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${errorSummary(campaign, errors, context)}
<p>${t('formIntro')}</p>
<form method="post" action="/campaigns/${campaign.slug}/donate" novalidate>
  ${hiddenCommon(context)}
  <h2>${t('yourRecord')}</h2>
  ${fields}
  ${consentSection(campaign, form, errors, context)}
  <button type="submit" name="action" value="review" class="button button-primary">${t('reviewButton')}</button>
</form>`);
}

export function valueLabel(campaign: Campaign, name: string, value: string | number | boolean | undefined, context: PageContext): string {
  if (value === undefined) return context.t('notAnswered');
  if (typeof value === 'boolean') return value ? context.t('yes') : context.t('no');
  if (typeof value === 'number') return new Intl.NumberFormat(context.locale, { maximumFractionDigits: 6, useGrouping: false }).format(value);
  const field = campaign.schema.fields.find((candidate) => candidate.name === name);
  return field ? localizedField(field, context.locale).label(value) : String(value);
}

/** A record as a definition list of localized titles and labels. */
export function recordTable(campaign: Campaign, record: RecordValues, context: PageContext): SafeHtml {
  const rows = campaign.schema.fields.map((field) => html`<div class="record-row"><dt>${localizedField(field, context.locale).title}</dt><dd>${valueLabel(campaign, field.name, record[field.name], context)}</dd></div>`);
  return html`<dl class="record">${rows}</dl>`;
}

export function reviewPage(campaign: Campaign, form: DonationForm, record: RecordValues, idempotencyKey: string, context: PageContext): string {
  const { t, locale } = context;
  const hiddenValues = Object.entries(form.values).map(([name, value]) => html`<input type="hidden" name="${RECORD_PREFIX}${name}" value="${value}">`);
  const hiddenPurposes = form.purposes.map((purpose) => html`<input type="hidden" name="purposes" value="${purpose}">`);
  const purposeTitles = campaignText(campaign, locale).purposes.filter((purpose) => form.purposes.includes(purpose.id)).map((purpose) => html`<li>${purpose.title}</li>`);
  return layout({ locale, t, operator: context.operator, title: t('reviewTitle'), switcherPath: `/campaigns/${campaign.slug}/donate` }, html`
<h1>${t('reviewTitle')}</h1>
<p>${t('reviewIntro')}</p>
${recordTable(campaign, record, context)}
<h2>${t('youAgreeTo')}</h2>
<ul>${purposeTitles}</ul>
${consentOperatorNotice(campaign, context.operator, locale)}
<p class="small">${t('consentVersion', { name: form.consentVersion })}</p>
<form method="post" action="/campaigns/${campaign.slug}/donate">
  ${hiddenCommon(context)}
  ${hiddenValues}
  ${hiddenPurposes}
  <input type="hidden" name="consent_version" value="${form.consentVersion}">
  <input type="hidden" name="idempotency_key" value="${idempotencyKey}">
  <div class="button-row">
    <button type="submit" name="action" value="confirm" class="button button-primary">${t('confirmButton')}</button>
    <button type="submit" name="action" value="edit" class="button button-secondary">${t('changeButton')}</button>
  </div>
</form>`);
}

export function receiptPage(campaign: Campaign, receipt: DonationReceipt, context: PageContext): string {
  const { t, locale } = context;
  return layout({ locale, t, operator: context.operator, title: t('receiptTitle'), switcherPath: '/my-donation' }, html`
<h1>${t('receiptTitle')}</h1>
<p>${t('receiptRecords', { name: receipt.records })}</p>
<div class="receipt-box">
  <h2 id="receipt-label">${t('receiptCodeLabel')}</h2>
  <p class="receipt-code" id="receipt-code" aria-labelledby="receipt-label">${receipt.receipt}</p>
</div>
<p class="notice"><strong>${t('receiptKeep')}</strong> ${t('receiptShownOnce')}</p>
<form method="post" action="/receipt.txt">
  ${hiddenCommon(context)}
  <input type="hidden" name="receipt" value="${receipt.receipt}">
  <input type="hidden" name="campaign" value="${campaign.slug}">
  <button type="submit" class="button button-primary">${t('receiptDownload')}</button>
</form>
${receiptPackSection(receipt.receipt, context)}
<p><a href="/my-donation">${t('myDonationLink')}</a></p>`);
}

/** The evidence pack in one click from the receipt page: the receipt travels in the POST body, as on /my-donation. */
function receiptPackSection(receipt: string, context: PageContext): SafeHtml {
  const gt = guideTranslator(context.locale);
  const et = evidenceTranslator(context.locale);
  return html`<section class="evidence" aria-labelledby="receipt-pack-heading">
  <h2 id="receipt-pack-heading">${gt('receiptPackHeading')}</h2>
  <p>${gt('receiptPackIntro')}</p>
  <form method="post" action="/my-donation/evidence">
    ${hiddenCommon(context)}
    <input type="hidden" name="receipt" value="${receipt}">
    <div class="button-row">
      <button type="submit" name="format" value="pdf" class="button button-primary">${et('evidenceButtonPdf')}</button>
      <button type="submit" name="format" value="html" class="button button-secondary">${et('evidenceButtonHtml')}</button>
    </div>
  </form>
</section>`;
}
