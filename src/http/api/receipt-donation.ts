import type { Request } from 'express';
import { AppError } from '../../app-error';
import type { DonationView } from '../../donations/donation-service';
import { bearerCredential } from '../bearer-credential';
import type { AppDependencies } from '../dependencies';

/** The donation whose receipt is the request's Bearer credential; 401 when none matches. */
export async function donationOfReceipt(dependencies: Pick<AppDependencies, 'donations'>, req: Request): Promise<DonationView> {
  const donation = await dependencies.donations.findByReceipt(bearerCredential(req));
  if (!donation) {
    throw new AppError(401, 'unknown_receipt', 'No donation matches this receipt code.', [], {
      'WWW-Authenticate': 'Bearer realm="crowdaudit", error="invalid_token"',
    });
  }
  return donation;
}
