/** The public findings in a real browser: every SVG parses as XML and renders, with no CSP violation. */
import { seedDemo } from '../../src/demo/seed-demo';
import { launchChromium } from './browser';
import { serveTestApp, watchConsole } from './served-app';

test('when the findings page is opened on a seeded campaign, then its charts render without errors', async () => {
  const served = await serveTestApp();
  const { dependencies } = served;
  seedDemo(dependencies.campaigns.get('platform-decisions')!, dependencies.donations, { count: 120, seed: 11 });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 375, height: 812 } })).newPage();
    const problems: string[] = [];
    watchConsole(page, problems);
    await page.goto(`${served.url}/campaigns/platform-decisions`);
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
    await served.close();
  }
}, 120_000);
