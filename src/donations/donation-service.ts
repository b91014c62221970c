/**
 * Donating, reading back and withdrawing. The body has been validated by the campaign's zod
 * schema at the edge; this service enforces what the schema cannot: the campaign is open, the
 * donor saw the current consent text and agreed to every required purpose, and a retried
 * request returns the first answer. One donation is one transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../app-error';
import type { Campaign, DonationBody, RecordValues } from '../campaigns/types';
import { canonicalJson } from '../canonical-json';
import type { DonationRow } from '../storage/donation-repository';
import type { Repositories, Store } from '../storage/store';
import { missingRequiredPurposes } from './consent';
import { idempotencyKeyHash, openResponse, sealResponse } from './idempotency';
import { generateReceipt, hashReceipt, hashesEqual, normaliseReceipt } from './receipt';

/** The answer to a donation: shown once, never stored readable. */
export interface DonationReceipt {
  donationId: string;
  receipt: string;
  records: number;
  contentSha256: string;
}

export interface DonationOutcome {
  receipt: DonationReceipt;
  /** True when an earlier answer was returned for the same Idempotency-Key. */
  replayed: boolean;
}

/** A donation as its donor sees it. */
export interface DonationView {
  id: string;
  campaign: string;
  campaignVersion: string;
  createdOn: string;
  locale: string;
  receiptSha256: string;
  consent: { version: string; sha256: string; purposes: string[] };
  contentSha256: string;
  records: RecordValues[];
}

/** Idempotency records are kept this long; a retry after that is a new donation. */
const IDEMPOTENCY_DAYS = 1;

