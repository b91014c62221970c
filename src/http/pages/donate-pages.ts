/**
 * The donation form without JavaScript: the form posts to itself with `action=review`, the review
 * page posts `action=confirm` (or `edit`), and the receipt page offers the code as a text file.
 * A random idempotency key in the review page makes a reload or double click harmless.
 */
import { Router, type Request, type RequestHandler } from 'express';
import { AppError } from '../../app-error';
import { campaignText } from '../../campaigns/localize';
import { normaliseReceipt } from '../../donations/receipt';
import { campaignOr404 } from '../api/campaigns-router';
import { csvUpload } from '../middleware/csv-upload';
import { CSRF_FIELD, csrfInvalid } from '../middleware/csrf';
import { csvTooLargePage, csvUploadPage, handleCsvDonation } from './csv-donation-flow';
import type { AppDependencies } from '../dependencies';
import { donationFormPage, receiptPage } from '../views/donation-views';
import { EMPTY_FORM } from './donation-form';
import { handleFormDonation } from './form-donation-flow';
import { formBody, pageContext, sendPage } from './page-context';

/** BASE_URL's default in config.ts: what the server assumes when the operator set none. */
const DEFAULT_BASE_URL = 'http://localhost:3000';

/**
 * Where the donor reaches this site: BASE_URL when the operator set it, else the address the
 * donor's browser used (the default http://localhost:3000 is wrong on any other port or host).
 * The file goes only to the person who asked, so a forged Host header fools no one else.
 */
function siteAddress(dependencies: AppDependencies, req: Request): string {
  const configured = dependencies.config.baseUrl;
  if (configured !== DEFAULT_BASE_URL) return configured;
  const host = req.get('host');
  return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `${req.protocol}://${host}` : configured;
}

export function createDonatePages(dependencies: AppDependencies): Router {
  const router = Router();
  const { csrf } = dependencies;
  // The review step carries the remaining rows as a hidden field, as large as the file may be;
  // every other field gets a few kB. The CSRF token (the form's first field) must come before the
  // file and the rows and is checked as soon as it has been read, so a request without a valid
  // one is refused before any megabytes are read.
  const upload = csvUpload({
    largeFields: ['records_csv'],
    tokenField: { name: CSRF_FIELD, check: (req, token) => (token !== undefined && csrf.validToken(req, token) ? undefined : csrfInvalid()) },
  });
  const uploadWhenMultipart: RequestHandler = (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next();
      return;
    }
    upload(req, res, (error?: unknown) => {
      // A file too big stops the upload before the form is read: the donor gets the form back,
      // in their language, rather than a bare error page. Nothing was stored, so no CSRF check is needed.
      const campaign = dependencies.campaigns.get(String(req.params.slug));
      if (error instanceof AppError && error.code === 'file_too_large' && campaign?.entry === 'csv' && campaign.status === 'open') {
        sendPage(res, csvTooLargePage(campaign, pageContext(dependencies, req, res)), 413);
        return;
      }
      next(error);
    });
  };

  const openCampaign = (slug: string) => {
    const campaign = campaignOr404(dependencies, slug);
    if (campaign.status !== 'open') throw new AppError(409, 'campaign_closed', `The campaign "${campaign.slug}" is closed.`);
    return campaign;
  };

  // Every campaign has the guided form; a campaign that takes many records also takes a CSV file.
  router.get('/campaigns/:slug/donate', (req, res) => {
    const campaign = openCampaign(String(req.params.slug));
    sendPage(res, donationFormPage(campaign, EMPTY_FORM, {}, pageContext(dependencies, req, res)));
  });

  router.get('/campaigns/:slug/donate/csv', (req, res) => {
    const campaign = openCampaign(String(req.params.slug));
    if (campaign.entry !== 'csv') throw new AppError(404, 'not_found', 'This campaign takes no CSV files.');
    sendPage(res, csvUploadPage(campaign, pageContext(dependencies, req, res)));
  });

  // Multipart (the CSV form): the upload checks the token first (above); csrf.protect checks it again.
  router.post('/campaigns/:slug/donate', uploadWhenMultipart, csrf.protect, async (req, res) => {
    const campaign = campaignOr404(dependencies, String(req.params.slug));
    if (campaign.entry === 'csv' && req.is('multipart/form-data')) {
      await handleCsvDonation(dependencies, campaign, req, res);
      return;
    }
    await handleFormDonation(dependencies, campaign, req, res);
  });

  // The receipt page again, in the language the switcher chose (under /my-donation: the same rate
  // limit as every other use of a receipt code). The code must belong to a donation.
  router.post('/my-donation/receipt', csrf.protect, async (req, res) => {
    const body = formBody(req);
    const typed = typeof body.receipt === 'string' ? body.receipt : '';
    const donation = await dependencies.donations.findByReceipt(typed);
    if (!donation) throw new AppError(404, 'not_found', 'No donation has this receipt code.');
    const campaign = campaignOr404(dependencies, donation.campaign);
    const receipt = { donationId: donation.id, receipt: typed, records: donation.records.length, contentSha256: donation.contentSha256 };
    sendPage(res, receiptPage(campaign, receipt, pageContext(dependencies, req, res)));
  });

  router.post('/receipt.txt', csrf.protect, (req, res) => {
    const body = formBody(req);
    const receipt = typeof body.receipt === 'string' && normaliseReceipt(body.receipt) ? body.receipt : undefined;
    if (!receipt) throw new AppError(400, 'invalid_input', 'No receipt code to save.', [{ path: ['receipt'], message: 'Missing or malformed' }]);
    const context = pageContext(dependencies, req, res);
    const campaign = typeof body.campaign === 'string' ? dependencies.campaigns.get(body.campaign) : undefined;
    const lines = [
      context.t('receiptFileIntro'),
      '',
      `${context.t('receiptFileCode')}: ${receipt}`,
      ...(campaign ? [`${context.t('receiptFileCampaign')}: ${campaignText(campaign, context.locale).title}`] : []),
      '',
      context.t('receiptKeep'),
      `${context.t('receiptFileWhere')}: ${siteAddress(dependencies, req)}/my-donation`,
    ];
    res.set('Cache-Control', 'no-store').type('text/plain; charset=utf-8').attachment('crowdaudit-receipt.txt').send(`${lines.join('\r\n')}\r\n`);
  });

  return router;
}
