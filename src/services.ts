/**
 * The composition root: every service of crowdaudit, built in one place from the configuration
 * and an open database — for the app and for every CLI command. A command run beside a server
 * therefore sees what the server sees: the campaigns of DATA_DICTIONARY_DIR with the operator in
 * their consent (so the consent hash stored with a seeded or imported donation is the server's),
 * the same release rules and the same signing key.
 */
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { AccessTokenService } from './access/access-token-service';
import { loadCampaigns } from './campaigns/load-campaigns';
import type { Campaign, CampaignLookup } from './campaigns/types';
import { loadConfig, type Config } from './config';
import { DonationService } from './donations/donation-service';
import { PurposeWithdrawalService } from './donations/purpose-withdrawal-service';
import { RetentionService } from './donations/retention';
import { CollectivePackService } from './evidence/collective/collective-pack-service';
import { loadRecipients, type Recipients } from './evidence/letters';
import { PersonalPackService } from './evidence/personal/personal-pack-service';
import { analyseFor } from './evidence/releases/analyse-in-worker';
import { FindingsReleases } from './evidence/releases/findings-releases';
import { releaseRuleOf } from './evidence/releases/release-rule';
import { loadOrCreateSigningKey, type SigningKey } from './evidence/signing-key';
import { createLogger } from './logger';
import { campaignsWithOperator } from './operator/operator-consent';
import { operatorProfile, type OperatorProfile } from './operator/operator-profile';
import { AuditLog } from './storage/audit-log';
import { ConsentWithdrawalRepository } from './storage/consent-withdrawal-repository';
import { DonationRepository } from './storage/donation-repository';
import { openDatabase } from './storage/open-database';
import { RetentionRepository } from './storage/retention-repository';
import { TokenRepository } from './storage/token-repository';

export interface Services {
  config: Config;
  db: Database;
  logger: Logger;
  /** Who runs this instance (or the demo notice), for /privacy, /imprint and the consent. */
  operator: OperatorProfile;
  campaigns: CampaignLookup;
  recipients: Recipients;
  auditLog: AuditLog;
  donations: DonationService;
  /** Withdrawing one optional consent purpose and keeping the donation. */
  purposeWithdrawals: PurposeWithdrawalService;
  /** Donations past their campaign's retention. */
  retention: RetentionService;
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
}

export interface BuildServicesOptions {
  db: Database;
  config: Config;
  logger?: Logger;
  /** Campaigns to use instead of those in `config.dataDictionaryDir` (tests). */
  campaigns?: CampaignLookup;
}

/** @throws Error when the operator, a campaign file or a release rule is invalid: nothing starts on a bad configuration. */
export function buildServices(options: BuildServicesOptions): Services {
  const { db, config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const recipients = loadRecipients();
  // Resolved before anything else: an unknown or ambiguous authority stops the server at start.
  const operator = operatorProfile(config.operator, recipients);
  const campaigns = campaignsWithOperator(options.campaigns ?? loadCampaigns(config.dataDictionaryDir), operator);
  // Every campaign's release rule is checked at start: a rule below k stops the server.
  const releaseRules = new Map(campaigns.list().map((campaign) => [campaign.slug, releaseRuleOf(campaign, config)]));
  const findings = new FindingsReleases(db, (campaign) => releaseRules.get(campaign.slug) ?? releaseRuleOf(campaign, config), {
    // Off the event loop: a release reads every record and fits a dozen models.
    analyse: analyseFor(db.memory ? ':memory:' : db.name),
    onBackgroundError: (error, campaign) => logger.error({ err: error, campaign: campaign.slug }, 'cutting a findings release failed'),
  });
  const signingKey = loadOrCreateSigningKey(config.signingKeyPath);
  const auditLog = new AuditLog(db);
  const donations = new DonationService(new DonationRepository(db), auditLog);
  return {
    config,
    db,
    logger,
    operator,
    campaigns,
    recipients,
    auditLog,
    donations,
    purposeWithdrawals: new PurposeWithdrawalService(donations, new ConsentWithdrawalRepository(db), auditLog, campaigns),
    retention: new RetentionService(new RetentionRepository(db), auditLog, campaigns),
    findings,
    personalPacks: new PersonalPackService(db, campaigns, findings, recipients),
    signingKey,
    accessTokens: new AccessTokenService(new TokenRepository(db)),
    collectivePacks: new CollectivePackService(db, findings, signingKey, auditLog),
  };
}

export interface OpenServicesOptions {
  /** `--db FILE`; else DATABASE_PATH, as the server. */
  databasePath?: string;
  environment?: NodeJS.ProcessEnv;
}

/**
 * For CLI commands: the configuration from the environment (with `--db` over DATABASE_PATH, so
 * the signing key and CSRF secret are those beside that database), the database opened and
 * migrated, and every service. Logs go to stderr: stdout is the command's output.
 */
export function openServices(options: OpenServicesOptions = {}): Services & { close(): void } {
  const environment = options.environment ?? process.env;
  const config = loadConfig(options.databasePath === undefined ? environment : { ...environment, DATABASE_PATH: options.databasePath });
  const db = openDatabase(config.databasePath);
  try {
    const services = buildServices({ db, config, logger: createLogger(config.logLevel, process.stderr) });
    return { ...services, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The campaign of `--campaign SLUG`, or an error naming the campaigns there are. */
export function campaignNamed(services: Pick<Services, 'campaigns'>, slug: string): Campaign {
  const campaign = services.campaigns.get(slug);
  if (!campaign) throw new Error(`Unknown campaign "${slug}". Known: ${services.campaigns.list().map((known) => known.slug).join(', ')}.`);
  return campaign;
}
