import { LOCALES, type Locale } from '../../../src/campaigns/types';
import { authorityForComplaint, buildLetters, controllersFor, letterAsText, loadRecipients, type LetterFacts } from '../../../src/evidence/letters';

const recipients = loadRecipients();
const controller = (slug: string) => recipients.controllers.find((candidate) => candidate.slug === slug)!;

function facts(overrides: Partial<LetterFacts> = {}): LetterFacts {
  const schufa = controller('schufa');
  return {
    campaignKind: 'credit',
    locale: 'en',
    today: new Date('2026-11-23T12:00:00Z'),
    controller: schufa,
    complaintAuthority: authorityForComplaint(recipients, schufa, 'de'),
    decision: 'SCHUFA base score 87.5 (version 3.0), report of 2026-03',
    deactivation: false,
    evidence: ['Of 57 people with the same income, work and housing, 80% had a better score.'],
    ...overrides,
  };
}

describe('letters', () => {
  test('when the recipients are loaded, then each campaign has its controllers', () => {
    expect(controllersFor(recipients, 'credit-scores').map((candidate) => candidate.slug)).toEqual(expect.arrayContaining(['schufa', 'crifbuergel', 'creditreform-verband']));
    expect(controllersFor(recipients, 'platform-decisions').map((candidate) => candidate.slug)).toEqual(expect.arrayContaining(['uber', 'bolt', 'wolt', 'deliveroo', 'takeaway-com']));
  });

  test.each([
    ['schufa', 'de', 'dehessbdi', 'land-of-seat'],
    ['crifbuergel', 'de', 'debaylda', 'land-of-seat'],
    ['schufa', 'fr', 'frcnil', 'donor-country'],
    ['schufa', 'at', 'atdsb', 'donor-country'],
    ['uber', 'de', 'nlap', 'lead-authority'],
  ])('when a complaint about %s comes from a donor in %s, then it goes to %s (%s)', (slug, country, authority, rule) => {
    const chosen = authorityForComplaint(recipients, controller(slug), country)!;
    expect(chosen.authority.slug).toBe(authority);
    expect(chosen.rule).toBe(rule);
  });

  test('when a credit donor gets letters, then there are access, Art. 22(3), rectification, objection, follow-up and complaint letters, and no deactivation appeal', () => {
    expect(buildLetters(facts()).map((letter) => letter.id)).toEqual(['access', 'art22', 'rectification', 'objection', 'follow-up-logic', 'complaint']);
  });

  test('when the access letter is written, then it asks for items (a) to (h), the copy of Art. 15(3), the bureau specifics and states the deadline', () => {
    const access = buildLetters(facts()).find((letter) => letter.id === 'access')!;
    const text = access.paragraphs.join('\n');
    for (const item of ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)']) expect(text).toContain(item);
    expect(text).toContain('Art. 15(3)');
    expect(text).toContain('meaningful information about the logic involved');
    expect(text).toContain('score version');
    expect(text).toContain('who received which score');
    expect(text).toContain('please state so explicitly, item by item');
    expect(text).toContain('Art. 12(3) GDPR');
  });

  test('when the Art. 22 letter is written for a credit score, then it states the facts, demands human review and cites both judgments', () => {
    const art22 = buildLetters(facts()).find((letter) => letter.id === 'art22')!;
    const text = [art22.subject, ...art22.paragraphs, ...art22.citations].join('\n');
    expect(text).toContain('Art. 22(3)');
    expect(text).toContain('C-634/21');
    expect(text).toContain('C-203/22');
    expect(text).toContain('Of 57 people with the same income');
    expect(text).toContain('authority and competence to change it');
    expect(text).toContain('procedure and principles actually applied');
  });

  test('when a platform worker was deactivated, then the appeal cites Directive 2024/2831 and the access letter asks for fraud flags and ratings', () => {
    const uber = controller('uber');
    const letters = buildLetters(facts({ campaignKind: 'platform', controller: uber, complaintAuthority: authorityForComplaint(recipients, uber, 'de'), decision: 'Uber deactivation in 2026-05', deactivation: true }));
    const appeal = letters.find((letter) => letter.id === 'deactivation-appeal')!;
    expect([...appeal.paragraphs, ...appeal.citations].join('\n')).toContain('2024/2831');
    expect(letters.find((letter) => letter.id === 'access')!.paragraphs.join('\n')).toMatch(/fraud flags[\s\S]*ratings/);
    expect(letters.find((letter) => letter.id === 'art22')!.citations.join(' ')).not.toContain('C-634/21');
  });

  test('when no facts survived suppression, then the letters say nothing about peers', () => {
    const art22 = buildLetters(facts({ evidence: [] })).find((letter) => letter.id === 'art22')!;
    expect(art22.paragraphs.join('\n')).not.toContain('crowdaudit project show');
  });

  test.each(LOCALES.filter((locale) => locale !== 'en'))('when the letters are written in %s, then each is translated and none repeats the English', (locale: Locale) => {
    const english = buildLetters(facts());
    const translated = buildLetters(facts({ locale }));
    expect(translated.map((letter) => letter.id)).toEqual(english.map((letter) => letter.id));
    translated.forEach((letter, index) => {
      expect(letter.subject).not.toBe(english[index].subject);
      letter.paragraphs.forEach((paragraph, position) => {
        if (!paragraph.startsWith('– Of 57')) expect(paragraph).not.toBe(english[index].paragraphs[position]);
      });
    });
    const all = translated.map((letter) => [letter.subject, ...letter.paragraphs, ...letter.citations].join('\n')).join('\n');
    expect(all).toContain(locale === 'de' ? 'DSGVO' : 'RGPD');
  });

  test('when a letter is printed, then it shows the blanks for the sender, the address used and its source, the date and the subject', () => {
    const [letter] = buildLetters(facts({ locale: 'de' }));
    const text = letterAsText(letter, { locale: 'de', today: new Date('2026-11-23T12:00:00Z') });
    expect(text).toContain('[Ihr vollständiger Name]');
    expect(text).toContain('Verwendete Anschrift: SCHUFA Holding AG, Kormoranweg 5, 65201 Wiesbaden, Deutschland (Quelle: datenanfragen.de, CC0');
    expect(text).toContain('23. November 2026');
    expect(text).toContain('Auskunftsersuchen nach Art. 15 DSGVO');
    const complaint = buildLetters(facts({ locale: 'de' })).find((candidate) => candidate.id === 'complaint')!;
    expect(complaint.recipient).toMatchObject({ source: 'authority', rule: 'land-of-seat' });
    expect(complaint.recipient.name).toMatch(/Hess/);
  });
});
