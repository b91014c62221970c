/**
 * Withdrawing one optional purpose of a donation and keeping the rest (GDPR Art. 7(3): as easy
 * to withdraw as to give, purpose by purpose, as it was given). The purposes still agreed to are
 * what every reader filters on, so e.g. the NGO pack drops the donation's records at once.
 * A required purpose cannot go alone: without it there is no donation, so it is deleted whole.
 */
import { AppError } from '../app-error';
import type { CampaignLookup } from '../campaigns/types';
import type { Store } from '../storage/store';
import type { DonationService, DonationView } from './donation-service';

export const PURPOSE_WITHDRAWN = 'donation.purpose-withdrawn';

export interface PurposeWithdrawal {
  /** `already-withdrawn`: the donation did not hold the purpose (withdrawing twice changes nothing). */
  outcome: 'withdrawn' | 'already-withdrawn';
  donation: DonationView;
}

export class PurposeWithdrawalService {
  constructor(
    private readonly donations: DonationService,
    private readonly store: Store,
    private readonly campaigns: CampaignLookup,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Withdraws `purpose` from the donation behind the receipt; undefined for an unknown receipt.
   * @throws AppError 400 for a purpose the campaign does not have, 409 for a required one.
   */
  withdraw(typedReceipt: string, purpose: string): Promise<PurposeWithdrawal | undefined> {
    return this.store.transaction(async (tx): Promise<PurposeWithdrawal | undefined> => {
      const donation = await this.donations.findByReceipt(typedReceipt, tx);
      if (!donation) return undefined;
      const definition = this.campaigns.get(donation.campaign)?.consent.purposes.find((candidate) => candidate.id === purpose);
      if (!definition) {
        const known = this.campaigns.get(donation.campaign)?.consent.purposes.filter((candidate) => !candidate.required).map((candidate) => candidate.id) ?? [];
        throw new AppError(400, 'invalid_input', `This campaign has no purpose "${purpose}".`, [{ path: ['purpose'], message: `Expected one of ${known.join(', ')}` }]);
      }
      if (definition.required) {
        throw new AppError(409, 'purpose_required',
          `The purpose "${purpose}" is needed for every donation and cannot be withdrawn alone. Delete the whole donation instead.`,
          [{ path: ['purpose'], message: 'Required purpose: delete the donation instead' }]);
      }
      if (!donation.consent.purposes.includes(purpose)) return { outcome: 'already-withdrawn', donation };
      const remaining = donation.consent.purposes.filter((given) => given !== purpose);
      const withdrawnOn = this.now().toISOString().slice(0, 10);
      await tx.consentWithdrawals.setPurposes(donation.id, remaining);
      await tx.consentWithdrawals.insert({ donationId: donation.id, purpose, consentVersion: donation.consent.version, consentSha256: donation.consent.sha256, withdrawnOn });
      // What and under which consent, never whose: no donation id, no receipt.
      await tx.auditLog.write({ action: PURPOSE_WITHDRAWN, campaignSlug: donation.campaign, actor: 'donor', detail: { purpose, consentVersion: donation.consent.version } }, this.now());
      return { outcome: 'withdrawn', donation: { ...donation, consent: { ...donation.consent, purposes: remaining } } };
    });
  }
}
