/**
 * The composition root: every service of crowdaudit, built in one place from the configuration
 * and an open database — for the app and for every CLI command. A command run beside a server
 * therefore sees what the server sees: the campaigns of DATA_DICTIONARY_DIR with their population
 * margins and the operator in their consent (so the consent hash stored with a seeded or imported donation is the server's),
 * the same release rules and the same signing key.
 */
import type { Logger } from 'pino';
import { AccessTokenService } from './access/access-token-service';
import { campaignsWithMargins } from './campaigns/campaigns-with-margins';
import { loadCampaigns } from './campaigns/load-campaigns';
import type { Campaign, CampaignLookup } from './campaigns/types';
import { loadConfig, type Config } from './config';
import { DonationService } from './donations/donation-service';
import { PurposeWithdrawalService } from './donations/purpose-withdrawal-service';
import { RetentionService } from './donations/retention';
import { buildPackFor } from './evidence/collective/build-pack-in-worker';
import { CollectivePackService } from './evidence/collective/collective-pack-service';
import { loadAdvice } from './evidence/advice/country-advice';
import { checkCampaignRecipients, loadRecipients, type Recipients } from './evidence/letters';
import { PersonalPackService } from './evidence/personal/personal-pack-service';
import { renderPdfInWorker } from './evidence/personal/render-pdf';
import { buildPersonalPackFor } from './evidence/personal/build-personal-pack';
import { renderFindingsSectionFor, type RenderFindingsSection } from './http/views/render-findings-section';
import { findingsBodyFor, type MakeFindingsBody } from './http/api/findings-body';
import { FindingsReleases } from './evidence/releases/findings-releases';
import { reportReleaseFailure } from './evidence/releases/report-release-failure';
import { prepareReleaseFor } from './evidence/releases/prepare-release';
import { releaseRuleOf } from './evidence/releases/release-rule';
import { loadOrCreateSigningKey, type SigningKey } from './evidence/signing-key';
import { createLogger } from './logger';
import { campaignsWithOperator } from './operator/operator-consent';
import { operatorProfile, type OperatorProfile } from './operator/operator-profile';
import { openStore } from './storage/open-store';
import type { AuditStore, Store } from './storage/store';
import { WorkerPool } from './workers/worker-pool';

export interface Services {
  config: Config;
  /** The database, behind the storage seam (SQLite or PostgreSQL). */
  store: Store;
  logger: Logger;
  /** Who runs this instance (or the demo notice), for /privacy, /imprint and the consent. */
  operator: OperatorProfile;
  campaigns: CampaignLookup;
  recipients: Recipients;
  auditLog: AuditStore;
  donations: DonationService;
  /** Withdrawing one optional consent purpose and keeping the donation. */
  purposeWithdrawals: PurposeWithdrawalService;
  /** Donations past their campaign's retention. */
  retention: RetentionService;
  /** The campaigns' public findings, published in releases. */
  findings: FindingsReleases;
  /** Donors' personal evidence packs. */
  personalPacks: PersonalPackService;
  /** The findings page's section of a release in a language, drawn in a render thread. */
  renderFindingsSection: RenderFindingsSection;
  /** The findings API's answer for a release, written in a render thread. */
  findingsBody: MakeFindingsBody;
  /** The Ed25519 key that signs collective packs. */
  signingKey: SigningKey;
  /** NGO and analyst access tokens. */
  accessTokens: AccessTokenService;
  /** Collective evidence packs (zip, signed, audit-logged). */
  collectivePacks: CollectivePackService;
  /** The threads off the event loop: releases and collective packs (`jobs`); personal packs, PDFs and the findings API and page (`renders`). */
  workerPools: { jobs: WorkerPool; renders: WorkerPool };
}

export interface BuildServicesOptions {
  store: Store;
  config: Config;
  logger?: Logger;
  /** Campaigns to use instead of those in `config.dataDictionaryDir` (tests). */
  campaigns?: CampaignLookup;
}

