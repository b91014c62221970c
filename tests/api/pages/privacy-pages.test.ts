/** /privacy and /imprint, the operator in the footer and the consent, and the demo notice. */
import escapeHtml from 'escape-html';
import request from 'supertest';
import { localizedField } from '../../../src/campaigns/localize';
import { LOCALES, type Locale } from '../../../src/campaigns/types';
import type { OperatorConfig } from '../../../src/operator/operator-config';
import { buildTestApp, type TestApp } from '../../helpers/test-app';

const OPERATOR: OperatorConfig = {
  name: 'Algorithm Watchers e.V.',
  addressLines: ['Musterstraße 1', '10115 Berlin', 'Germany'],
  email: 'info@watchers.example.org',
  country: 'de',
  authority: 'deberlbdi',
  dataProtection: { email: 'privacy@watchers.example.org', name: 'Erika Mustermann' },
  representative: 'Max Mustermann (board)',
  register: 'Vereinsregister Amtsgericht Berlin-Charlottenburg VR 12345 B',
};

const LEGAL_BASIS: Record<Locale, { consent: string; explicit: string; special: string; retention: (days: number) => string }> = {
  en: { consent: 'GDPR Art. 6(1)(a)', explicit: 'Art. 9(2)(a)', special: '(special data, GDPR Art. 9)', retention: (days) => `at most ${days} days` },
  de: { consent: 'DSGVO Art. 6 Abs. 1 lit. a', explicit: 'Art. 9 Abs. 2 lit. a', special: '(besondere Daten, DSGVO Art. 9)', retention: (days) => `höchstens ${days} Tage` },
  fr: { consent: 'RGPD art. 6, par. 1, point a', explicit: 'art. 9, par. 2, point a', special: '(donnée sensible, RGPD art. 9)', retention: (days) => `au plus ${days} jours` },
};

const INLINE_CODE = /<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style|\son[a-z]+=/i;

