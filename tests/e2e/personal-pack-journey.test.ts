/**
 * A donor opens /my-donation in German, chooses who decided, types a name for the letters and
 * downloads the personal evidence pack as a PDF: a real PDF whose text holds the German Art. 22
 * letter to that bureau, signed with that name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../src/demo/seed-demo';
import { launchChromium } from './browser';
import { serveTestApp, watchConsole } from './served-app';

test('when a donor downloads the personal pack as PDF from /my-donation, then it holds the Art. 22 letter in German', async () => {
  const served = await serveTestApp();
  const { dependencies } = served;
  const campaign = dependencies.campaigns.get('credit-scores')!;
  await seedDemo(campaign, dependencies.donations, { count: 150, seed: 4 });
  const record = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
  const { receipt } = (await dependencies.donations.donate(campaign, { consent: { version: campaign.consent.version, purposes: ['research'] }, records: [{ ...record, bureau: 'schufa' }], locale: 'de' })).receipt;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'de-DE', acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    watchConsole(page, problems);
    await page.goto(`${served.url}/my-donation`);
    await page.fill('#receipt', receipt);
    await page.click('button[value="view"]');
    expect(await page.textContent('#evidence-heading')).toBe('Ihr Beweispaket');
    expect(await page.inputValue('#evidence-controller')).toBe('schufa');
    await page.click('.evidence-details summary');
    await page.selectOption('#evidence-controller', 'crifbuergel');
    await page.fill('#evidence-name', 'Erika Mustermann');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[value="pdf"]')]);
    expect(download.suggestedFilename()).toMatch(/^crowdaudit-evidence-[0-9a-f]{8}\.pdf$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-pack-')), 'pack.pdf');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ihr Beweispaket');
    expect(text).toContain('Art. 22 Abs. 3 DSGVO');
    expect(text).toContain('CRIF GmbH');
    // The name typed into the form fills the letters of this download (and is not stored).
    expect(text).toContain('Erika Mustermann');
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
    await served.close();
  }
}, 120_000);
