import request from 'supertest';
import { buildTestApp, storedCounts, tableRows, type TestApp } from '../helpers/test-app';
import { donationBody, exampleRecord, fetchCampaign, type PublicCampaign } from '../helpers/donation-body';

describe('donations API', () => {
  let testApp: TestApp;
  let campaign: PublicCampaign;
  const url = '/api/v1/campaigns/credit-scores/donations';

  beforeEach(async () => {
    testApp = await buildTestApp();
    campaign = await fetchCampaign(testApp.app, 'credit-scores');
  });

  const post = (body: unknown) => request(testApp.app).post(url).send(body as object);
  const expectNothingStored = async () => expect(await storedCounts(testApp.store)).toEqual({ donations: 0, records: 0, idempotencyKeys: 0 });

  test('when a valid donation is posted, then it answers 201 with a receipt and stores the records', async () => {
    const response = await post(donationBody(campaign)).expect(201);
    expect(response.body).toEqual({
      donationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      receipt: expect.stringMatching(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/),
      records: 1,
      contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await storedCounts(testApp.store))).toEqual({ donations: 1, records: 1, idempotencyKeys: 0 });
    const [stored] = (await tableRows(testApp.store, 'donations')) as Array<Record<string, string>>;
    expect(stored.receipt_hash).not.toContain(response.body.receipt);
    expect(JSON.stringify(stored)).not.toContain(response.body.receipt.replace(/-/g, ''));
    expect(stored.consent_version).toBe(campaign.consent.version);
    expect(stored.consent_sha256).toBe(campaign.consent.sha256);
  });

  test('when the same Idempotency-Key is retried, then the first donation is returned and no second one made', async () => {
    const body = donationBody(campaign);
    const first = await post(body).set('Idempotency-Key', '8d0d2f0a-3c4b-4e7a-9b61-5f2c1e0a7d11').expect(201);
    const second = await post(body).set('Idempotency-Key', '8d0d2f0a-3c4b-4e7a-9b61-5f2c1e0a7d11').expect(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect((await storedCounts(testApp.store)).donations).toBe(1);
    const [sealed] = (await tableRows(testApp.store, 'idempotency_keys')) as Array<{ sealed_response: string }>;
    expect(sealed.sealed_response).not.toContain(first.body.receipt);
  });

  test('when an Idempotency-Key is reused for a different body, then it answers 422 and stores nothing new', async () => {
    await post(donationBody(campaign)).set('Idempotency-Key', 'Q3v9xK2mT7pL4wZ8rN1bY6cH0dF5sJ').expect(201);
    const other = donationBody(campaign, [exampleRecord(campaign), exampleRecord(campaign)]);
    const response = await post(other).set('Idempotency-Key', 'Q3v9xK2mT7pL4wZ8rN1bY6cH0dF5sJ').expect(422);
    expect(response.body.error.code).toBe('idempotency_key_reused');
    expect((await storedCounts(testApp.store)).donations).toBe(1);
  });

  test('when a donor reads the donation back with the receipt, then JSON and CSV hold the records', async () => {
    const body = donationBody(campaign);
    const { receipt, donationId } = (await post(body).expect(201)).body;
    const json = await request(testApp.app).get('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(200);
    expect(json.body.donation).toMatchObject({
      id: donationId,
      campaign: 'credit-scores',
      consent: { version: campaign.consent.version, sha256: campaign.consent.sha256, purposes: ['research'] },
      records: body.records,
    });
    const csv = await request(testApp.app).get('/api/v1/donations/me?format=csv').set('Authorization', `Bearer ${receipt}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = csv.text.trim().split(/\r?\n/);
    expect(header.split(',')).toEqual(campaign.schema.fields.map((field) => field.name));
    expect(row.split(',').length).toBe(campaign.schema.fields.length);
  });

  test('when a receipt is typed in lower case with spaces, then it still finds the donation', async () => {
    const { receipt } = (await post(donationBody(campaign)).expect(201)).body;
    const typed = receipt.toLowerCase().replace(/-/g, ' ');
    await request(testApp.app).get('/api/v1/donations/me').set('Authorization', `Bearer ${typed}`).expect(200);
  });

  test('when the donor deletes the donation, then it is gone from every table and the receipt stops working', async () => {
    const { receipt } = (await post(donationBody(campaign)).set('Idempotency-Key', 'c1f3e5a7b9d0f2e4a6c8b0d2f4e6a8c0').expect(201)).body;
    await request(testApp.app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(204);
    await expectNothingStored();
    const again = await request(testApp.app).get('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(401);
    expect(again.body.error.code).toBe('unknown_receipt');
    await request(testApp.app).delete('/api/v1/donations/me').set('Authorization', `Bearer ${receipt}`).expect(401);
    const audit = (await tableRows(testApp.store, 'audit_log')).map(({ action, actor, detail_json }) => ({ action, actor, detail_json }));
    expect(audit).toEqual([{ action: 'donation.deleted', actor: 'donor', detail_json: '{"records":1}' }]);
  });

  test('when no receipt or a wrong one is sent, then it answers 401 naming the header', async () => {
    const missing = await request(testApp.app).get('/api/v1/donations/me').expect(401);
    expect(missing.body.error.issues[0].path).toEqual(['headers', 'authorization']);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    await request(testApp.app).get('/api/v1/donations/me').set('Authorization', 'Bearer 0000-0000-0000-0000-0000-0000-0000').expect(401);
    await request(testApp.app).get('/api/v1/donations/me').set('Authorization', 'Basic abc').expect(401);
  });

  test('when ?format is unknown, then it answers 400 naming format', async () => {
    const { receipt } = (await post(donationBody(campaign)).expect(201)).body;
    const response = await request(testApp.app).get('/api/v1/donations/me?format=xml').set('Authorization', `Bearer ${receipt}`).expect(400);
    expect(response.body.error.issues[0].path).toEqual(['query', 'format']);
  });

  describe('refused donations store nothing', () => {
    const requiredField = () => campaign.schema.fields.find((field) => field.constraints.required)!;
    const enumField = () => campaign.schema.fields.find((field) => field.constraints.enum)!;

    test('when a required field is missing, then 400 names it', async () => {
      const record = exampleRecord(campaign);
      delete record[requiredField().name];
      const response = await post(donationBody(campaign, [record])).expect(400);
      expect(response.body.error.code).toBe('invalid_input');
      expect(response.body.error.issues).toContainEqual(expect.objectContaining({ path: ['records', 0, requiredField().name] }));
      await expectNothingStored();
    });

    test('when a value is outside its enum, then 400 names the field', async () => {
      const record = { ...exampleRecord(campaign), [enumField().name]: 'not-a-level' };
      const response = await post(donationBody(campaign, [record])).expect(400);
      expect(response.body.error.issues).toContainEqual(expect.objectContaining({ path: ['records', 0, enumField().name] }));
      await expectNothingStored();
    });

    test('when a record has an unknown field, then 400 names it', async () => {
      const record = { ...exampleRecord(campaign), full_name: 'Erika Mustermann' };
      const response = await post(donationBody(campaign, [record])).expect(400);
      expect(response.body.error.issues).toEqual([{ path: ['records', 0, 'full_name'], message: 'Unknown field: remove it' }]);
      await expectNothingStored();
    });

    test('when the body has an unknown top-level field, then 400 names it', async () => {
      const response = await post({ ...donationBody(campaign), email: 'a@b.c' }).expect(400);
      expect(response.body.error.issues).toEqual([{ path: ['email'], message: 'Unknown field: remove it' }]);
      expect(response.body.error.message).toContain('email');
      await expectNothingStored();
    });

    test('when consent is missing, then 400 names consent', async () => {
      const { consent: _consent, ...body } = donationBody(campaign);
      const response = await post(body).expect(400);
      expect(response.body.error.issues).toContainEqual(expect.objectContaining({ path: ['consent'] }));
      await expectNothingStored();
    });

    test('when the consent version is stale, then 422 consent_outdated', async () => {
      const body = donationBody(campaign);
      body.consent.version = '0.0.1-old';
      const response = await post(body).expect(422);
      expect(response.body.error.code).toBe('consent_outdated');
      expect(response.body.error.issues[0].path).toEqual(['consent', 'version']);
      await expectNothingStored();
    });

    test('when the required purpose is not agreed, then 422 consent_required', async () => {
      const optional = campaign.consent.purposes.find((purpose) => !purpose.required)!;
      const body = donationBody(campaign);
      body.consent.purposes = [optional.id];
      const response = await post(body).expect(422);
      expect(response.body.error.code).toBe('consent_required');
      await expectNothingStored();
    });

    test('when there are no records, then 400 names records', async () => {
      const response = await post(donationBody(campaign, [])).expect(400);
      expect(response.body.error.issues).toContainEqual(expect.objectContaining({ path: ['records'] }));
      await expectNothingStored();
    });

    test('when the JSON is malformed, then 400 malformed_json', async () => {
      const response = await request(testApp.app).post(url).set('Content-Type', 'application/json').send('{"consent": ').expect(400);
      expect(response.body.error.code).toBe('malformed_json');
      await expectNothingStored();
    });

    test('when the content type is not JSON, then 415 names the header', async () => {
      const response = await request(testApp.app).post(url).set('Content-Type', 'text/plain').send(JSON.stringify(donationBody(campaign))).expect(415);
      expect(response.body.error.issues[0].path).toEqual(['headers', 'content-type']);
      await expectNothingStored();
    });

    test('when the body is 3 MB, then 413', async () => {
      const body = { ...donationBody(campaign), padding: 'x'.repeat(3 * 1024 * 1024) };
      const response = await post(body).expect(413);
      expect(response.body.error.code).toBe('payload_too_large');
      await expectNothingStored();
    });

    test('when the campaign does not exist, then 404 names it', async () => {
      const response = await request(testApp.app).post('/api/v1/campaigns/no-such-campaign/donations').send(donationBody(campaign)).expect(404);
      expect(response.body.error.code).toBe('campaign_not_found');
      expect(response.body.error.message).toContain('no-such-campaign');
      await expectNothingStored();
    });

    test('when the Idempotency-Key is malformed, then 400 names the header', async () => {
      const response = await post(donationBody(campaign)).set('Idempotency-Key', 'short').expect(400);
      expect(response.body.error.issues[0].path).toEqual(['headers', 'idempotency-key']);
      await expectNothingStored();
    });

    test('when the Idempotency-Key is guessable (test-key-0001), then 400 names the header and asks for 128 bits', async () => {
      const response = await post(donationBody(campaign)).set('Idempotency-Key', 'test-key-0001').expect(400);
      expect(response.body.error.issues).toEqual([{ path: ['headers', 'idempotency-key'], message: expect.stringContaining('128 random bits') }]);
      expect(response.body.error.message).toContain('headers.idempotency-key');
      await expectNothingStored();
    });

    test('when __proto__ is smuggled into a record, then it is refused', async () => {
      const raw = JSON.stringify(donationBody(campaign)).replace('"records":[{', '"records":[{"__proto__":{"admin":true},');
      await request(testApp.app).post(url).set('Content-Type', 'application/json').send(raw).expect(400);
      await expectNothingStored();
    });
  });
});
