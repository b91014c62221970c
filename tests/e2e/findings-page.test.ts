/** The public findings in a real browser: every SVG parses as XML and renders, with no CSP violation. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config';
import { seedDemo } from '../../src/demo/seed-demo';
import type { AppDependencies } from '../../src/http/dependencies';
import { openDatabase } from '../../src/storage/open-database';
import { launchChromium } from './browser';

test('when the findings page is opened on a seeded campaign, then its charts render without errors', async () => {
  const db = openDatabase(':memory:');
  const app = createApp({ db, config: testConfig() });
  const dependencies = app.locals.dependencies as AppDependencies;
  seedDemo(dependencies.campaigns.get('platform-decisions')!, dependencies.donations, { count: 120, seed: 11 });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 375, height: 812 } })).newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/campaigns/platform-decisions`);
    const charts = await page.$$eval('figure.chart svg', (svgs) => svgs.map((svg) => ({
      parses: new DOMParser().parseFromString(new XMLSerializer().serializeToString(svg), 'image/svg+xml').querySelector('parsererror') === null,
      width: svg.getBoundingClientRect().width,
      title: svg.querySelector('title')?.textContent ?? '',
    })));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.parses).toBe(true);
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.width).toBeLessThanOrEqual(375);
      expect(chart.title).toMatch(/ selon /);
    }
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    db.close();
  }
}, 120_000);
