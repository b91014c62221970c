/**
 * The Express app, built from its dependencies and never listening: `server.ts` listens, tests
 * import `createApp` with an in-memory database.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { createApiRouter } from './http/api';
import type { AppDependencies } from './http/dependencies';
import { createCsrfProtection } from './http/middleware/csrf';
import { errorHandler, notFoundHandler } from './http/middleware/error-handler';
import { DatabaseRateLimitStore, rateLimitClientKeySecret } from './http/middleware/database-rate-limit-store';
import { createRateLimiters } from './http/middleware/rate-limits';
import { requestLogger } from './http/middleware/request-logger';
import { securityHeaders } from './http/middleware/security-headers';
import { createPagesRouter } from './http/pages';
import { buildServices, type BuildServicesOptions } from './services';

export type CreateAppOptions = BuildServicesOptions;

/** Where `public/` is, from `src/` (tests) and from `dist/src/` (built). */
const PUBLIC_DIRECTORY = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../public' : '../public');

export function buildDependencies(options: CreateAppOptions): AppDependencies {
  const services = buildServices(options);
  const { config } = services;
  return {
    ...services,
    csrf: createCsrfProtection({ secret: config.csrfSecret, secureCookies: config.baseUrl.startsWith('https://') }),
    rateLimits: config.rateLimits ? services.store.rateLimits : undefined,
  };
}

export function createApp(options: CreateAppOptions): Express {
  const dependencies = buildDependencies(options);
  const { config, logger } = dependencies;
  const { rateLimits } = dependencies;
  // Every process on the database derives the same key from the shared CSRF secret (a random one
  // only where there is none: an in-memory database, with one process).
  const clientKeySecret = config.csrfSecret ? rateLimitClientKeySecret(config.csrfSecret) : randomBytes(32);
  const limits = createRateLimiters(rateLimits && ((limiter) => new DatabaseRateLimitStore(rateLimits, limiter, clientKeySecret)));

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
