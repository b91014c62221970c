/** On /my-donation: withdraw one optional purpose and keep the rest of the donation. */
import { campaignText } from '../../campaigns/localize';
import type { Campaign } from '../../campaigns/types';
import type { DonationView } from '../../donations/donation-service';
import { privacyTranslator } from '../../i18n/privacy-messages';
import type { PageContext } from './donation-views';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

function hidden(context: PageContext, receipt: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${context.csrfToken}"><input type="hidden" name="lang" value="${context.locale}"><input type="hidden" name="receipt" value="${receipt}">`;
}

/** One button per optional purpose the donation still holds (a POST with the receipt, never a link). */
export function purposeWithdrawalSection(campaign: Campaign, donation: DonationView, receipt: string, context: PageContext): SafeHtml {
  const pt = privacyTranslator(context.locale);
  // A required purpose never has a button: without it there is no donation, so it goes by deleting.
  const withdrawable = campaignText(campaign, context.locale).purposes.filter((purpose) => !purpose.required && donation.consent.purposes.includes(purpose.id));
  return html`<section class="purpose-withdrawal" aria-labelledby="withdraw-purpose-heading">
  <h2 id="withdraw-purpose-heading">${pt('withdrawPurposeHeading')}</h2>
  ${withdrawable.length === 0
    ? html`<p>${pt('withdrawPurposeNone')}</p>`
    : html`<p>${pt('withdrawPurposeIntro')}</p>
  <div class="button-row">${withdrawable.map((purpose) => html`<form method="post" action="/my-donation/purposes/withdraw">${hidden(context, receipt)}<button type="submit" name="purpose" value="${purpose.id}" class="button button-secondary">${pt('withdrawPurposeButton', { name: purpose.title })}</button></form>`)}</div>`}
</section>`;
}

/** After a withdrawal: what stopped, and the way back to the donation (a POST with the receipt). */
export function purposeWithdrawnPage(purposeTitle: string, receipt: string, context: PageContext): string {
  const { t, locale } = context;
  const pt = privacyTranslator(locale);
  return layout({ locale, t, operator: context.operator, title: pt('purposeWithdrawnTitle'), switcherPath: '/my-donation' }, html`
<h1>${pt('purposeWithdrawnTitle')}</h1>
<p role="status">${pt('purposeWithdrawnText', { name: purposeTitle })}</p>
<form method="post" action="/my-donation">${hidden(context, receipt)}<button type="submit" name="action" value="view" class="button button-secondary">${t('myDonationTitle')}</button></form>`);
}

/** A required purpose was asked to go alone: say why not, and where the whole deletion is. */
export function requiredPurposePage(receipt: string, context: PageContext): string {
  const { t, locale } = context;
  const pt = privacyTranslator(locale);
  return layout({ locale, t, operator: context.operator, title: pt('withdrawPurposeHeading'), switcherPath: '/my-donation' }, html`
<h1>${pt('withdrawPurposeHeading')}</h1>
<div class="error-summary" role="alert"><p>${pt('requiredPurposeRefused')}</p></div>
<div class="button-row">
  <form method="post" action="/my-donation/delete">${hidden(context, receipt)}<button type="submit" class="button button-danger">${t('deleteButton')}</button></form>
  <form method="post" action="/my-donation">${hidden(context, receipt)}<button type="submit" name="action" value="view" class="button button-secondary">${t('cancel')}</button></form>
</div>`);
}
