/** A fresh app on a fresh in-memory database, listening on loopback for a browser to visit. */
import type { Database } from 'better-sqlite3';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import type { AppDependencies } from '../../src/http/dependencies';
import { openDatabase } from '../../src/storage/open-database';
import { launchChromium } from './browser';
import { SqliteStore } from '../../src/storage/sqlite-store';

export interface ServedApp {
  url: string;
  db: Database;
  dependencies: AppDependencies;
  close(): Promise<void>;
}

export async function serveTestApp(): Promise<ServedApp> {
  const db = openDatabase(':memory:');
  const app = createApp({ store: new SqliteStore(db), config: testConfig() });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    db,
    dependencies: app.locals.dependencies as AppDependencies,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      db.close();
    },
  };
}

/** Collects the page's script errors and console errors and warnings (CSP violations are among them). */
export function watchConsole(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
}

/**
 * A served app and one Chromium for the tests of a describe block: started before them, closed
 * after. Call it in the block's body; read them through the getters inside tests.
 */
export function useServedAppInChromium(): { served: () => ServedApp; browser: () => Browser } {
  let served: ServedApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await serveTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return { served: () => served!, browser: () => browser! };
}
