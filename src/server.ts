/**
 * Starts crowdaudit: configuration, database (created and migrated), campaigns, then listens.
 * SIGTERM and SIGINT stop new connections, let requests in flight finish, and close the
 * database cleanly, so no acknowledged donation is ever cut off.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import path from 'node:path';
import { createApp } from './app';
import type { AppDependencies } from './http/dependencies';
import { loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { purgeAndLog } from './donations/retention';
import { reportReleaseFailure } from './evidence/releases/report-release-failure';
import { openStore } from './storage/open-store';
import type { Store } from './storage/store';
import { loadOrCreateSecretFile } from './storage/secret-file';
import { LOCALES } from './campaigns/types';
import { loadIntlData } from './i18n/intl-formats';

export interface RunningServer {
  server: Server;
  store: Store;
  url: string;
  stop(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;
const DAY_MS = 86_400_000;
/** How often the server looks whether a campaign's next findings release is due (two cheap reads). */
const RELEASE_CHECK_MS = 60_000;

export async function startServer(config: Config): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const store = await openStore(config);
  let app;
  try {
    app = createApp({ store, config: { ...config, csrfSecret: csrfSecretOf(config) }, logger });
  } catch (error) {
    await store.close();
    throw error;
  }
  const dependencies = app.locals.dependencies as AppDependencies;
  // Donations past their campaign's retention go at start and then daily (issue 4).
  const { retention } = dependencies;
  await purgeAndLog(retention, logger);
  const housekeeping = setInterval(() => {
    void (async () => {
      try {
        const expired = await dependencies.donations.expireIdempotencyKeys();
        logger.info({ expired }, 'expired idempotency keys');
      } catch (error) {
        logger.error({ err: error }, 'expiring idempotency keys failed');
      }
      await purgeAndLog(retention, logger);
    })();
  }, DAY_MS);
  housekeeping.unref();
  // Releases are cut on time even when nobody looks at the findings (a look also cuts a due one).
  const releaseFindings = () => {
    for (const campaign of dependencies.campaigns.list()) {
      dependencies.findings.cutIfDue(campaign).catch((error: unknown) => reportReleaseFailure(logger, error, campaign));
    }
  };
  releaseFindings();
  const releases = setInterval(releaseFindings, RELEASE_CHECK_MS);
  releases.unref();

  // The languages' Intl data, loaded now rather than by the first request in each language.
  loadIntlData(LOCALES);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  logger.info({ port, campaigns: dependencies.campaigns.list().map((c) => c.slug) }, 'crowdaudit listening');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      clearInterval(housekeeping);
      clearInterval(releases);
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      force.unref();
      // Clients that keep their connection alive would go on sending on it, and the grace period
      // would end by cutting requests off mid-way: a donation committed (its sync to disk under
      // way) but never answered. Each request from now on is answered with its connection closed.
      server.prependListener('request', (_request, response) => response.setHeader('Connection', 'close'));
      server.close(() => {
        clearTimeout(force);
        const { jobs, renders } = dependencies.workerPools;
        void Promise.all([jobs.close(), renders.close()]).then(() => store.close()).finally(() => {
          logger.info('crowdaudit stopped');
          resolve();
        });
      });
      server.closeIdleConnections();
    });
    return stopping;
  };
  return { server, store, url, stop };
}

/**
 * CSRF_SECRET when set, else one kept beside the database (mode 0600): every process serving
 * that database shares it, and a restart leaves the forms donors have open valid.
 */
function csrfSecretOf(config: Config): string | undefined {
  if (config.csrfSecret || (config.databasePath === ':memory:' && !config.databaseUrl)) return config.csrfSecret;
  return loadOrCreateSecretFile(path.join(path.dirname(config.databasePath), 'csrf-secret'), () => randomBytes(32).toString('hex'));
}

/** Runs until SIGTERM/SIGINT. */
export async function runServer(config: Config = loadConfig()): Promise<void> {
  const running = await startServer(config);
  process.stdout.write(`crowdaudit is running at ${running.url}\n`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void running.stop().then(() => process.exit(0));
    });
  }
}

if (require.main === module) {
  runServer().catch((error: unknown) => {
    process.stderr.write(`crowdaudit could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
