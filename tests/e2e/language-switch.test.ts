/**
 * Nothing is lost when a donor changes language, in a real browser with and without JavaScript:
 * the guided form with two records, the review page and the receipt page (whose code is shown
 * only once) each come back in the new language with every answer and the same code.
 */
import type { Page } from 'playwright-core';
import { watchConsole, useServedAppInChromium } from './served-app';

describe('language switch keeps the donor\'s work', () => {
  const { served, browser } = useServedAppInChromium();

  /** Picks an answer whether the question is a select (many options) or radio buttons (few). */
  async function choose(page: Page, key: string, value: string): Promise<void> {
    const id = `#field-${key.replace('.', '-')}`;
    if ((await page.$eval(id, (element) => element.tagName)) === 'SELECT') await page.selectOption(id, value);
    else await page.check(`input[name="record.${key}"][value="${value}"]`);
  }

  async function fillJob(page: Page, prefix: string, job: { platform: string; month: string; type: string; adverse: 'yes' | 'no'; pay?: string }): Promise<void> {
    const key = prefix.replace('-', '.');
    await choose(page, `${key}platform`, job.platform);
    await page.fill(`#field-${prefix}month`, job.month);
    await choose(page, `${key}decision_type`, job.type);
    await page.check(`input[name="record.${prefix.replace('-', '.')}adverse"][value="${job.adverse}"]`);
    if (job.pay) await page.fill(`#field-${prefix}pay_cents`, job.pay);
  }

  test.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('when a platform worker switches language on every step (%s), then no answer and not the code is lost', async (_name, javaScriptEnabled) => {
    const context = await browser().newContext({ locale: 'en-GB', viewport: { width: 375, height: 812 }, javaScriptEnabled });
    const page = await context.newPage();
    const donations = () => (served().db.prepare('SELECT COUNT(*) AS n FROM donations').get() as { n: number }).n;
    const donatedBefore = donations();
    const problems: string[] = [];
    watchConsole(page, problems);
    await page.goto(`${served().url}/campaigns/platform-decisions/donate`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await choose(page, 'age_band', '35-44');
    await choose(page, 'sex', 'female');
    await choose(page, 'nationality', 'german');
    await choose(page, 'migration_background', 'no');
    await fillJob(page, '', { platform: 'uber', month: '2025-06', type: 'job-pay', adverse: 'no', pay: '1250' });
    await page.click('button[value="add"]');
    expect(await page.textContent('#record-2-heading')).toBe('Record 2');
    await fillJob(page, '1-', { platform: 'bolt', month: '2025-07', type: 'deactivation', adverse: 'yes' });
    await page.check('#purpose-0');

    // On the form: German, everything still there, the consent tick too.
    await page.click('button[name="switch_lang"][value="de"]');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.textContent('#record-2-heading')).toBe('Eintrag 2');
    expect(await page.inputValue('#field-pay_cents')).toBe('1250');
    expect(await page.$eval('#field-1-platform', (element) => (element as HTMLSelectElement).value)).toBe('bolt');
    expect(await page.inputValue('#field-1-month')).toBe('2025-07');
    expect(await page.isChecked('input[name="record.1.adverse"][value="yes"]')).toBe(true);
    expect(await page.isChecked('input[name="record.sex"][value="female"]')).toBe(true);
    expect(await page.isChecked('#purpose-0')).toBe(true);

    // On the review: French, both records shown, nothing sent yet.
    await page.click('button[value="review"]');
    expect(await page.textContent('h1')).toBe('Prüfen Sie vor dem Senden');
    await page.click('button[name="switch_lang"][value="fr"]');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const review = (await page.textContent('main'))!;
    expect(review).toContain('Entrée 2');
    expect(review).toContain('Bolt');
    expect(review).toContain('Uber');
    expect(donations()).toBe(donatedBefore);

    // On the receipt: English again, same code.
    await page.click('button[value="confirm"]');
    const code = (await page.textContent('#receipt-code'))!.trim();
    expect(code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    await page.click('button[name="switch_lang"][value="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Thank you. Your donation is saved.');
    expect((await page.textContent('#receipt-code'))!.trim()).toBe(code);
    const stored = (await served().dependencies.donations.findByReceipt(code))!;
    expect(stored.records.map((record) => [record.platform, record.pay_cents, record.sex])).toEqual([['uber', 1250, 'female'], ['bolt', undefined, 'female']]);

    // The code wraps only between its groups on a phone: no group is split over two lines.
    const groupsOnOneLine = await page.$$eval('#receipt-code .receipt-group', (groups) => groups.every((group) => group.getClientRects().length === 1));
    expect(groupsOnOneLine).toBe(true);
    expect(problems.filter((text) => !/status of (400|404)/.test(text))).toEqual([]);
    await context.close();
  });
});
