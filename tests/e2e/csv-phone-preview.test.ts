/**
 * CSV errors a person can read on a phone (375 px): every problem in a full sentence above the
 * preview, problem rows first, each row a card that fits the screen; a new file clears the
 * message about the last one. With JavaScript (the preview) and without (the server's review).
 */
import { loadCampaigns } from '../../src/campaigns/load-campaigns';
import { watchConsole, useServedAppInChromium } from './served-app';

const campaign = loadCampaigns().get('platform-decisions')!;

/** Jobs with German column titles and labels, as a German spreadsheet writes them. */
function jobsFile(pays: string[]): Buffer {
  const header = campaign.schema.fields.map((field) => field.translations.de.title).join(';');
  const value = (name: string, example: string | number | boolean) => {
    const field = campaign.schema.fields.find((candidate) => candidate.name === name)!;
    if (typeof example === 'boolean') return example ? 'Ja' : 'Nein';
    return field.constraints.enum ? field.translations.de.enumLabels![String(example)] : String(example).replace('.', ',');
  };
  const rows = pays.map((pay) => campaign.schema.fields.map((field) => (field.name === 'pay_cents' ? pay : field.name === 'month' ? '06/2025' : value(field.name, field.example))).join(';'));
  return Buffer.from(`${header}\r\n${rows.join('\r\n')}\r\n`);
}

describe('CSV problems on a phone', () => {
  const { served, browser } = useServedAppInChromium();

  test.each([
    ['with JavaScript', true, '#csv-preview'],
    ['without JavaScript', false, 'main'],
  ])('when a German file with one bad row is checked %s, then the sentence naming row and column comes first and no row is wider than the phone', async (_name, javaScriptEnabled, scope) => {
    const context = await browser().newContext({ locale: 'de-DE', viewport: { width: 375, height: 812 }, javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    watchConsole(page, problems);
    await page.goto(`${served().url}/campaigns/platform-decisions/donate/csv`);
    await page.setInputFiles('#records', { name: 'auftraege.csv', mimeType: 'text/csv', buffer: jobsFile(['1200', '1300', 'viel']) });
    if (!javaScriptEnabled) {
      await page.check('#purpose-0');
      await page.click('button[value="review"]');
    }
    await page.waitForSelector(`${scope} .problem-list`);
    const sentences = await page.$$eval(`${scope} .problem-list li`, (items) => items.map((item) => item.textContent!.trim()));
    expect(sentences).toEqual(['Zeile 4, Spalte „Bezahlung in Cent“: Bitte geben Sie eine Zahl von 0 bis 100000 ein.']);
    const layout = await page.$eval(`${scope} table`, (table) => ({
      firstRow: table.querySelector('tbody tr th[scope="row"]')!.textContent!.trim(),
      widest: Math.max(...Array.from(table.querySelectorAll('tbody tr')).map((row) => row.getBoundingClientRect().right)),
      listAbove: document.querySelector('.problem-list')!.getBoundingClientRect().top < table.getBoundingClientRect().top,
      pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
    }));
    expect(layout.firstRow).toBe('4');
    expect(layout.listAbove).toBe(true);
    expect(layout.widest).toBeLessThanOrEqual(375);
    expect(layout.pageScrollsSideways).toBe(false);
    expect(problems.filter((text) => !/status of 400/.test(text))).toEqual([]);
    await context.close();
  });

  test('when a file was refused and a new one is chosen, then the message about the old file is gone', async () => {
    const context = await browser().newContext({ locale: 'en-GB', viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto(`${served().url}/campaigns/platform-decisions/donate/csv`);
    await page.check('#purpose-0');
    await page.click('button[value="review"]');
    expect(await page.locator('#error-records').count()).toBe(1);
    await page.setInputFiles('#records', { name: 'jobs.csv', mimeType: 'text/csv', buffer: jobsFile(['1200']) });
    await page.waitForSelector('#csv-preview table');
    expect(await page.locator('#error-records').count()).toBe(0);
    expect(await page.locator('#error-summary').count()).toBe(0);
    expect(await page.getAttribute('#records', 'aria-invalid')).toBeNull();
    await context.close();
  });
});
