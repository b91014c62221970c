/** `/my-donation` shows a large CSV donation 50 records at a time, paged by POST buttons. */
import request from 'supertest';
import type { DonationBody } from '../../../src/campaigns/types';
import { buildTestApp, type TestApp } from '../../helpers/test-app';
import { hiddenValue } from '../../helpers/donor-pages';

describe('/my-donation pagination', () => {
  let testApp: TestApp;
  let receipt: string;

  beforeAll(async () => {
    testApp = await buildTestApp();
    const campaign = testApp.dependencies.campaigns.get('platform-decisions')!;
    const example = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, field.example]));
    const body: DonationBody = {
      consent: { version: campaign.consent.version, purposes: ['research'] },
      records: Array.from({ length: 5_000 }, (_unused, index) => ({ ...example, pay_cents: 10_000 + index })),
      locale: 'en',
    };
    receipt = (await testApp.dependencies.donations.donate(campaign, body)).receipt.receipt;
  });

  async function view(fields: Record<string, string>, locale = 'en') {
    const agent = request.agent(testApp.app);
    const entry = await agent.get(`/my-donation?lang=${locale}`).expect(200);
    return agent.post('/my-donation').type('form').send({ _csrf: hiddenValue(entry.text, '_csrf'), lang: locale, receipt, ...fields }).expect(200);
  }
  const headings = (page: string) => [...page.matchAll(/<h3>Record ([\d]+)<\/h3>/g)].map((match) => Number(match[1]));

  it('when a 5,000-record donation is viewed, then the page lists records 1–50 and says so, with a next button only', async () => {
    const response = await view({ action: 'view' });
    expect(response.text).toContain('Records 1–50 of 5,000');
    expect(headings(response.text)).toEqual(Array.from({ length: 50 }, (_unused, index) => index + 1));
    expect(response.text).toContain('name="page" value="2"');
    expect(response.text).not.toContain('Previous records');
    // The page stays small (it was 6 MB with every record).
    expect(response.text.length).toBeLessThan(200_000);
    // The receipt stays in form bodies, never in a URL.
    expect(response.text).not.toMatch(new RegExp(`(href|action)="[^"]*${receipt}`));
  });

  it('when page 2 is asked for, then records 51–100 are shown with previous and next buttons', async () => {
    const response = await view({ page: '2' });
    expect(response.text).toContain('Records 51–100 of 5,000');
    expect(headings(response.text)).toEqual(Array.from({ length: 50 }, (_unused, index) => index + 51));
    expect(response.text).toContain('name="page" value="1"');
    expect(response.text).toContain('name="page" value="3"');
    // The 51st record's own value (pay 10,050 cents) is on this page.
    expect(response.text).toMatch(/100[.,]?50/);
  });

  it('when the last page or a page past the end is asked for, then records 4,951–5,000 are shown without a next button', async () => {
    for (const page of ['100', '999']) {
      const response = await view({ page });
      expect(response.text).toContain('Records 4,951–5,000 of 5,000');
      expect(headings(response.text)[0]).toBe(4_951);
      expect(response.text).not.toContain('Next records');
    }
    const garbage = await view({ page: 'x' });
    expect(garbage.text).toContain('Records 1–50 of 5,000');
  });

  it('when the donor reads German, then the range is in German with German digits', async () => {
    const response = await view({ page: '2' }, 'de');
    expect(response.text).toContain('Einträge 51–100 von 5.000');
    expect(response.text).toContain('Nächste Einträge');
  });
});
