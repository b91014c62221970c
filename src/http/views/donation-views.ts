/** The donation journey's pages: form, review, receipt. */
import { campaignText, localizedField } from '../../campaigns/localize';
import type { Campaign, CampaignField, Locale, RecordValues } from '../../campaigns/types';
import type { DonationReceipt } from '../../donations/donation-service';
import type { Translate } from '../../i18n/messages';
import { evidenceTranslator } from '../../i18n/evidence-messages';
import { guideTranslator } from '../../i18n/pack-guide-messages';
import type { OperatorProfile } from '../../operator/operator-profile';
import { formTranslator } from '../../i18n/form-messages';
import { donorFields, formRecordLimit, recordFields, type DonationForm, type FormErrors } from '../pages/donation-form';
import { controlKey, fieldId, RECORD_PREFIX, renderField } from './form-field';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import { consentOperatorNotice } from './operator-views';
import { numberFormat } from '../../i18n/intl-formats';

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

function errorSummary(campaign: Campaign, form: DonationForm, errors: FormErrors, context: PageContext): SafeHtml {
  // In the order the donor meets the questions on the page: the person's facts, each record, consent.
  const ft = formTranslator(context.locale);
  const controls: Array<{ key: string; title: string }> = [
    ...donorFields(campaign).map((field) => ({ key: field.name, title: localizedField(field, context.locale).title })),
    ...form.records.flatMap((_record, index) =>
      recordFields(campaign).map((field) => {
        const title = localizedField(field, context.locale).title;
        return { key: controlKey(field, index), title: form.records.length > 1 ? `${ft('recordHeading', { number: index + 1 })}, ${title}` : title };
      }),
    ),
  ];
  // French sets a space before the colon.
  const colon = context.locale === 'fr' ? '\u00a0: ' : ': ';
  const items = controls.filter((control) => errors[control.key]).map((control) => html`<li><a href="#${fieldId(control.key)}">${control.title}${colon}${errors[control.key]}</a></li>`);
  if (errors.purposes) items.push(html`<li><a href="#purpose-0">${errors.purposes}</a></li>`);
  if (items.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus id="error-summary" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">${context.t('errorSummaryTitle')}</h2>
  <ul>${items}</ul>
</div>`;
}

export function consentSection(campaign: Campaign, form: Pick<DonationForm, 'purposes'>, errors: FormErrors, context: PageContext): SafeHtml {
  const { t } = context;
  const text = campaignText(campaign, context.locale);
  const error = errors.purposes;
  const purposes = text.purposes.map((purpose, index) => html`<div class="choice choice-block">
    <input type="checkbox" id="purpose-${index}" name="purposes" value="${purpose.id}"${form.purposes.includes(purpose.id) ? html` checked` : ''} aria-describedby="purpose-${index}-hint">
    <label for="purpose-${index}"><strong>${purpose.title}</strong></label>
    <p class="hint" id="purpose-${index}-hint">${purpose.description}${purpose.id === 'ngo-sharing' ? ` ${formTranslator(context.locale)('coarsenedMeans', { k: campaign.minGroupSize })}` : ''}</p>
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

function recordBlock(campaign: Campaign, form: DonationForm, index: number, errors: FormErrors, context: PageContext): SafeHtml {
  const { t, locale } = context;
  const ft = formTranslator(locale);
  const record = form.records[index];
  const fields = recordFields(campaign).map((field) => {
    const key = controlKey(field, index);
    return renderField({ field, key, locale, t, value: record[field.name] ?? '', error: errors[key] });
  });
  const number = index + 1;
  // "Remove" posts the form back without the block; formnovalidate, so that nothing stops it.
  const remove = form.records.length > 1
    ? html`<button type="submit" name="action" value="remove:${index}" formnovalidate formaction="/campaigns/${campaign.slug}/donate#record-${Math.max(1, index)}" class="button button-secondary">${ft('removeRecord', { number })}</button>`
    : '';
  return html`<section class="record-block" id="record-${number}" aria-labelledby="record-${number}-heading">
  <h3 id="record-${number}-heading">${ft('recordHeading', { number })}</h3>
  ${fields}
  ${remove}
</section>`;
}

export function donationFormPage(campaign: Campaign, form: DonationForm, errors: FormErrors, context: PageContext, notice?: string): string {
  const { t, locale } = context;
  const ft = formTranslator(locale);
  const title = t('formTitle', { name: campaign.title[locale] });
  const max = formRecordLimit(campaign);
  const donorControls = donorFields(campaign).map((field) => renderField({ field, locale, t, value: form.values[field.name] ?? '', error: errors[field.name] }));
  const blocks = form.records.map((_record, index) => recordBlock(campaign, form, index, errors, context));
  const hasErrors = Object.keys(errors).length > 0;
  const canAdd = form.records.length < max;
  return layout({ locale, t, operator: context.operator, title: hasErrors ? `${t('errorSummaryTitle')}: ${title}` : title, switcherPath: `/campaigns/${campaign.slug}/donate`, switcherForm: 'donation-form' }, html`
<h1>${title}</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${errorSummary(campaign, form, errors, context)}
<p>${t('formIntro')}</p>
${campaign.entry === 'csv' ? html`<p><a href="/campaigns/${campaign.slug}/donate/csv">${ft('csvInstead')}</a></p>` : ''}
<form method="post" action="/campaigns/${campaign.slug}/donate" novalidate id="donation-form">
  ${hiddenCommon(context)}
  <input type="hidden" name="step" value="form">
  <input type="hidden" name="record_count" value="${form.records.length}">
  ${donorControls.length > 0 ? html`<h2>${ft('aboutYouHeading')}</h2><p>${ft('aboutYouIntro')}</p>${donorControls}` : ''}
  <h2>${ft('recordsHeading')}</h2>
  <p>${ft('recordsIntro', { max })}</p>
  ${blocks}
  ${canAdd
    ? html`<p><button type="submit" name="action" value="add" formnovalidate formaction="/campaigns/${campaign.slug}/donate#record-${form.records.length + 1}" class="button button-secondary">${ft('addRecord')}</button></p>`
    : html`<p class="hint">${ft('recordLimitReached', { max })}</p>`}
  ${consentSection(campaign, form, errors, context)}
  <button type="submit" name="action" value="review" class="button button-primary">${t('reviewButton')}</button>
</form>`);
}

export function valueLabel(campaign: Campaign, name: string, value: string | number | boolean | undefined, context: PageContext): string {
  if (value === undefined) return context.t('notAnswered');
  if (typeof value === 'boolean') return value ? context.t('yes') : context.t('no');
  if (typeof value === 'number') return numberFormat(context.locale, { maximumFractionDigits: 6, useGrouping: false }).format(value);
  const field = campaign.schema.fields.find((candidate) => candidate.name === name);
  return field ? localizedField(field, context.locale).label(value) : String(value);
}

/** A record as a definition list of localized titles and labels. */
export function recordTable(campaign: Campaign, record: RecordValues, context: PageContext): SafeHtml {
  const rows = campaign.schema.fields.map((field) => html`<div class="record-row"><dt>${localizedField(field, context.locale).title}</dt><dd>${valueLabel(campaign, field.name, record[field.name], context)}</dd></div>`);
  return html`<dl class="record">${rows}</dl>`;
}

/** Every answer of the form as hidden fields, so that the next step (or a change of language) keeps it. */
export function hiddenForm(campaign: Campaign, form: DonationForm): SafeHtml {
  const donor = Object.entries(form.values).map(([name, value]) => html`<input type="hidden" name="${RECORD_PREFIX}${name}" value="${value}">`);
  const fieldsByName = new Map(recordFields(campaign).map((field) => [field.name, field]));
  const records = form.records.flatMap((record, index) =>
    Object.entries(record).flatMap(([name, value]) => {
      const field = fieldsByName.get(name);
      return field ? [html`<input type="hidden" name="${RECORD_PREFIX}${controlKey(field, index)}" value="${value}">`] : [];
    }),
  );
  const purposes = form.purposes.map((purpose) => html`<input type="hidden" name="purposes" value="${purpose}">`);
  return html`<input type="hidden" name="record_count" value="${form.records.length}">${donor}${records}${purposes}<input type="hidden" name="consent_version" value="${form.consentVersion}">`;
}

/** The person's facts once, then each record's own answers. */
function reviewRecords(campaign: Campaign, records: RecordValues[], context: PageContext): SafeHtml {
  const ft = formTranslator(context.locale);
  const list = (fields: CampaignField[], record: RecordValues) =>
    html`<dl class="record">${fields.map((field) => html`<div class="record-row"><dt>${localizedField(field, context.locale).title}</dt><dd>${valueLabel(campaign, field.name, record[field.name], context)}</dd></div>`)}</dl>`;
  const donor = donorFields(campaign);
  const blocks = records.map((record, index) => html`<h3>${ft('recordHeading', { number: index + 1 })}</h3>${list(recordFields(campaign), record)}`);
  return html`${donor.length > 0 && records[0] ? html`<h2>${ft('aboutYouHeading')}</h2>${list(donor, records[0])}` : ''}<h2>${ft('recordsHeading')}</h2>${blocks}`;
}

export function reviewPage(campaign: Campaign, form: DonationForm, records: RecordValues[], idempotencyKey: string, context: PageContext): string {
  const { t, locale } = context;
  const purposeTitles = campaignText(campaign, locale).purposes.filter((purpose) => form.purposes.includes(purpose.id)).map((purpose) => html`<li>${purpose.title}</li>`);
  return layout({ locale, t, operator: context.operator, title: t('reviewTitle'), switcherPath: `/campaigns/${campaign.slug}/donate`, switcherForm: 'review-form' }, html`
<h1>${t('reviewTitle')}</h1>
<p>${t('reviewIntro')}</p>
${reviewRecords(campaign, records, context)}
<h2>${t('youAgreeTo')}</h2>
<ul>${purposeTitles}</ul>
${consentOperatorNotice(campaign, context.operator, locale)}
<p class="small">${t('consentVersion', { name: form.consentVersion })}</p>
<form method="post" action="/campaigns/${campaign.slug}/donate" id="review-form">
  ${hiddenCommon(context)}
  <input type="hidden" name="step" value="review">
  ${hiddenForm(campaign, form)}
  <input type="hidden" name="idempotency_key" value="${idempotencyKey}">
  <div class="button-row">
    <button type="submit" name="action" value="confirm" class="button button-primary">${t('confirmButton')}</button>
    <button type="submit" name="action" value="edit" class="button button-secondary">${t('changeButton')}</button>
  </div>
</form>`);
}

/** The code in groups that never break inside (a phone wraps only at the dashes); it still reads and copies as one code. */
function receiptGroups(receipt: string): SafeHtml {
  const groups = receipt.split('-');
  return html`${groups.map((group, index) => html`<span class="receipt-group">${group}</span>${index < groups.length - 1 ? html`-<wbr>` : ''}`)}`;
}

export function receiptPage(campaign: Campaign, receipt: DonationReceipt, context: PageContext): string {
  const { t, locale } = context;
  // The switcher posts the code to /my-donation/receipt, which shows this page again in the new
  // language: the code is "shown only once", and a link to another page would lose it.
  return layout({ locale, t, operator: context.operator, title: t('receiptTitle'), switcherPath: '/my-donation', switcherForm: 'receipt-language' }, html`
<h1>${t('receiptTitle')}</h1>
<p>${t('receiptRecords', { name: receipt.records })}</p>
<div class="receipt-box">
  <h2 id="receipt-label">${t('receiptCodeLabel')}</h2>
  <p class="receipt-code" id="receipt-code" aria-labelledby="receipt-label">${receiptGroups(receipt.receipt)}</p>
</div>
<p class="notice"><strong>${t('receiptKeep')}</strong> ${t('receiptShownOnce')}</p>
<form method="post" action="/receipt.txt">
  ${hiddenCommon(context)}
  <input type="hidden" name="receipt" value="${receipt.receipt}">
  <input type="hidden" name="campaign" value="${campaign.slug}">
  <button type="submit" class="button button-primary">${t('receiptDownload')}</button>
</form>
${receiptPackSection(receipt.receipt, context)}
<form method="post" action="/my-donation/receipt" id="receipt-language">
  ${hiddenCommon(context)}
  <input type="hidden" name="receipt" value="${receipt.receipt}">
</form>
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
