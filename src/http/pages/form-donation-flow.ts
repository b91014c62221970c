/**
 * The guided donation form without JavaScript: the form posts to itself. `add` and `remove:<n>`
 * change the record blocks and show the form again with every answer kept; `review` checks it
 * and shows the review page, which posts `confirm` (or `edit`). A change of language
 * (`switch_lang`) shows the same step again in the new language, nothing lost. A random
 * idempotency key in the review page makes a reload or double click harmless.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Campaign } from '../../campaigns/types';
import { idempotencyKeySchema } from '../../donations/idempotency';
import { formTranslator } from '../../i18n/form-messages';
import { isLocale } from '../../i18n/locale';
import type { AppDependencies } from '../dependencies';
import { donationFormPage, receiptPage, reviewPage } from '../views/donation-views';
import { checkDonationForm, readDonationForm, withoutEmptyRecords, withRecordAdded, withRecordRemoved } from './donation-form';
import { formBody, pageContext, sendPage } from './page-context';

export async function handleFormDonation(dependencies: AppDependencies, campaign: Campaign, req: Request, res: Response): Promise<void> {
  const context = pageContext(dependencies, req, res);
  const body = formBody(req);
  const form = readDonationForm(campaign, body);
  const action = typeof body.action === 'string' ? body.action : 'review';

  if (isLocale(body.switch_lang)) {
    // The same step again, in the new language. A review that no longer checks (it was edited by
    // hand, or the campaign changed) falls back to the form with its errors.
    const check = body.step === 'review' ? checkDonationForm(campaign, form, context.locale, context.t) : undefined;
    if (check?.ok) {
      const key = idempotencyKeySchema.safeParse(form.idempotencyKey);
      sendPage(res, reviewPage(campaign, form, check.body.records, key.success ? key.data : randomUUID(), context));
    } else {
      sendPage(res, donationFormPage(campaign, form, check && !check.ok ? check.errors : {}, context));
    }
    return;
  }
  if (action === 'edit') {
    sendPage(res, donationFormPage(campaign, form, {}, context));
    return;
  }
  // The page comes back scrolled to the block concerned (the button's formaction has its #fragment);
  // the notice says what happened, for those who cannot see the page move.
  const ft = formTranslator(context.locale);
  if (action === 'add') {
    const added = withRecordAdded(campaign, form);
    sendPage(res, donationFormPage(campaign, added, {}, context, added === form ? undefined : ft('recordAdded', { number: added.records.length })));
    return;
  }
  if (action.startsWith('remove:')) {
    const removed = withRecordRemoved(form, Number(action.slice('remove:'.length)));
    sendPage(res, donationFormPage(campaign, removed, {}, context, removed === form ? undefined : ft('recordRemoved')));
    return;
  }
  if (form.consentVersion !== campaign.consent.version) {
    sendPage(res, donationFormPage(campaign, { ...form, purposes: [] }, {}, context, context.t('consentOutdated')), 409);
    return;
  }
  // A block added and never filled is dropped, not reported as a record full of missing answers.
  const filled = withoutEmptyRecords(form);
  const check = checkDonationForm(campaign, filled, context.locale, context.t);
  if (!check.ok) {
    sendPage(res, donationFormPage(campaign, filled, check.errors, context), 400);
    return;
  }
  if (action !== 'confirm') {
    sendPage(res, reviewPage(campaign, filled, check.body.records, randomUUID(), context));
    return;
  }
  const key = idempotencyKeySchema.safeParse(form.idempotencyKey);
  const outcome = await dependencies.donations.donate(campaign, check.body, key.success ? key.data : undefined);
  sendPage(res, receiptPage(campaign, outcome.receipt, context), 201);
}
