/** An ordered outcome on the findings page: mean positions, what they mean, and odds said the way the order runs — in en, de and fr. */
import request from 'supertest';
import { orderedLevelsOf } from '../../../src/campaigns/ordered-levels';
import { seedDemo } from '../../../src/demo/seed-demo';
import { buildTestApp, type TestApp } from '../../helpers/test-app';

describe('ordered outcomes on the findings page', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await buildTestApp();
    await seedDemo(testApp.dependencies.campaigns.get('credit-scores')!, testApp.dependencies.donations, { count: 300, seed: 5 });
  });

  test('when an ordered outcome is compared, then its table shows each group\'s mean position as in the JSON, with the order explained', async () => {
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    const outcome = campaign.fieldsWithRole('outcome').find((field) => orderedLevelsOf(field))!;
    const order = orderedLevelsOf(outcome)!;
    const findings = (await request(testApp.app).get('/api/v1/campaigns/credit-scores/findings').expect(200)).body;
    const comparison = findings.comparisons.find((candidate: any) => candidate.outcome === outcome.name && candidate.reference !== null && candidate.groups.length <= 8);
    const page = (await request(testApp.app).get('/campaigns/credit-scores?lang=en').expect(200)).text;
    expect(page).toContain('<th scope="col">Average position</th>');
    expect(page).toContain(`Positions in the order run from 1 (${order.levels[0]}, the best) to ${order.levels.length} (${order.levels.at(-1)}, the worst).`);
    expect(page).toContain(`Average position of ${outcome.title} in the order (${order.levels[0]} = 1) in each group`);
    for (const group of comparison.groups.filter((candidate: any) => !candidate.suppressed)) {
      const mean = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(group.estimate);
      expect(page).toContain(`<td>${group.donors}</td><td>${mean}<span class="interval">`);
    }
    // A clear ordinal effect is said with odds of a worse level (A is best), from the same family interval as its table cell.
    const clear = findings.effects.filter((effect: any) => effect.kind === 'ordinal' && effect.adjusted && (effect.adjusted.familyCiLow > 0 || effect.adjusted.familyCiHigh < 0));
    expect(clear.length).toBeGreaterThan(0);
    expect(page).toMatch(/the odds for “[^”]+” of a worse rather than a better level are [\d.]+ times those of “[^”]+”/);
  });

  test('when the page is read in German or French, then the ordered outcome is explained in that language', async () => {
    const german = (await request(testApp.app).get('/campaigns/credit-scores?lang=de').expect(200)).text;
    expect(german).toContain('<th scope="col">Durchschnittliche Position</th>');
    expect(german).toContain('Die Positionen in der Reihenfolge gehen von 1 (A, die beste) bis 16 (P, die schlechteste).');
    expect(german).toContain('auf eine schlechtere statt einer besseren Stufe');
    const french = (await request(testApp.app).get('/campaigns/credit-scores?lang=fr').expect(200)).text;
    expect(french).toContain('<th scope="col">Position moyenne</th>');
    expect(french).toContain('Les positions dans l’ordre vont de 1 (A, le meilleur) à 16 (P, le moins bon).');
  });
});
