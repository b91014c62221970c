/**
 * Multipart bodies are checked as they stream in: the form's CSRF token before any large part,
 * a few kB for every field but the CSV ones, and a cap on the whole request. A refusal arrives
 * while the client is still sending, so the server never holds the rest of the body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { CSV_MAX_SMALL_FIELD_BYTES } from '../../../src/http/middleware/csv-upload';
import { buildTestApp, storedCounts, type TestApp } from '../../helpers/test-app';

const BOUNDARY = '----crowdauditTestBoundary';
const part = (name: string, headers = '') => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${headers}\r\n\r\n`;

interface Served {
  testApp: TestApp;
  server: http.Server;
  port: number;
}

async function serve(): Promise<Served> {
  const testApp = await buildTestApp();
  const server = http.createServer(testApp.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { testApp, server, port: (server.address() as AddressInfo).port };
}

/** A form's CSRF cookie and token, as a browser would have them. */
async function formToken(port: number): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/campaigns/platform-decisions/donate?lang=en`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await response.text())![1];
  return { cookie, token };
}

/**
 * Sends `head`, then `megabytes` of filler in the part it opened, and never ends the body. Resolves
 * with the status and body of the answer, and how many bytes had been written when it came.
 */
function answerWhileSending(port: number, path: string, head: string, megabytes: number, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; bytesSent: number }>((resolve, reject) => {
    let bytesSent = 0;
    const outgoing = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Transfer-Encoding': 'chunked', ...headers } });
    outgoing.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => { body += text; });
      response.on('end', () => { outgoing.destroy(); resolve({ status: response.statusCode!, body, bytesSent }); });
    });
    outgoing.on('error', (error) => { if (!outgoing.destroyed) reject(error); });
    outgoing.write(head);
    bytesSent += head.length;
    const filler = Buffer.alloc(64 * 1024, 'a');
    let left = megabytes * 16;
    const pump = () => {
      while (left > 0) {
        left -= 1;
        bytesSent += filler.length;
        if (!outgoing.write(filler)) {
          outgoing.once('drain', pump);
          return;
        }
      }
      // Deliberately never end(): the answer must not wait for the rest of the body.
    };
    pump();
  });
}

describe('multipart limits and CSRF before the body', () => {
  let served: Served;
  beforeEach(async () => { served = await serve(); });
  afterEach(async () => {
    served.server.closeAllConnections();
    await new Promise((resolve) => served.server.close(resolve));
  });

  it('when a token-less form streams megabytes of rows and never ends, then 403 arrives while it is still sending', async () => {
    const result = await answerWhileSending(served.port, '/campaigns/platform-decisions/donate', part('records_csv'), 40, { Accept: 'text/html' });
    expect(result.status).toBe(403);
    expect(result.body).toContain('lang="en"');
    expect((await storedCounts(served.testApp.store)).donations).toBe(0);
  });

  it('when a token-less form streams megabytes in small fields (or an oversized token), then 403 arrives, not a field error', async () => {
    for (const name of ['consent_version', '_csrf']) {
      const result = await answerWhileSending(served.port, '/campaigns/platform-decisions/donate', part(name), 20, { Accept: 'application/json' });
      expect(result.status).toBe(403);
      expect(JSON.parse(result.body).error.code).toBe('csrf_invalid');
    }
  });

  it('when the form\'s token is wrong, then 403 comes as soon as the token field ends, before the file is read', async () => {
    const { cookie } = await formToken(served.port);
    const head = `${part('_csrf')}not-the-token\r\n${part('records', '; filename="jobs.csv"')}`;
    const result = await answerWhileSending(served.port, '/campaigns/platform-decisions/donate', head, 40, { Cookie: cookie, Accept: 'application/json' });
    expect(result.status).toBe(403);
    expect(JSON.parse(result.body).error.code).toBe('csrf_invalid');
  });

  it('when a form with a valid token has a small field over its limit, then 413 names the field at once', async () => {
    const { cookie, token } = await formToken(served.port);
    const head = `${part('_csrf')}${token}\r\n${part('consent_version')}`;
    const result = await answerWhileSending(served.port, '/campaigns/platform-decisions/donate', head, 40, { Cookie: cookie, Accept: 'application/json' });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error).toMatchObject({ code: 'field_too_large', issues: [{ path: ['consent_version'] }] });
    expect(JSON.parse(result.body).error.message).toContain('"consent_version"');
  });

  it('when an API multipart donation has a field over its limit, then 413 names it; the API takes no token', async () => {
    const result = await answerWhileSending(served.port, '/api/v1/campaigns/platform-decisions/donations', part('purposes'), 40);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error).toMatchObject({ code: 'field_too_large', issues: [{ path: ['purposes'], message: `At most ${CSV_MAX_SMALL_FIELD_BYTES} bytes` }] });
  });

  it('when a body streams past the total cap in a field allowed megabytes, then it is refused as too large before it ends', async () => {
    // The API lets only the file be large: an 8 MB file part passes its 5 MB limit and the total.
    const result = await answerWhileSending(served.port, '/api/v1/campaigns/platform-decisions/donations', part('records', '; filename="jobs.csv"'), 8);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error.code).toBe('file_too_large');
  });

  it('when Content-Length is over the total cap, then 413 comes before any byte of the body', async () => {
    const result = await new Promise<number>((resolve, reject) => {
      const outgoing = http.request({ host: '127.0.0.1', port: served.port, path: '/api/v1/campaigns/platform-decisions/donations', method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Content-Length': String(50 * 1024 * 1024) } });
      outgoing.on('response', (response) => { response.resume(); outgoing.destroy(); resolve(response.statusCode!); });
      outgoing.on('error', reject);
      outgoing.flushHeaders();
    });
    expect(result).toBe(413);
  });
});

describe('multipart with supertest', () => {
  it('when a CSV form with a valid token carries a 20 kB consent version, then 413 names the field and nothing is stored', async () => {
    const testApp = await buildTestApp();
    const agent = request.agent(testApp.app);
    const form = await agent.get('/campaigns/platform-decisions/donate?lang=en').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const response = await agent.post('/campaigns/platform-decisions/donate').set('Accept', 'application/json')
      .field('_csrf', token).field('consent_version', 'v'.repeat(20_000)).field('purposes', 'research').field('action', 'review')
      .attach('records', Buffer.from('a,b\n1,2\n'), 'jobs.csv').expect(413);
    expect(response.body.error.issues).toEqual([{ path: ['consent_version'], message: `At most ${CSV_MAX_SMALL_FIELD_BYTES} bytes` }]);
    expect((await storedCounts(testApp.store)).donations).toBe(0);
  });

  it('when a few small fields come before the token, then the form still works (only large parts must follow it)', async () => {
    const testApp = await buildTestApp();
    const agent = request.agent(testApp.app);
    const form = await agent.get('/campaigns/platform-decisions/donate?lang=en').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const campaign = testApp.dependencies.campaigns.get('platform-decisions')!;
    const names = campaign.schema.fields.map((field) => field.name);
    const csv = `${names.join(',')}\n${campaign.schema.fields.map((field) => String(field.example)).join(',')}\n`;
    const response = await agent.post('/campaigns/platform-decisions/donate').field('lang', 'en').field('_csrf', token)
      .field('consent_version', campaign.consent.version).field('purposes', 'research').field('action', 'review')
      .attach('records', Buffer.from(csv), 'jobs.csv').expect(200);
    expect(response.text).toContain('name="records_csv"');
  });
});