describe('privacy notice and imprint', () => {
  let testApp: TestApp;
  beforeEach(async () => {
    testApp = await buildTestApp({ operator: OPERATOR });
  });

  test.each(LOCALES)('when /privacy is read in %s, then it names the operator, every campaign\'s fields and purposes with their legal bases, retention, recipients and the authority', async (locale) => {
    const page = (await request(testApp.app).get(`/privacy?lang=${locale}`).expect(200)).text;
    expect(page).toContain(`<html lang="${locale}">`);
    expect(page).toContain('Algorithm Watchers e.V.');
    expect(page).toContain('<br>Musterstraße 1<br>10115 Berlin<br>Germany</address>');
    expect(page).toContain('mailto:info@watchers.example.org');
    expect(page).toContain('Erika Mustermann, privacy@watchers.example.org');
    expect(page).toContain(escapeHtml(LEGAL_BASIS[locale].consent));
    expect(page).toContain(escapeHtml(LEGAL_BASIS[locale].explicit));
    for (const campaign of testApp.dependencies.campaigns.list()) {
      const section = page.slice(page.indexOf(`id="campaign-${campaign.slug}"`), page.indexOf('</section>', page.indexOf(`id="campaign-${campaign.slug}"`)));
      expect(section).toContain(escapeHtml(campaign.title[locale]));
      for (const field of campaign.schema.fields) {
        const title = escapeHtml(localizedField(field, locale).title);
        expect(section).toContain(field.specialCategory ? `<li>${title} <strong>${escapeHtml(LEGAL_BASIS[locale].special)}</strong></li>` : `<li>${title}</li>`);
      }
      for (const purpose of campaign.consent.purposes) expect(section).toContain(escapeHtml(purpose.title[locale]));
      expect(section).toContain(LEGAL_BASIS[locale].retention(campaign.retentionDays));
      expect(section).toContain(escapeHtml(campaign.consent.purposes.find((purpose) => purpose.id === 'ngo-sharing')!.title[locale]));
    }
    expect(page).toContain('Berliner Beauftragte für Datenschutz');
    expect(page).not.toContain('Demo');
    expect(page).not.toMatch(INLINE_CODE);
  });

  test('when /privacy gives retention and purposes, then it says the years too and that optional purposes can be withdrawn alone, research not', async () => {
    const page = (await request(testApp.app).get('/privacy?lang=en').expect(200)).text;
    expect(page).toContain('We keep your records for at most 1825 days (about 5 years), then delete them.');
    expect(page).toContain('We keep your records for at most 1095 days (about 3 years), then delete them.');
    expect(page).toMatch(/<li><strong>Sharing with NGOs \(optional\)<\/strong>: [^<]* You can withdraw this alone at any time\.<\/li>/);
    expect(page).toMatch(/<li><strong>Research \(needed to donate\)<\/strong>: [^<]*(?<!You can withdraw this alone at any time\.)<\/li>/);
    expect(page).toContain('one that protects forms against forgery (&quot;crowdaudit.csrf&quot;)');
    for (const right of ['Access:', 'Portability:', 'Rectification:', 'Erasure:', 'Withdrawal:', 'Objection:', 'Complaint:']) expect(page).toContain(`<li>${right} `);
    expect(page).toContain('We make no decisions about you.');
    expect(page).toContain('We do not store IP addresses.');
  });

  test('when migration background is in the dictionary, then it is marked as a special category in both campaigns', () => {
    for (const campaign of testApp.dependencies.campaigns.list()) {
      expect(campaign.schema.fields.filter((field) => field.specialCategory).map((field) => field.name)).toEqual(['migration_background']);
    }
  });

  test('when /imprint is read, then it names the operator, address, contact, representative, register and data-protection contact', async () => {
    const page = (await request(testApp.app).get('/imprint?lang=de').expect(200)).text;
    expect(page).toContain('<h1>Impressum</h1>');
    expect(page).toContain('<strong>Algorithm Watchers e.V.</strong><br>Musterstraße 1');
    expect(page).toContain('mailto:info@watchers.example.org');
    expect(page).toContain('Vertreten durch: Max Mustermann (board)');
    expect(page).toContain('Registereintrag: Vereinsregister Amtsgericht Berlin-Charlottenburg VR 12345 B');
    expect(page).toContain('Ansprechperson für Datenschutz: Erika Mustermann, privacy@watchers.example.org');
    expect(page).not.toMatch(INLINE_CODE);
  });

  test('when any page is rendered, then its footer names the operator and links /privacy and /imprint', async () => {
    for (const path of ['/', '/campaigns/credit-scores/donate', '/my-donation', '/privacy', '/missing']) {
      const page = (await request(testApp.app).get(path).set('Accept', 'text/html')).text;
      expect(page).toContain('<p>Run by: Algorithm Watchers e.V.</p>');
      expect(page).toContain('<a href="/privacy">Privacy</a> · <a href="/imprint">Imprint</a>');
    }
  });

  test.each([
    ['credit-scores', 'en', 'You give your records to Algorithm Watchers e.V., Musterstraße 1, 10115 Berlin, Germany. Contact: info@watchers.example.org.', 'Some answers are special data (GDPR Art. 9): Migration background.'],
    ['platform-decisions', 'fr', 'Vous donnez vos données à Algorithm Watchers e.V., Musterstraße 1, 10115 Berlin, Germany. Contact : info@watchers.example.org.', 'Certaines réponses sont des données sensibles (RGPD art. 9) : Parcours migratoire.'],
  ])('when the %s donation form is read in %s, then its consent names the operator, the legal basis and links the privacy notice', async (slug, locale, operatorSentence, specialSentence) => {
    const page = (await request(testApp.app).get(`/campaigns/${slug}/donate?lang=${locale}`).expect(200)).text;
    const consent = page.slice(page.indexOf('<section class="consent"'));
    expect(consent).toContain(escapeHtml(operatorSentence));
    expect(consent).toContain(escapeHtml(specialSentence));
    expect(consent).toContain(`<a href="/privacy?lang=${locale}" target="_blank" rel="noopener">`);
  });

  test('when the donor reaches the review step, then the consent there names the operator again before they confirm', async () => {
    const agent = request.agent(testApp.app);
    const form = (await agent.get('/campaigns/credit-scores/donate').expect(200)).text;
    const csrf = /name="_csrf" value="([^"]*)"/.exec(form)![1];
    const campaign = testApp.dependencies.campaigns.get('credit-scores')!;
    const fields: Record<string, string> = {};
    for (const field of campaign.schema.fields.filter((candidate) => candidate.constraints.required)) {
      fields[`record.${field.name}`] = typeof field.example === 'boolean' ? (field.example ? 'yes' : 'no') : String(field.example);
    }
    const review = (await agent.post('/campaigns/credit-scores/donate').type('form')
      .send({ _csrf: csrf, ...fields, consent_version: campaign.consent.version, purposes: 'research', action: 'review' }).expect(200)).text;
    expect(review).toContain('You give your records to Algorithm Watchers e.V., Musterstraße 1, 10115 Berlin, Germany. Contact: info@watchers.example.org.');
    expect(review).toContain('<a href="/privacy?lang=en" target="_blank" rel="noopener">Read the privacy notice</a>');
  });
});

describe('a demo instance', () => {
  test('when no operator is configured, then every page says it is a demo instance and the consent says no one is responsible', async () => {
    const { app } = await buildTestApp();
    for (const path of ['/', '/campaigns/credit-scores', '/campaigns/credit-scores/donate', '/my-donation', '/privacy', '/imprint', '/missing']) {
      const page = (await request(app).get(path).set('Accept', 'text/html')).text;
      expect(page).toContain('<aside class="demo-banner" aria-label="Demo instance — operator not configured. Do not donate real records here."><p>Demo instance — operator not configured. Do not donate real records here.</p></aside>');
    }
    const form = (await request(app).get('/campaigns/credit-scores/donate?lang=de')).text;
    expect(form).toContain('Dies ist eine Demo-Instanz: Keine Organisation ist dafür verantwortlich.');
    const privacy = (await request(app).get('/privacy')).text;
    expect(privacy).toContain('No authority is set, because no operator is configured.');
    expect(privacy).toContain('Data-protection contact: not configured (demo instance)');
  });

  test('when the operator\'s country has several authorities and none is named, then the app is not built', async () => {
    await expect(buildTestApp({ operator: { ...OPERATOR, authority: undefined } })).rejects.toThrow(/OPERATOR_AUTHORITY/);
  });
});
