/** A month after the current one (UTC) is refused in JSON, CSV and the form; the current month is fine. */
import request from 'supertest';
import { buildTestApp, storedCounts } from '../../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign } from '../../helpers/donation-body';

// Only the clock is fixed, at the last half hour of March 2026 (UTC): April 2026 is the first future month.
const NOW = new Date('2026-03-31T23:30:00Z');
const TIMERS_KEPT_REAL = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

describe('no future months', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: [...TIMERS_KEPT_REAL] }));
  afterEach(() => jest.useRealTimers());

  it('when a JSON donation has next month as its report month, then 400 names the field; this month is stored', async () => {
    const { app, store } = await buildTestApp();
    const campaign = await fetchCampaign(app, 'credit-scores');
    const url = '/api/v1/campaigns/credit-scores/donations';
    const future = await request(app).post(url).send(donationBody(campaign, [{ ...exampleRecord(campaign), report_month: '2026-04' }])).expect(400);
    expect(future.body.error.issues).toEqual([{ path: ['records', 0, 'report_month'], message: 'This month is in the future: enter this month or an earlier one' }]);
    expect((await storedCounts(store)).donations).toBe(0);
    await request(app).post(url).send(donationBody(campaign, [{ ...exampleRecord(campaign), report_month: '2026-03' }])).expect(201);
    expect((await storedCounts(store)).donations).toBe(1);
  });

  it('when a CSV file has a row dated next year, then the file is refused naming the row and the month column', async () => {
    const { app, store } = await buildTestApp();
    const campaign = await fetchCampaign(app, 'platform-decisions');
    const names = campaign.schema.fields.map((field) => field.name);
    const example = exampleRecord(campaign);
    const row = (month: string) => names.map((name) => (name === 'month' ? month : String(example[name]))).join(',');
    const csv = `${names.join(',')}\r\n${row('2026-03')}\r\n${row('2027-01')}\r\n`;
    const response = await request(app).post('/api/v1/campaigns/platform-decisions/donations')
      .field('consentVersion', campaign.consent.version).field('purposes', 'research')
      .attach('records', Buffer.from(csv), 'jobs.csv').expect(400);
    expect(response.body.error.code).toBe('invalid_csv');
    expect(response.body.error.issues).toEqual([{ path: ['records', 1, 'month'], row: 3, message: expect.stringContaining('future') }]);
    expect((await storedCounts(store)).donations).toBe(0);
  });

  it('when the German form has a future report month, then the field shows the German message', async () => {
    const { app, store, dependencies } = await buildTestApp();
    const campaign = dependencies.campaigns.get('credit-scores')!;
    const agent = request.agent(app);
    const page = await agent.get('/campaigns/credit-scores/donate?lang=de').expect(200);
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const form: Record<string, string> = { _csrf: csrfToken, lang: 'de', consent_version: campaign.consent.version, purposes: 'research', action: 'review' };
    for (const field of campaign.schema.fields.filter((candidate) => candidate.constraints.required)) {
      form[`record.${field.name}`] = typeof field.example === 'boolean' ? (field.example ? 'yes' : 'no') : String(field.example);
    }
    form['record.report_month'] = '2026-05';
    const response = await agent.post('/campaigns/credit-scores/donate').type('form').send(form).expect(400);
    expect(response.text).toContain('Dieser Monat liegt in der Zukunft. Bitte geben Sie diesen oder einen früheren Monat ein.');
    expect((await storedCounts(store)).donations).toBe(0);
  });
});
