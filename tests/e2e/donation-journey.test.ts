/**
 * The whole donor journey in German, in a real browser: form, errors, review, donation, receipt
 * file, /my-donation, downloads, deletion — with no console error or CSP violation on the way.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../src/app';
import { loadCampaigns } from '../../src/campaigns/load-campaigns';
import { testConfig } from '../../src/config';
import { openDatabase } from '../../src/storage/open-database';
import { launchChromium } from './browser';
import { SqliteStore } from '../../src/storage/sqlite-store';

describe('donation journey in the browser', () => {
  const campaign = loadCampaigns().get('credit-scores')!;
  const db = openDatabase(':memory:');
  let server: Server;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    const app = createApp({ store: new SqliteStore(db), config: testConfig() });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'de-DE', acceptDownloads: true, viewport: { width: 375, height: 812 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
    });
    page.on('pageerror', (error) => consoleProblems.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    db.close();
  });

  async function downloadText(click: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
  }

  /** Answers every required field the way a person would: choose the first option, type a number. */
  async function fillRequiredFields(): Promise<void> {
    for (const field of campaign.schema.fields.filter((candidate) => candidate.constraints.required)) {
      const selector = `#field-${field.name}`;
      const tag = await page.$eval(selector, (element) => `${element.tagName}:${element.getAttribute('type') ?? ''}`);
      if (tag === 'SELECT:') await page.selectOption(selector, field.constraints.enum![0]);
      else if (tag === 'INPUT:radio') await page.check(selector);
      else if (field.name === 'score_value') await page.fill(selector, '97,5');
      else await page.fill(selector, String(field.example));
    }
    await page.fill('#field-postcode_region', '10');
  }

  test('when a donor donates in German, then they can read back, download and delete the donation', async () => {
    await page.goto(`${baseUrl}/campaigns/credit-scores/donate`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.textContent('h1')).toContain('Spenden');

    // An empty submission gets an error summary that links to the first missing field.
    await page.click('button[value="review"]');
    expect(await page.textContent('#error-summary')).toContain('Bitte korrigieren Sie diese Angaben');
    // The person's facts come first on the page, so the first missing answer is theirs.
    expect(await page.getAttribute('#error-summary a >> nth=0', 'href')).toBe('#field-age_band');
    expect(await page.getAttribute('#field-report_month', 'aria-invalid')).toBe('true');

    await fillRequiredFields();
    await page.check('#purpose-0');
    await page.click('button[value="review"]');
    expect(await page.textContent('h1')).toBe('Prüfen Sie vor dem Senden');
    expect(await page.textContent('main')).toContain('97,5');

    await page.click('button[value="confirm"]');
    expect(await page.textContent('h1')).toBe('Danke. Ihre Spende ist gespeichert.');
    const receipt = (await page.textContent('#receipt-code'))!.trim();
    expect(receipt).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);

    const receiptFile = await downloadText(() => page.click('form[action="/receipt.txt"] button'));
    expect(receiptFile.name).toBe('crowdaudit-receipt.txt');
    expect(receiptFile.text).toContain(receipt);
    expect(receiptFile.text).toContain('Belegcode');

    await page.goto(`${baseUrl}/my-donation`);
    await page.fill('#receipt', receipt.toLowerCase().replace(/-/g, ' '));
    await page.click('button[value="view"]');
    expect(await page.textContent('h1')).toContain('Ihre Spende');
    expect(page.url()).not.toContain(receipt);

    const json = await downloadText(() => page.click('button[value="json"]'));
    expect(JSON.parse(json.text).donation.records[0]).toMatchObject({ score_value: 97.5, postcode_region: '10', bureau: campaign.schema.fields[1].constraints.enum![0] });
    const csv = await downloadText(() => page.click('button[value="csv"]'));
    // For Excel in German: a byte-order mark, ";" between cells and a decimal comma.
    expect(csv.text.startsWith('\ufeff')).toBe(true);
    const [header, row] = csv.text.slice(1).trim().split(/\r?\n/);
    expect(header.split(';')).toEqual(campaign.schema.fields.map((field) => field.name));
    expect(row.split(';')).toContain('97,5');

    await page.click('form[action="/my-donation/delete"] button');
    expect(await page.textContent('h1')).toBe('Spende endgültig löschen?');
    await page.click('button[value="yes"]');
    expect(await page.textContent('h1')).toBe('Ihre Spende ist gelöscht');
    expect(db.prepare('SELECT COUNT(*) AS n FROM records').get()).toEqual({ n: 0 });

    await page.goto(`${baseUrl}/my-donation`);
    await page.fill('#receipt', receipt);
    await page.click('button[value="view"]');
    expect(await page.textContent('#error-summary')).toContain('keine Spende gefunden');

    // The 400 (form with errors) and 404 (unknown receipt) answers are intended; anything else —
    // a CSP violation, a script error, a missing stylesheet — is not.
    expect(consoleProblems.filter((text) => !/status of (400|404)/.test(text))).toEqual([]);
  });

  test('when the switcher picks French, then the pages stay French', async () => {
    await page.goto(`${baseUrl}/campaigns/credit-scores`);
    await page.click('a[hreflang="fr"]');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.goto(`${baseUrl}/my-donation`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Votre don');
  });

  if (process.env.E2E_SCREENSHOTS) {
    test('screenshots for a person to look at', async () => {
      await page.goto(`${baseUrl}/campaigns/credit-scores/donate?lang=de`);
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS!, 'form-de.png'), fullPage: false });
      await page.click('button[value="review"]');
      await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS!, 'errors-de.png'), fullPage: false });
    });
  }
});