export class DonationService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Donates in a transaction of its own (scripts, the form pages). */
  donate(campaign: Campaign, body: DonationBody, idempotencyKey?: string): Promise<DonationOutcome> {
    const write = this.prepareDonation(campaign, body, idempotencyKey);
    return this.store.transaction(write);
  }

  /**
   * Donates in a transaction shared with the donations arriving at the same moment (group
   * commit): the same checks and writes, one flush to disk for all, answered after it.
   */
  donateGrouped(campaign: Campaign, body: DonationBody, idempotencyKey?: string): Promise<DonationOutcome> {
    return this.store.groupedTransaction(this.prepareDonation(campaign, body, idempotencyKey));
  }

  /** Checks what needs no database, and returns the writes to run inside a transaction. */
  private prepareDonation(campaign: Campaign, body: DonationBody, idempotencyKey?: string): (tx: Repositories) => Promise<DonationOutcome> {
    this.checkConsent(campaign, body);
    // Only a retry can be compared with its first request; without a key there is nothing to hash.
    const requestSha256 = idempotencyKey ? sha256(canonicalJson({ campaign: campaign.slug, body })) : '';
    const keyHash = idempotencyKey ? idempotencyKeyHash(campaign.slug, idempotencyKey) : undefined;

    return async (tx): Promise<DonationOutcome> => {
      if (keyHash && idempotencyKey) {
        const earlier = await tx.donations.findIdempotency(keyHash);
        if (earlier) {
          if (earlier.requestSha256 !== requestSha256) {
            throw new AppError(422, 'idempotency_key_reused',
              'This Idempotency-Key was already used for a different donation. Use a new key for a new donation.');
          }
          return { receipt: openResponse<DonationReceipt>(campaign.slug, idempotencyKey, earlier.sealedResponse), replayed: true };
        }
      }
      const receipt = generateReceipt();
      const row: DonationRow = {
        id: randomUUID(),
        campaignSlug: campaign.slug,
        campaignVersion: campaign.version,
        receiptHash: hashReceipt(normaliseReceipt(receipt)!),
        consentVersion: body.consent.version,
        consentSha256: campaign.consentSha256,
        purposesJson: JSON.stringify([...body.consent.purposes].sort()),
        locale: body.locale ?? 'en',
        contentSha256: sha256(canonicalJson(body.records)),
        recordCount: body.records.length,
        createdOn: this.today(),
      };
      await tx.donations.insertDonation(row, body.records);
      const answer: DonationReceipt = { donationId: row.id, receipt, records: row.recordCount, contentSha256: row.contentSha256 };
      if (keyHash && idempotencyKey) {
        await tx.donations.insertIdempotency({
          keyHash,
          campaignSlug: campaign.slug,
          requestSha256,
          donationId: row.id,
          sealedResponse: sealResponse(campaign.slug, idempotencyKey, answer),
          createdOn: row.createdOn,
        });
      }
      return { receipt: answer, replayed: false };
    };
  }

  /**
   * The donation behind a receipt, or undefined for an unknown or malformed receipt.
   * @param repositories inside a transaction, its repositories
   */
  async findByReceipt(typedReceipt: string, repositories: Repositories = this.store): Promise<DonationView | undefined> {
    const row = await this.rowForReceipt(typedReceipt, repositories);
    if (!row) return undefined;
    return {
      id: row.id,
      campaign: row.campaignSlug,
      campaignVersion: row.campaignVersion,
      createdOn: row.createdOn,
      locale: row.locale,
      receiptSha256: row.receiptHash,
      consent: { version: row.consentVersion, sha256: row.consentSha256, purposes: JSON.parse(row.purposesJson) as string[] },
      contentSha256: row.contentSha256,
      records: await repositories.donations.recordsOf(row.id),
    };
  }

  /** Withdraws the donation everywhere; false when the receipt matches nothing. */
  async deleteByReceipt(typedReceipt: string): Promise<boolean> {
    const row = await this.rowForReceipt(typedReceipt, this.store);
    if (!row) return false;
    // First on disk in the erasure log, so that a restored backup (or a crash right now) cannot bring it back.
    await this.store.erasure.recordErasure(row.id, this.now());
    await this.store.transaction(async (tx) => {
      await tx.donations.deleteDonation(row.id);
      await tx.auditLog.write(
        { action: 'donation.deleted', campaignSlug: row.campaignSlug, actor: 'donor', detail: { records: row.recordCount } },
        this.now(),
      );
    });
    // The deletion is committed; now its old bytes leave the WAL too (or as soon as readers let go).
    await this.store.erasure.afterDeletion();
    return true;
  }

  /** Drops idempotency records older than a day; their donations stay. */
  async expireIdempotencyKeys(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - IDEMPOTENCY_DAYS * 86_400_000);
    const expired = await this.store.donations.deleteIdempotencyBefore(cutoff.toISOString().slice(0, 10));
    // A sealed answer holds a receipt (encrypted); it should not outlive its key in the WAL either.
    if (expired > 0) await this.store.erasure.afterDeletion();
    return expired;
  }

  private checkConsent(campaign: Campaign, body: DonationBody): void {
    if (campaign.status !== 'open') {
      throw new AppError(409, 'campaign_closed', `The campaign "${campaign.slug}" is closed and takes no donations.`);
    }
    if (body.consent.version !== campaign.consent.version) {
      throw new AppError(422, 'consent_outdated',
        `The consent text has changed (you agreed to version ${body.consent.version}, the current one is ${campaign.consent.version}). Please read it again.`,
        [{ path: ['consent', 'version'], message: `Current version is ${campaign.consent.version}` }]);
    }
    const missing = missingRequiredPurposes(campaign, body.consent.purposes);
    if (missing.length > 0) {
      throw new AppError(422, 'consent_required',
        `Consent to ${missing.join(', ')} is required to donate.`,
        [{ path: ['consent', 'purposes'], message: `Must include ${missing.join(', ')}` }]);
    }
  }

  private async rowForReceipt(typedReceipt: string, repositories: Repositories): Promise<DonationRow | undefined> {
    const normalised = normaliseReceipt(typedReceipt);
    if (!normalised) return undefined;
    const receiptHash = hashReceipt(normalised);
    const row = await repositories.donations.findByReceiptHash(receiptHash);
    return row && hashesEqual(row.receiptHash, receiptHash) ? row : undefined;
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