/** @throws Error when the operator, a campaign file or a release rule is invalid: nothing starts on a bad configuration. */
export function buildServices(options: BuildServicesOptions): Services {
  const { store, config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const recipients = loadRecipients();
  // Resolved before anything else: an unknown or ambiguous authority stops the server at start.
  const operator = operatorProfile(config.operator, recipients);
  // Campaigns given by a test come as they are; those read from the directory bring their population margins.
  const campaigns = campaignsWithOperator(options.campaigns ?? campaignsWithMargins(loadCampaigns(config.dataDictionaryDir), config.dataDictionaryDir), operator);
  // A dictionary that maps an answer to an unknown recipient stops the start, naming the field.
  checkCampaignRecipients(recipients, campaigns.list());
  // Off the event loop, on the cores but one: releases and collective packs (threads that end
  // when done, giving their memory back), and PDFs and the findings page (a thread kept warm).
  const jobs = new WorkerPool({ keepIdleMs: 0 });
  const renders = new WorkerPool({ keepIdleMs: 60_000 });
  // Every campaign's release rule is checked at start: a rule below k stops the server.
  const releaseRules = new Map(campaigns.list().map((campaign) => [campaign.slug, releaseRuleOf(campaign, config)]));
  const findings = new FindingsReleases(store, (campaign) => releaseRules.get(campaign.slug) ?? releaseRuleOf(campaign, config), {
    // Off the event loop: a release reads every record and fits hundreds of models.
    prepare: prepareReleaseFor(store.location, jobs),
    onBackgroundError: (error, campaign) => reportReleaseFailure(logger, error, campaign),
  });
  const signingKey = loadOrCreateSigningKey(config.signingKeyPath);
  const donations = new DonationService(store);
  const advice = loadAdvice();
  return {
    config,
    store,
    logger,
    operator,
    campaigns,
    recipients,
    auditLog: store.auditLog,
    donations,
    purposeWithdrawals: new PurposeWithdrawalService(donations, store, campaigns),
    retention: new RetentionService(store, campaigns),
    findings,
    personalPacks: new PersonalPackService(campaigns, recipients, advice, buildPersonalPackFor(store.location, renders, findings, recipients, advice), renderPdfInWorker(renders)),
    renderFindingsSection: renderFindingsSectionFor(store.location, renders, signingKey.fingerprint, store),
    findingsBody: findingsBodyFor(store.location, renders, store),
    signingKey,
    accessTokens: new AccessTokenService(store.tokens),
    collectivePacks: new CollectivePackService(store, buildPackFor(store, findings, signingKey, jobs)),
    workerPools: { jobs, renders },
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
export async function openServices(options: OpenServicesOptions = {}): Promise<Services & { close(): Promise<void> }> {
  const environment = options.environment ?? process.env;
  const config = loadConfig(options.databasePath === undefined ? environment : databaseOption(environment, options.databasePath));
  const store = await openStore(config);
  try {
    const services = buildServices({ store, config, logger: createLogger(config.logLevel, process.stderr) });
    return { ...services, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** `--db` names a SQLite file, or a PostgreSQL URL (then it stands for DATABASE_URL). */
function databaseOption(environment: NodeJS.ProcessEnv, database: string): NodeJS.ProcessEnv {
  return /^postgres(ql)?:\/\//.test(database)
    ? { ...environment, DATABASE_URL: database }
    : { ...environment, DATABASE_PATH: database, DATABASE_URL: undefined };
}

/** The campaign of `--campaign SLUG`, or an error naming the campaigns there are. */
export function campaignNamed(services: Pick<Services, 'campaigns'>, slug: string): Campaign {
  const campaign = services.campaigns.get(slug);
  if (!campaign) throw new Error(`Unknown campaign "${slug}". Known: ${services.campaigns.list().map((known) => known.slug).join(', ')}.`);
  return campaign;
}
