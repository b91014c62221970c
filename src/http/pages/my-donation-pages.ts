/**
 * `/my-donation`: the receipt is typed into a form and travels only in POST bodies, never in a
 * URL, so it cannot end up in a history, a log or a Referer.
 */
import { localeOf } from '../../i18n/locale';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { AppError } from '../../app-error';
import { campaignOr404 } from '../api/campaigns-router';
import type { AppDependencies } from '../dependencies';
import { donationCsv } from '../donation-csv';
import { deleteConfirmPage, deletedPage, donationPage, receiptEntryPage, type EvidenceChoices } from '../views/my-donation-views';
import { CAMPAIGN_CONTROLLERS, controllersFor } from '../../evidence/letters';
import type { DonationView } from '../../donations/donation-service';
import { parseEvidenceQuery, sendPersonalPack } from '../api/personal-evidence-router';
import { purposeWithdrawnPage, requiredPurposePage } from '../views/purpose-withdrawal-views';
import { formBody, pageContext, sendPage } from './page-context';

const downloadFormat = z.enum(['json', 'csv']);

function typedReceipt(req: Request): string {
  const receipt = formBody(req).receipt;
  return typeof receipt === 'string' ? receipt : '';
}

function evidenceChoices(dependencies: AppDependencies, donation: DonationView): EvidenceChoices {
  const { recipients } = dependencies.personalPacks;
  const choice = CAMPAIGN_CONTROLLERS[donation.campaign];
  const record = donation.records[0];
  return {
    controllers: controllersFor(recipients, donation.campaign).map((controller) => ({ slug: controller.slug, name: controller.name })),
    defaultController: choice && record ? choice.byValue[String(record[choice.field])] : undefined,
    countries: [...new Set(recipients.authorities.flatMap((authority) => authority['relevant-countries']))].filter((country) => /^[a-z]{2}$/.test(country)),
  };
}

export function createMyDonationPages(dependencies: AppDependencies): Router {
  const router = Router();
  const { csrf, donations } = dependencies;

  router.get('/my-donation', (req, res) => {
    sendPage(res, receiptEntryPage(pageContext(dependencies, req, res)));
  });

  router.post('/my-donation', csrf.protect, (req, res) => {
    const context = pageContext(dependencies, req, res);
    const receipt = typedReceipt(req);
    const donation = donations.findByReceipt(receipt);
    if (!donation) {
      sendPage(res, receiptEntryPage(context, true), 404);
      return;
    }
    const page = Number(formBody(req).page ?? 1);
    sendPage(res, donationPage(campaignOr404(dependencies, donation.campaign), donation, receipt, context, evidenceChoices(dependencies, donation), page));
  });

  router.post('/my-donation/evidence', csrf.protect, async (req, res) => {
    const body = formBody(req);
    const donation = donations.findByReceipt(typedReceipt(req));
    if (!donation) {
      sendPage(res, receiptEntryPage(pageContext(dependencies, req, res), true), 404);
      return;
    }
    const query = parseEvidenceQuery(dependencies, donation.campaign, { format: body.format, controller: body.controller, country: body.country }, ['body']);
    const { locale } = pageContext(dependencies, req, res);
    const pack = await dependencies.personalPacks.build(donation, { locale, controller: query.controller, country: query.country });
    await sendPersonalPack(res, pack, donation.id, query.format, locale);
  });

  router.post('/my-donation/download', csrf.protect, (req, res) => {
    const format = downloadFormat.safeParse(formBody(req).format);
    if (!format.success) throw new AppError(400, 'invalid_input', 'Choose json or csv.', [{ path: ['format'], message: 'Expected json or csv' }]);
    const donation = donations.findByReceipt(typedReceipt(req));
    if (!donation) {
      sendPage(res, receiptEntryPage(pageContext(dependencies, req, res), true), 404);
      return;
    }
    res.set('Cache-Control', 'no-store');
    const fileName = `crowdaudit-${donation.campaign}-donation.${format.data}`;
    if (format.data === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(fileName).send(donationCsv(campaignOr404(dependencies, donation.campaign), donation, localeOf(req)));
    } else {
      res.type('application/json').attachment(fileName).send(JSON.stringify({ donation }, null, 2));
    }
  });

  router.post('/my-donation/purposes/withdraw', csrf.protect, (req, res) => {
    const context = pageContext(dependencies, req, res);
    const receipt = typedReceipt(req);
    const purpose = formBody(req).purpose;
    if (typeof purpose !== 'string') throw new AppError(400, 'invalid_input', 'Choose the purpose to withdraw.', [{ path: ['purpose'], message: 'Required' }]);
    let withdrawal;
    try {
      withdrawal = dependencies.purposeWithdrawals.withdraw(receipt, purpose);
    } catch (error) {
      if (error instanceof AppError && error.code === 'purpose_required') {
        sendPage(res, requiredPurposePage(receipt, context), 409);
        return;
      }
      throw error;
    }
    if (!withdrawal) {
      sendPage(res, receiptEntryPage(context, true), 404);
      return;
    }
    const campaign = campaignOr404(dependencies, withdrawal.donation.campaign);
    const title = campaign.consent.purposes.find((candidate) => candidate.id === purpose)!.title[context.locale];
    sendPage(res, purposeWithdrawnPage(title, receipt, context));
  });

  router.post('/my-donation/delete', csrf.protect, (req, res) => {
    const context = pageContext(dependencies, req, res);
    const receipt = typedReceipt(req);
    if (formBody(req).confirm !== 'yes') {
      if (!donations.findByReceipt(receipt)) {
        sendPage(res, receiptEntryPage(context, true), 404);
        return;
      }
      sendPage(res, deleteConfirmPage(receipt, context));
      return;
    }
    if (!donations.deleteByReceipt(receipt)) {
      sendPage(res, receiptEntryPage(context, true), 404);
      return;
    }
    sendPage(res, deletedPage(context));
  });

  return router;
}
