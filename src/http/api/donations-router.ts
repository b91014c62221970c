/**
 * Donating (`POST /campaigns/:slug/donations`) and the donor's self-service with the receipt as
 * a Bearer credential (`GET`/`DELETE /donations/me`).
 */
import { Router, type Request, type RequestHandler } from 'express';
import { AppError, issuesFromZod, validationError } from '../../app-error';
import type { Campaign, DonationBody } from '../../campaigns/types';
import { idempotencyKeySchema } from '../../donations/idempotency';
import type { DonationView } from '../../donations/donation-service';
import { isLocale } from '../../i18n/locale';
import { bearerCredential } from '../bearer-credential';
import { donationOfReceipt } from './receipt-donation';
import { donationCsv } from '../donation-csv';
import type { AppDependencies } from '../dependencies';
import { csvUpload } from '../middleware/csv-upload';
import type { RateLimiters } from '../middleware/rate-limits';
import { donationsMeQuerySchema } from './api-schemas';
import { campaignOr404 } from './campaigns-router';
import { multipartDonationBody } from './multipart-donation';

function idempotencyKeyOf(req: Request): string | undefined {
  const header = req.get('idempotency-key');
  if (header === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw validationError(parsed.error.issues.map((issue) => ({ path: ['headers', 'idempotency-key'], message: issue.message })));
  }
  return parsed.data;
}

export function createDonationsRouter(dependencies: AppDependencies, limits: RateLimiters): Router {
  const router = Router();
  const { donations } = dependencies;

  const upload = csvUpload();
  const uploadWhenMultipart: RequestHandler = (req, res, next) => (req.is('multipart/form-data') ? upload(req, res, next) : next());

  const donationBodyOf = (req: Request, campaign: Campaign): DonationBody => {
    if (req.is('multipart/form-data')) return multipartDonationBody(campaign, req.body, req.file);
    if (!req.is('application/json')) {
      throw new AppError(415, 'unsupported_media_type', 'Send the donation as application/json, or as multipart/form-data with a CSV file.',
        [{ path: ['headers', 'content-type'], message: 'Expected application/json or multipart/form-data' }]);
    }
    const parsed = campaign.donationSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(issuesFromZod(parsed.error.issues));
    return parsed.data;
  };

  router.post('/campaigns/:slug/donations', limits.donations, uploadWhenMultipart, async (req, res) => {
    const campaign = campaignOr404(dependencies, String(req.params.slug));
    const idempotencyKey = idempotencyKeyOf(req);
    const body = donationBodyOf(req, campaign);
    const outcome = await donations.donateGrouped(campaign, body, idempotencyKey);
    if (outcome.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(201).set('Cache-Control', 'no-store').json(outcome.receipt);
  });

  const donationOf = (req: Request): Promise<DonationView> => donationOfReceipt(dependencies, req);

  router.get('/donations/me', limits.receipts, async (req, res) => {
    const query = donationsMeQuerySchema.safeParse(req.query);
    if (!query.success) throw validationError(issuesFromZod(query.error.issues).map((issue) => ({ ...issue, path: ['query', ...issue.path] })));
    const donation = await donationOf(req);
    res.set('Cache-Control', 'no-store');
    if (query.data.format === 'csv') {
      const campaign = campaignOr404(dependencies, donation.campaign);
      res.type('text/csv; charset=utf-8').attachment(`crowdaudit-${donation.campaign}-donation.csv`).send(donationCsv(campaign, donation, isLocale(donation.locale) ? donation.locale : 'en'));
      return;
    }
    res.json({ donation });
  });

  // One optional purpose withdrawn, the rest kept; a required one answers 409 (delete instead).
  router.delete('/donations/me/purposes/:purpose', limits.receipts, async (req, res) => {
    const withdrawal = await dependencies.purposeWithdrawals.withdraw(bearerCredential(req), String(req.params.purpose));
    if (!withdrawal) {
      throw new AppError(401, 'unknown_receipt', 'No donation matches this receipt code.', [], { 'WWW-Authenticate': 'Bearer realm="crowdaudit", error="invalid_token"' });
    }
    res.status(204).end();
  });

  router.delete('/donations/me', limits.receipts, async (req, res) => {
    if (!await donations.deleteByReceipt(bearerCredential(req))) {
      throw new AppError(401, 'unknown_receipt', 'No donation matches this receipt code.');
    }
    res.status(204).end();
  });

  return router;
}
