/**
 * The personal pack's PDF as archives and screen readers need it: PDF/A-3b with every font
 * embedded (checked with poppler's pdffonts and pdfinfo, installed by .ci/run), tagged, with XMP
 * metadata, and in German or French without an English sentence left in it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { seedDemo } from '../../src/demo/seed-demo';
import { donationBody, exampleRecord, fetchCampaign } from '../helpers/donation-body';
import { buildTestApp, type TestApp } from '../helpers/test-app';

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

let directory: string;
function poppler(tool: string, pdf: Buffer, ...args: string[]): string {
  const file = path.join(directory, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? [...args, file, '-'] : [...args, file], { encoding: 'utf8' });
}
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * English the analysis and the pack could leak: the analysis's own error messages (e.g. "Give at
 * least one predictor.") and the words between the placeholders of the English pack messages.
 */
function englishSentences(): string[] {
  const analysis = fs.readdirSync(path.join(__dirname, '../../analysis')).filter((name) => name.endsWith('.ts'))
    .flatMap((name) => [...fs.readFileSync(path.join(__dirname, '../../analysis', name), 'utf8').matchAll(/new AnalysisError\((['`])([^'`]*)\1/g)].map((match) => match[2]));
  const messages = fs.readFileSync(path.join(__dirname, '../../src/i18n/evidence-messages.ts'), 'utf8');
  const english = /const en = \{([\s\S]*?)\n\};/.exec(messages)![1];
  const pack = [...english.matchAll(/^\s+\w+: '((?:[^'\\]|\\.)*)',?$/gm)].map((match) => match[1]);
  return [...analysis, ...pack]
    .flatMap((text) => text.split(/\$\{[^}]*\}|\{\w+\}/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= 18 && /[a-z]{3} [a-z]{3}/.test(fragment));
}

describe('the personal pack as PDF', () => {
  let testApp: TestApp;
  let receipt: string;
  const pdf = async (lang: string) => (await request(testApp.app).get(`/api/v1/donations/me/evidence?format=pdf&lang=${lang}`).set('Authorization', `Bearer ${receipt}`).buffer(true).parse(binary).expect(200)).body as Buffer;

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'crowdaudit-pdf-'));
    testApp = await buildTestApp();
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 120, seed: 8, now: new Date('2026-11-01T00:00:00Z') });
    const campaign = await fetchCampaign(testApp.app, 'credit-scores');
    // No legitimate factor answered: the prediction model has no predictor, and the analysis
    // says so in English ("Give at least one predictor.").
    const legitimate = new Set(campaign.schema.fields.filter((field) => field.role === 'legitimate').map((field) => field.name));
    const record = Object.fromEntries(Object.entries(exampleRecord(campaign)).filter(([name]) => !legitimate.has(name)));
    receipt = (await request(testApp.app).post('/api/v1/campaigns/credit-scores/donations').send({ ...donationBody(campaign, [record]), locale: 'de' }).expect(201)).body.receipt;
  }, 60_000);

  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  test.each(['de', 'fr', 'en'])('when the pack is asked in %s, then every font is embedded Noto Sans and none is a standard font', async (lang) => {
    const lines = poppler('pdffonts', await pdf(lang)).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      // name type encoding emb sub uni object ID
      const columns = line.trim().split(/\s+/);
      expect({ font: columns[0], embedded: columns.at(-5), unicode: columns.at(-3) }).toEqual({ font: expect.stringMatching(/^[A-Z]{6}\+NotoSans-(Regular|Bold)$/), embedded: 'yes', unicode: 'yes' });
    }
  }, 30_000);

  test('when the PDF is inspected, then it says PDF/A-3b in its XMP metadata, is tagged, version 1.7, and in the pack\'s language', async () => {
    const bytes = await pdf('fr');
    const info = poppler('pdfinfo', bytes);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    const xmp = poppler('pdfinfo', bytes, '-meta');
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(bytes.toString('latin1')).toMatch(/\/Lang \(fr\)/);
    expect(bytes.toString('latin1')).toMatch(/\/StructTreeRoot/);
  }, 30_000);

  test.each(['de', 'fr'])('when the pack is asked in %s, then no English sentence remains in it, the prediction\'s reason included', async (lang) => {
    const text = flat(poppler('pdftotext', await pdf(lang), '-enc', 'UTF-8').replace(/-\n/g, '-'));
    const sentences = englishSentences();
    expect(sentences).toContain('Give at least one predictor.');
    expect(sentences.filter((sentence) => text.includes(flat(sentence)))).toEqual([]);
    expect(text).toContain(lang === 'de' ? 'Vorhersage möglich' : 'prédiction n’est encore possible');
  }, 30_000);
});
