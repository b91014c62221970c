/**
 * A platform worker donates their jobs as a CSV file in a real browser, in French: the file is
 * read on the device, one bad row is marked with its number and removed, the server's review
 * shows exactly the rows left, and only those are stored. Then the same without JavaScript.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadCampaigns } from '../../src/campaigns/load-campaigns';
import { launchChromium } from './browser';
import { serveTestApp, watchConsole, type ServedApp } from './served-app';

const campaign = loadCampaigns().get('platform-decisions')!;

/** Jobs as a spreadsheet in France writes them: semicolons, one row per job. */
function jobsFile(pays: string[]): Buffer {
  const header = campaign.schema.fields.map((field) => field.name).join(';');
  const rows = pays.map((pay) => campaign.schema.fields.map((field) => (field.name === 'pay_cents' ? pay : typeof field.example === 'boolean' ? (field.example ? 'oui' : 'non') : String(field.example))).join(';'));
  return Buffer.from(`${header}\r\n${rows.join('\r\n')}\r\n`);
}

describe('CSV donation journey in the browser', () => {
  let served: ServedApp;
  let browser: Browser;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    served = await serveTestApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function newPage(options: { javaScriptEnabled: boolean }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 375, height: 812 }, ...options });
    const page = await context.newPage();
    watchConsole(page, consoleProblems);
    return { context, page };
  }

  const donationIds = () => (served.db.prepare('SELECT id FROM donations').all() as Array<{ id: string }>).map((row) => row.id);
  /** The pays stored by the donations not in `known`, each donation's in file order (row ids are random: no insertion order). */
  const storedPays = (known: string[] = []) => donationIds().filter((id) => !known.includes(id))
    .flatMap((id) => (served.db.prepare('SELECT data FROM records WHERE donation_id = ? ORDER BY position').all(id) as Array<{ data: string }>).map((row) => JSON.parse(row.data).pay_cents as number));

  test('when a donor uploads a file with one bad row, removes it in the preview and donates, then only the good rows are stored', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: true });
    await page.goto(`${served.url}/campaigns/platform-decisions/donate/csv`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');

    await page.setInputFiles('#records', { name: 'courses.csv', mimeType: 'text/csv', buffer: jobsFile(['1200', '1300', 'beaucoup', '1500', '1600']) });
    await page.waitForSelector('#csv-preview table');
    expect(await page.locator('#csv-preview tbody tr').count()).toBe(5);
    expect(await page.textContent('#csv-preview')).toContain('Ligne 4 : Veuillez saisir un nombre de 0 à 100000.');
    expect(await page.textContent('#csv-preview [role="alert"]')).toContain('1 ligne demande votre attention');
    // Nothing has left the device yet.
    expect(served.db.prepare('SELECT COUNT(*) AS n FROM donations').get()).toEqual({ n: 0 });

    await page.click('#csv-preview button[data-row="4"]');
    expect(await page.locator('#csv-preview tbody tr').count()).toBe(4);
    expect(await page.locator('#csv-preview [role="alert"]').count()).toBe(0);

    await page.check('#purpose-0');
    await page.click('button[value="review"]');
    expect(await page.textContent('h1')).toBe('Vérifiez vos lignes avant l\u2019envoi');
    expect(await page.textContent('main')).toContain('Lignes à envoyer : 4');
    expect(await page.textContent('main')).toContain('Toutes les lignes sont correctes.');

    await page.click('button[value="confirm"]');
    expect(await page.textContent('#receipt-code')).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(storedPays()).toEqual([1200, 1300, 1500, 1600]);
    await context.close();
  });

  test('when JavaScript is off, then the server review marks the bad row, removes it when ticked, and donates the rest', async () => {
    const before = donationIds();
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${served.url}/campaigns/platform-decisions/donate/csv`);
    await page.setInputFiles('#records', { name: 'courses.csv', mimeType: 'text/csv', buffer: jobsFile(['700', '-3', '900']) });
    await page.check('#purpose-0');
    await page.click('button[value="review"]');
    expect(await page.textContent('main')).toContain('Ligne 3 : Veuillez saisir un nombre de 0 à 100000.');
    expect(await page.locator('button[value="confirm"]').count()).toBe(0);
    expect(await page.isChecked('#remove-1')).toBe(true);

    await page.click('button[value="remove"]');
    expect(await page.textContent('main')).toContain('Lignes à envoyer : 2');
    await page.click('button[value="confirm"]');
    expect(await page.textContent('#receipt-code')).toMatch(/^([0-9A-Z]{4}-){6}/);
    expect(storedPays(before)).toEqual([700, 900]);
    await context.close();
  });

  test('when pages were shown, then there was no script error or CSP violation', () => {
    // The 400 of a review with invalid rows is intended; anything else is not.
    expect(consoleProblems.filter((text) => !/status of 400/.test(text))).toEqual([]);
  });
});
