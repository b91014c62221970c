/**
 * Accessible by test: axe-core on every donor page — home, campaign with findings, form, form
 * with errors, review, receipt, /my-donation (entry, not found, the donation), the CSV upload,
 * its review and column guide, privacy, the personal evidence pack's HTML — in English, German
 * and French; any violation fails. Also: the focus ring has 3:1 against the page, and the error
 * summary takes focus when a form comes back with errors.
 */
import type { Page } from 'playwright-core';
import { LOCALES, type Locale } from '../../src/campaigns/types';
import { seedDemo } from '../../src/demo/seed-demo';
import { axeViolations, type AxeViolation } from './axe';
import { useServedAppInChromium } from './served-app';

describe('accessibility', () => {
  const { served, browser } = useServedAppInChromium();

  beforeAll(async () => {
    const { campaigns, donations } = served().dependencies;
    await seedDemo(campaigns.get('credit-scores')!, donations, { count: 120, seed: 7 });
    await seedDemo(campaigns.get('platform-decisions')!, donations, { count: 60, seed: 7 });
  });

  async function check(page: Page, name: string, found: Record<string, AxeViolation[]>): Promise<void> {
    const violations = await axeViolations(page);
    if (violations.length > 0) found[name] = violations;
  }

  async function choose(page: Page, key: string, value: string): Promise<void> {
    const id = `#field-${key}`;
    if ((await page.$eval(id, (element) => element.tagName)) === 'SELECT') await page.selectOption(id, value);
    else await page.check(`input[name="record.${key}"][value="${value}"]`);
  }

  test.each(LOCALES.map((locale) => [locale]))('when every page is checked with axe in %s, then there is no violation', async (locale: Locale) => {
    const context = await browser().newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const found: Record<string, AxeViolation[]> = {};
    const visit = async (path: string, name: string) => {
      await page.goto(`${served().url}${path}${path.includes('?') ? '&' : '?'}lang=${locale}`);
      await check(page, name, found);
    };
    await visit('/', 'home');
    await visit('/campaigns/credit-scores', 'campaign with findings');
    await page.$$eval('details', (details) => details.forEach((element) => { (element as HTMLDetailsElement).open = true; }));
    await check(page, 'campaign with every finding open', found);
    await visit('/campaigns/platform-decisions', 'campaign (platform) with findings');
    await visit('/campaigns/platform-decisions/columns', 'CSV column guide');
    await visit('/campaigns/platform-decisions/donate/csv', 'CSV upload');
    await page.setInputFiles('#records', { name: 'jobs.csv', mimeType: 'text/csv', buffer: Buffer.from('platform,month,decision_type,adverse,age_band,sex,nationality,migration_background\nuber,2025-06,job-pay,no,35-44,female,german,no\nuber,2025-06,job-pay,maybe,35-44,female,german,no\n') });
    await page.waitForSelector('#csv-preview table');
    await check(page, 'CSV preview', found);
    await page.check('#purpose-0');
    await page.click('button[value="review"]');
    await check(page, 'CSV review with a bad row', found);
    await visit('/privacy', 'privacy');

    await visit('/campaigns/platform-decisions/donate', 'form');
    await page.click('button[value="review"]');
    await check(page, 'form with errors', found);
    await choose(page, 'age_band', '35-44');
    await choose(page, 'sex', 'female');
    await choose(page, 'nationality', 'german');
    await choose(page, 'migration_background', 'no');
    await choose(page, 'platform', 'uber');
    await page.fill('#field-month', '2025-06');
    await choose(page, 'decision_type', 'job-pay');
    await page.check('input[name="record.adverse"][value="no"]');
    await page.click('button[value="add"]');
    await check(page, 'form with two records', found);
    await page.click('button[value="remove:1"]');
    await page.check('#purpose-0');
    await page.click('button[value="review"]');
    await check(page, 'review', found);
    await page.click('button[value="confirm"]');
    await check(page, 'receipt', found);
    const receipt = (await page.textContent('#receipt-code'))!.trim();

    await visit('/my-donation', 'my-donation');
    await page.fill('#receipt', 'AAAA-BBBB');
    await page.click('button[value="view"]');
    await check(page, 'my-donation, not found', found);
    await page.fill('#receipt', receipt);
    await page.click('button[value="view"]');
    await check(page, 'my-donation, the donation', found);

    const pack = await fetch(`${served().url}/api/v1/donations/me/evidence?format=html&lang=${locale}`, { headers: { Authorization: `Bearer ${receipt}` } });
    expect(pack.status).toBe(200);
    await page.setContent(await pack.text());
    await check(page, 'evidence pack HTML', found);

    expect(found).toEqual({});
    await context.close();
  }, 180_000);
});

describe('focus', () => {
  const { served, browser } = useServedAppInChromium();

  test('when links, buttons and fields take focus, then the ring is at least 2 px and 3:1 against the page (WCAG 1.4.11)', async () => {
    const page = await (await browser().newContext({ locale: 'en-GB' })).newPage();
    await page.goto(`${served().url}/campaigns/credit-scores/donate`);
    const rings: Array<{ selector: string; width: number; contrast: number }> = [];
    for (const selector of ['a.site-name', 'button[value="review"]', '#field-report_month', '#field-bureau', '#purpose-0']) {
      await page.focus(selector);
      rings.push(await page.$eval(selector, (element, name) => {
        const channels = (color: string) => color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
        const luminance = (color: string) => {
          const [red, green, blue] = channels(color).map((value) => value / 255).map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4));
          return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
        };
        const style = getComputedStyle(element);
        const ring = luminance(style.outlineColor);
        const page = luminance(getComputedStyle(document.body).backgroundColor);
        return { selector: name, width: parseFloat(style.outlineWidth), contrast: (Math.max(ring, page) + 0.05) / (Math.min(ring, page) + 0.05) };
      }, selector));
    }
    for (const ring of rings) {
      expect(ring.width).toBeGreaterThanOrEqual(2);
      expect(ring.contrast).toBeGreaterThanOrEqual(3);
    }
  });

  test.each([
    ['/campaigns/credit-scores/donate', 'button[value="review"]'],
    ['/campaigns/platform-decisions/donate/csv', 'button[value="review"]'],
    ['/my-donation', 'button[value="view"]'],
  ])('when %s comes back with errors, then the error summary has the focus', async (path, submit) => {
    const page = await (await browser().newContext({ locale: 'en-GB' })).newPage();
    await page.goto(`${served().url}${path}`);
    if (path === '/my-donation') await page.fill('#receipt', 'AAAA-BBBB');
    await page.click(submit);
    await page.waitForSelector('#error-summary');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
  });
});
