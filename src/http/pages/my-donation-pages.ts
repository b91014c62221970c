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
import { controllerOfRecord, controllersFor } from '../../evidence/letters';
import type { DonorDetails } from '../../evidence/personal/pack-letters';
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
  const { recipients, advice } = dependencies.personalPacks;
  const campaign = campaignOr404(dependencies, donation.campaign);
  return {
    controllers: controllersFor(recipients, campaign).map((controller) => ({ slug: controller.slug, name: controller.name })),
    defaultController: controllerOfRecord(campaign, donation.records[0]),
    countries: [...new Set(recipients.authorities.flatMap((authority) => authority['relevant-countries']))].filter((country) => /^[a-z]{2}$/.test(country)),
    lands: Object.keys(advice.get('de')?.complaintAuthorityByLand ?? {}),
  };
}

/** The details that fill the letters: checked for length, used for this answer only, never stored or logged. */
const donorDetailsSchema = z.object({
  name: z.string().max(300).optional(),
  address: z.string().max(300).optional(),
  email: z.string().max(300).optional(),
  birthdate: z.string().max(100).optional(),
  account: z.string().max(4000).optional(),
});

function donorDetails(body: Record<string, unknown>): DonorDetails {
  const parsed = donorDetailsSchema.safeParse({ name: body.name, address: body.address, email: body.email, birthdate: body.birthdate, account: body.account });
  if (!parsed.success) throw new AppError(400, 'invalid_input', 'A detail for the letters is too long.', parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)], message: issue.message })));
  return parsed.data;
}

export function createMyDonationPages(dependencies: AppDependencies): Router {
  const router = Router();
  const { csrf, donations } = dependencies;

  router.get('/my-donation', (req, res) => {
    sendPage(res, receiptEntryPage(pageContext(dependencies, req, res)));
  });

  router.post('/my-donation', csrf.protect, async (req, res) => {
    const context = pageContext(dependencies, req, res);
    const receipt = typedReceipt(req);
    const donation = await donations.findByReceipt(receipt);
    if (!donation) {
      sendPage(res, receiptEntryPage(context, true), 404);
      return;
    }
    const page = Number(formBody(req).page ?? 1);
    sendPage(res, donationPage(campaignOr404(dependencies, donation.campaign), donation, receipt, context, evidenceChoices(dependencies, donation), page));
  });

  router.post('/my-donation/evidence', csrf.protect, async (req, res) => {
    const body = formBody(req);
    const donation = await donations.findByReceipt(typedReceipt(req));
    if (!donation) {
      sendPage(res, receiptEntryPage(pageContext(dependencies, req, res), true), 404);
      return;
    }
    const query = parseEvidenceQuery(dependencies, donation.campaign, { format: body.format, controller: body.controller || undefined, country: body.country || undefined, land: body.land || undefined }, ['body']);
    const { locale } = pageContext(dependencies, req, res);
    const pack = await dependencies.personalPacks.build(donation, { locale, controller: query.controller, country: query.country, land: query.land, details: donorDetails(body) });
    await sendPersonalPack(res, pack, donation.id, query.format, locale, dependencies.personalPacks.renderPdf);
  });

  router.post('/my-donation/download', csrf.protect, async (req, res) => {
    const format = downloadFormat.safeParse(formBody(req).format);
    if (!format.success) throw new AppError(400, 'invalid_input', 'Choose json or csv.', [{ path: ['format'], message: 'Expected json or csv' }]);
    const donation = await donations.findByReceipt(typedReceipt(req));
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

  router.post('/my-donation/purposes/withdraw', csrf.protect, async (req, res) => {
    const context = pageContext(dependencies, req, res);
    const receipt = typedReceipt(req);
    const purpose = formBody(req).purpose;
    if (typeof purpose !== 'string') throw new AppError(400, 'invalid_input', 'Choose the purpose to withdraw.', [{ path: ['purpose'], message: 'Required' }]);
    let withdrawal;
    try {
      withdrawal = await dependencies.purposeWithdrawals.withdraw(receipt, purpose);
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

  router.post('/my-donation/delete', csrf.protect, async (req, res) => {
    const context = pageContext(dependencies, req, res);
    const receipt = typedReceipt(req);
    if (formBody(req).confirm !== 'yes') {
      if (!(await donations.findByReceipt(receipt))) {
        sendPage(res, receiptEntryPage(context, true), 404);
        return;
      }
      sendPage(res, deleteConfirmPage(receipt, context));
      return;
    }
    if (!(await donations.deleteByReceipt(receipt))) {
      sendPage(res, receiptEntryPage(context, true), 404);
      return;
    }
    sendPage(res, deletedPage(context));
  });

  return router;
}
