/**
 * The Express app, built from its dependencies and never listening: `server.ts` listens, tests
 * import `createApp` with an in-memory database.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { AccessTokenService } from './access/access-token-service';
import { loadCampaigns } from './campaigns/load-campaigns';
import type { Config } from './config';
import { DonationService } from './donations/donation-service';
import { PurposeWithdrawalService } from './donations/purpose-withdrawal-service';
import { CollectivePackService } from './evidence/collective/collective-pack-service';
import { loadRecipients } from './evidence/letters';
import { FindingsReleases } from './evidence/releases/findings-releases';
import { releaseRuleOf } from './evidence/releases/release-rule';
import { PersonalPackService } from './evidence/personal/personal-pack-service';
import { loadOrCreateSigningKey } from './evidence/signing-key';
import { createApiRouter } from './http/api';
import type { AppDependencies, CampaignLookup } from './http/dependencies';
import { createCsrfProtection } from './http/middleware/csrf';
import { errorHandler, notFoundHandler } from './http/middleware/error-handler';
import { createRateLimiters } from './http/middleware/rate-limits';
import { requestLogger } from './http/middleware/request-logger';
import { securityHeaders } from './http/middleware/security-headers';
import { createPagesRouter } from './http/pages';
import { createLogger } from './logger';
import { campaignsWithOperator } from './operator/operator-consent';
import { operatorProfile } from './operator/operator-profile';
import { AuditLog } from './storage/audit-log';
import { ConsentWithdrawalRepository } from './storage/consent-withdrawal-repository';
import { DonationRepository } from './storage/donation-repository';
import { TokenRepository } from './storage/token-repository';

export interface CreateAppOptions {
  db: Database;
  config: Config;
  logger?: Logger;
  campaigns?: CampaignLookup;
}

/** Where `public/` is, from `src/` (tests) and from `dist/src/` (built). */
const PUBLIC_DIRECTORY = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../public' : '../public');

export function buildDependencies(options: CreateAppOptions): AppDependencies {
  const { db, config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const recipients = loadRecipients();
  // Resolved before anything else: an unknown or ambiguous authority stops the server at start.
  const operator = operatorProfile(config.operator, recipients);
  const campaigns = campaignsWithOperator(options.campaigns ?? loadCampaigns(config.dataDictionaryDir), operator);
  // Every campaign's release rule is checked at start: a rule below k stops the server.
  const releaseRules = new Map(campaigns.list().map((campaign) => [campaign.slug, releaseRuleOf(campaign, config)]));
  const findings = new FindingsReleases(db, (campaign) => releaseRules.get(campaign.slug) ?? releaseRuleOf(campaign, config), {
    onBackgroundError: (error, campaign) => logger.error({ err: error, campaign: campaign.slug }, 'cutting a findings release failed'),
  });
  const signingKey = loadOrCreateSigningKey(config.signingKeyPath);
  const donations = new DonationService(new DonationRepository(db), new AuditLog(db));
  return {
    config,
    db,
    logger,
    operator,
    campaigns,
    donations,
    purposeWithdrawals: new PurposeWithdrawalService(donations, new ConsentWithdrawalRepository(db), new AuditLog(db), campaigns),
    findings,
    personalPacks: new PersonalPackService(db, campaigns, findings, recipients),
    signingKey,
    accessTokens: new AccessTokenService(new TokenRepository(db)),
    collectivePacks: new CollectivePackService(db, findings, signingKey, new AuditLog(db)),
    csrf: createCsrfProtection({ secret: config.csrfSecret, secureCookies: config.baseUrl.startsWith('https://') }),
  };
}

export function createApp(options: CreateAppOptions): Express {
  const dependencies = buildDependencies(options);
  const { config, logger } = dependencies;
  const limits = createRateLimiters(config.rateLimits);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');
  app.locals.dependencies = dependencies;

  app.use(requestLogger(logger));
  app.use(securityHeaders(config));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/static', express.static(PUBLIC_DIRECTORY, { index: false, maxAge: '1h' }));
  app.use('/api/v1', createApiRouter(dependencies, limits));

  app.use(cookieParser());
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 500 }));
  app.use('/my-donation', limits.receipts);
  app.post('/campaigns/:slug/donate', limits.donations);
  app.use(createPagesRouter(dependencies));

  app.use(notFoundHandler());
  app.use(errorHandler(logger, dependencies.operator));
  return app;
}
