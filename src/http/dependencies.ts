/**
 * What the routers need, built once by `createApp` and handed down: routers never open the
 * database or read configuration themselves.
 */
import type { Database } from 'better-sqlite3';
import type { AccessTokenService } from '../access/access-token-service';
import type { Logger } from 'pino';
import type { Campaign } from '../campaigns/types';
import type { Config } from '../config';
import type { DonationService } from '../donations/donation-service';
import type { PurposeWithdrawalService } from '../donations/purpose-withdrawal-service';
import type { FindingsReleases } from '../evidence/releases/findings-releases';
import type { CollectivePackService } from '../evidence/collective/collective-pack-service';
import type { PersonalPackService } from '../evidence/personal/personal-pack-service';
import type { SigningKey } from '../evidence/signing-key';
import type { OperatorProfile } from '../operator/operator-profile';
import type { CsrfProtection } from './middleware/csrf';

/** Read access to the loaded campaigns (the registry from `campaigns/load-campaigns`). */
export interface CampaignLookup {
  get(slug: string): Campaign | undefined;
  list(): Campaign[];
}

export interface AppDependencies {
  config: Config;
  db: Database;
  logger: Logger;
  /** Who runs this instance (or the demo stand-in), for /privacy, /imprint and the consent. */
  operator: OperatorProfile;
  campaigns: CampaignLookup;
  donations: DonationService;
  /** Withdrawing one optional purpose of a donation. */
  purposeWithdrawals: PurposeWithdrawalService;
  /** The campaigns' public findings, published in releases. */
  findings: FindingsReleases;
  /** Donors' personal evidence packs. */
  personalPacks: PersonalPackService;
  /** The Ed25519 key that signs collective packs. */
  signingKey: SigningKey;
  /** NGO and analyst access tokens. */
  accessTokens: AccessTokenService;
  /** Collective evidence packs (zip, signed, audit-logged). */
  collectivePacks: CollectivePackService;
  csrf: CsrfProtection;
}
