/** JSON bodies are UTF-8 only: a UTF-16 body or another declared charset gets 415 naming the header. */
import request from 'supertest';
import { buildTestApp, storedCounts } from '../../helpers/test-app';
import { donationBody, fetchCampaign } from '../../helpers/donation-body';

describe('UTF-8 only JSON', () => {
  const url = '/api/v1/campaigns/credit-scores/donations';

  /** superagent would serialise a Buffer as JSON; send its bytes as they are. */
  const raw = (bytes: Buffer) => bytes as unknown as string;
  const asIs = (body: unknown) => body as string;

  async function setUp() {
    const testApp = await buildTestApp();
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    return { ...testApp, json: JSON.stringify(donationBody(campaign)) };
  }

  it.each([
    ['charset=utf-16 with a BOM', 'application/json; charset=utf-16', (json: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])],
    ['charset=utf-16le without a BOM', 'application/json; charset=utf-16le', (json: string) => Buffer.from(json, 'utf16le')],
    ['no charset, UTF-16 bytes with a BOM', 'application/json', (json: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])],
    ['no charset, UTF-16 bytes without a BOM', 'application/json', (json: string) => Buffer.from(json, 'utf16le')],
    ['charset=iso-8859-1', 'application/json; charset=iso-8859-1', (json: string) => Buffer.from(json, 'latin1')],
  ])('when a donation is sent as %s, then 415 names the Content-Type header and nothing is stored', async (_name, contentType, encode) => {
    const { app, store, json } = await setUp();
    const response = await request(app).post(url).set('Content-Type', contentType).serialize(asIs).send(raw(encode(json))).expect(415);
    expect(response.body.error.code).toBe('unsupported_encoding');
    expect(response.body.error.message).toContain('UTF-8');
    expect(response.body.error.issues).toEqual([{ path: ['headers', 'content-type'], message: expect.stringContaining('charset=utf-8') }]);
    expect((await storedCounts(store)).donations).toBe(0);
  });

  it('when the body is UTF-8, with or without charset=utf-8, then the donation is stored', async () => {
    const { app, store, json } = await setUp();
    await request(app).post(url).set('Content-Type', 'application/json; charset=UTF-8').serialize(asIs).send(raw(Buffer.from(json, 'utf8'))).expect(201);
    await request(app).post(url).set('Content-Type', 'application/json').serialize(asIs).send(raw(Buffer.from(json, 'utf8'))).expect(201);
    expect((await storedCounts(store)).donations).toBe(2);
  });
});
