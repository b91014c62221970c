import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { expressRoutes } from '../helpers/express-routes';
import { buildTestApp, type TestApp } from '../helpers/test-app';

const BASE_URL = 'https://audit.crowdaudit-ngo.org';
const REDOCLY = path.join(__dirname, '../../node_modules/@redocly/cli/bin/cli.js');

let testApp: TestApp;
let document: { servers: Array<{ url: string }>; paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, Record<string, unknown>> } };

beforeAll(async () => {
  testApp = await buildTestApp({ baseUrl: BASE_URL });
  document = (await request(testApp.app).get('/api/v1/openapi.json').expect(200)).body;
});

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

/** Redocly's `recommended` ruleset on the served document, as the CLI reports it (JSON). */
async function redoclyProblems(): Promise<Problem[]> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-'));
  try {
    const file = path.join(directory, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document));
    // Exits 1 when it finds an error; the report on stdout says which.
    const { stdout } = await promisify(execFile)(process.execPath, [REDOCLY, 'lint', '--extends', 'recommended', '--format', 'json', file], {
      cwd: directory,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    return (JSON.parse(stdout) as { problems: Problem[] }).problems;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const where = (problem: Problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`;

/** "/campaigns/:slug" as OpenAPI writes it. */
const templated = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const isApiRoute = (route: { path: string }) => route.path.startsWith('/api/v1/') || route.path === '/healthz' || route.path.endsWith('/template.csv');

describe('the OpenAPI document', () => {
  test("when Redocly's recommended rules check it, then there is no error, and no warning but the missing 4xx of routes that can refuse nothing", async () => {
    const problems = await redoclyProblems();
    expect(problems.filter((problem) => problem.severity === 'error').map(where)).toEqual([]);
    // A route with nothing a client can get wrong has no 4xx answer to describe (there is no
    // parameter, body or credential to refuse): that warning alone is accepted, for those routes.
    const noClientError = ['/healthz', '/api/v1/openapi.json', '/api/v1/campaigns', '/api/v1/signing-key'].map((route) => `#/paths/${route.replace(/\//g, '~1')}/get/responses`);
    expect(problems.filter((problem) => !(problem.ruleId === 'operation-4xx-response' && noClientError.includes(problem.location[0]?.pointer))).map(where)).toEqual([]);
  }, 60_000);

  test('when the server is configured with BASE_URL, then the document names it as the server', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: BASE_URL })]);
  });

  test('when the routes of the Express app are walked, then each API route is described and each described operation is served', () => {
    const campaigns = testApp.dependencies.campaigns.list().map((campaign) => campaign.slug);
    const served = expressRoutes(testApp.app).filter(isApiRoute).map((route) => `${route.method} ${templated(route.path)}`);
    // A route for each campaign may be described once per campaign (each with its own body).
    const described = Object.entries(document.paths).flatMap(([route, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${campaigns.reduce((text, slug) => text.replace(`/campaigns/${slug}/`, '/campaigns/{slug}/'), route)}`),
    );
    expect([...new Set(served)].sort()).toEqual([...new Set(described)].sort());
    expect(served).toContain('GET /api/v1/openapi.json');
    for (const slug of campaigns) expect(document.paths[`/api/v1/campaigns/${slug}/donations`]).toBeDefined();
  });

  test('when each operation is read, then it has an operationId, a response schema for every JSON answer, and public ones say security: []', () => {
    const ids: string[] = [];
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        ids.push(operation.operationId as string);
        const responses = operation.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>;
        for (const [status, response] of Object.entries(responses)) {
          for (const [type, media] of Object.entries(response.content ?? {})) expect({ route, method, status, type, schema: media.schema !== undefined }).toEqual({ route, method, status, type, schema: true });
        }
        expect({ route, method, security: Array.isArray(operation.security) }).toEqual({ route, method, security: true });
      }
    }
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('when a route is rate-limited, then its 429 is described with Retry-After', () => {
    for (const [route, method] of [['/api/v1/campaigns/{slug}/evidence-pack', 'get'], ['/api/v1/donations/me', 'get'], ['/api/v1/donations/me', 'delete'], ['/api/v1/donations/me/evidence', 'get'], ['/api/v1/campaigns/credit-scores/donations', 'post']]) {
      const responses = document.paths[route][method].responses as Record<string, { headers?: Record<string, unknown> }>;
      expect({ route, method, retryAfter: responses['429']?.headers?.['Retry-After'] !== undefined }).toEqual({ route, method, retryAfter: true });
    }
  });

  test("when a donation body's record is described, then each field carries the dictionary's title and description", () => {
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    const body = document.components.schemas.DonationBody_credit_scores as { properties: { records: { items: { properties: Record<string, { title?: string; description?: string }> } } } };
    const fields = body.properties.records.items.properties;
    for (const field of campaign.schema.fields) expect({ name: field.name, title: fields[field.name].title, description: fields[field.name].description }).toEqual({ name: field.name, title: field.title, description: field.description });
  });

  test('when the query of the findings and the evidence pack are described, then they are the zod schemas the routes parse', () => {
    const names = (route: string) => (document.paths[route].get.parameters as Array<{ name: string; in: string }>).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
    expect(names('/api/v1/campaigns/{slug}/findings')).toEqual(['gap', 'd']);
    expect(names('/api/v1/donations/me/evidence')).toEqual(['format', 'lang', 'controller', 'country', 'land']);
    expect(names('/api/v1/donations/me')).toEqual(['format']);
  });
});
