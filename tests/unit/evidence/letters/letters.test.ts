import { LOCALES, type Locale } from '../../../../src/campaigns/types';
import { authorityForComplaint, buildLetters, letterAsText, loadRecipients, type LetterFacts } from '../../../../src/evidence/letters';

const recipients = loadRecipients();
const controller = (slug: string) => recipients.controllers.find((candidate) => candidate.slug === slug)!;
const FINDING = ['Among the people who pooled their records, those whose nationality is “non-EU” had a score 5.3 points lower.', 'My nationality is “non-EU”: I belong to this group.'];

function facts(overrides: Partial<LetterFacts> = {}): LetterFacts {
  const schufa = controller('schufa');
  return {
    campaignKind: 'credit',
    locale: 'en',
    today: new Date('2026-11-23T12:00:00Z'),
    controller: schufa,
    complaintAuthority: authorityForComplaint(recipients, schufa, 'de'),
    decision: 'SCHUFA base score 87.5 points (version 3.0), report of 2026-03',
    deactivation: false,
    findings: [FINDING],
    identity: [{ element: 'name' }, { element: 'address' }],
    ...overrides,
  };
}

describe('letters', () => {
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

  test('when the Art. 22 letter is written for a credit score, then it has a marked space for the donor\u2019s statement, the findings in the first person, and cites both judgments', () => {
    const art22 = buildLetters(facts()).find((letter) => letter.id === 'art22')!;
    const text = [art22.subject, ...art22.paragraphs, ...art22.citations].join('\n');
    expect(text).toContain('C-634/21');
    expect(text).toContain('C-203/22');
    expect(text).toContain('My statement (my point of view, Art. 22(3) GDPR):');
    expect(text).toContain('[Space for your own statement:');
    expect(text).toContain('– Among the people who pooled their records, those whose nationality is “non-EU” had a score 5.3 points lower. My nationality is “non-EU”: I belong to this group.');
    expect(text).toContain('authority and competence to change it');
  });

  test('when the donor typed a statement, then it stands in the letters in place of the blank', () => {
    const letters = buildLetters(facts({ account: 'I have paid every bill on time for ten years.' }));
    for (const id of ['art22', 'complaint']) {
      const text = letters.find((letter) => letter.id === id)!.paragraphs.join('\n');
      expect(text).toContain('I have paid every bill on time for ten years.');
      expect(text).not.toContain('[Space for your own statement');
    }
  });

  test('when no finding helps the donor, then the letters say the campaign has not (yet) found a difference affecting the donor and ask all the more for the logic', () => {
    const letters = buildLetters(facts({ findings: [] }));
    for (const id of ['art22', 'complaint']) {
      const text = letters.find((letter) => letter.id === id)!.paragraphs.join('\n');
      expect(text).toContain('has not (yet) found a difference in these decisions that affects a group I belong to');
      expect(text).toContain('explanation of the logic involved');
      expect(text).not.toContain('These records show');
    }
  });

  test('when a platform worker was deactivated, then the appeal cites Directive 2024/2831 and the access letter asks for fraud flags and ratings', () => {
    const uber = controller('uber');
    const letters = buildLetters(facts({ campaignKind: 'platform', controller: uber, complaintAuthority: authorityForComplaint(recipients, uber, 'de'), decision: 'Uber deactivation in 2026-05', deactivation: true }));
    const appeal = letters.find((letter) => letter.id === 'deactivation-appeal')!;
    expect([...appeal.paragraphs, ...appeal.citations].join('\n')).toContain('2024/2831');
    expect(appeal.paragraphs.join('\n')).toContain('[Space for your own statement');
    expect(letters.find((letter) => letter.id === 'access')!.paragraphs.join('\n')).toMatch(/fraud flags[\s\S]*ratings/);
    expect(letters.find((letter) => letter.id === 'art22')!.citations.join(' ')).not.toContain('C-634/21');
  });

  test('when Uber requires the account e-mail, then the letters ask for it under the required details: filled when given, a marked blank otherwise', () => {
    const uber = controller('uber');
    const given = buildLetters(facts({ controller: uber, identity: [{ element: 'name', value: 'Ana Lima' }, { element: 'email', value: 'ana@example.org' }, { element: 'address' }] }));
    const access = given.find((letter) => letter.id === 'access')!;
    expect(access.paragraphs).toContain('E-mail address of my account: ana@example.org');
    expect(access.blanks).toEqual(['Postal address']);
    const blank = buildLetters(facts({ controller: uber, identity: [{ element: 'name' }, { element: 'email' }] })).find((letter) => letter.id === 'access')!;
    expect(blank.paragraphs).toContain('E-mail address of my account: [E-mail address of my account]');
    expect(blank.blanks).toEqual(['Name', 'E-mail address of my account']);
  });

  test.each(LOCALES.filter((locale) => locale !== 'en'))('when the letters are written in %s, then each is translated and none repeats the English', (locale: Locale) => {
    const english = buildLetters(facts({ findings: [] }));
    const translated = buildLetters(facts({ locale, findings: [] }));
    expect(translated.map((letter) => letter.id)).toEqual(english.map((letter) => letter.id));
    translated.forEach((letter, index) => {
      expect(letter.subject).not.toBe(english[index].subject);
      letter.paragraphs.forEach((paragraph, position) => expect(paragraph).not.toBe(english[index].paragraphs[position]));
    });
    const all = translated.map((letter) => [letter.subject, ...letter.paragraphs, ...letter.citations].join('\n')).join('\n');
    expect(all).toContain(locale === 'de' ? 'DSGVO' : 'RGPD');
  });

  test('when a German letter goes to a controller abroad, then its addresses and names carry no English: the Netherlands are "Niederlande", the authority has no English gloss', () => {
    const uber = controller('uber');
    const complaintAuthority = authorityForComplaint(recipients, uber, { country: 'de', landAuthority: 'deberlbdi' });
    const letters = buildLetters(facts({ locale: 'de', controller: uber, complaintAuthority, campaignKind: 'platform' }));
    const text = letters.map((letter) => [letter.recipient.name, ...letter.recipient.addressLines, ...letter.paragraphs].join('\n')).join('\n');
    expect(text).toContain('Niederlande');
    expect(text).not.toContain('The Netherlands');
    expect(text).not.toContain('Dutch Data Protection Authority');
    const complaint = letters.find((letter) => letter.id === 'complaint')!;
    expect(complaint.recipient.name).toBe('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
    expect(complaint.paragraphs.join('\n')).toContain('Federführende Aufsichtsbehörde für Uber B.V. ist Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ DEN HAAG, Niederlande (Art. 56 DSGVO)');
  });

  test('when a recipient takes a web form, then the letter is the subject and text to paste, with no postal blocks and no "print and sign"', () => {
    const uber = controller('uber');
    const letter = buildLetters(facts({ controller: uber }))[0]!;
    expect(letter.channel).toEqual({ kind: 'webform', url: 'https://uber.com/privacy-dpo' });
    const text = letterAsText(letter, { locale: 'en', today: new Date('2026-11-23T12:00:00Z'), identity: [{ element: 'name', value: 'Ana Lima' }] });
    expect(text.split('\n')[0]).toBe('Subject: Request for access to my personal data under Article 15 GDPR');
    expect(text).not.toContain('[signature]');
    expect(text).not.toContain('Burgerweeshuispad');
    expect(text).toContain('Ana Lima');
  });

  test('when a German letter goes by post, then it is laid out for a window envelope: sender, return line, address, place and date, and the subject without a "Betreff:" label (DIN 5008)', () => {
    const boniversum = controller('creditreform-boniversum');
    const [letter] = buildLetters(facts({ locale: 'de', controller: boniversum, senderCountry: 'de', identity: [{ element: 'name', value: 'Eva Muster' }, { element: 'address', value: 'Hauptstr. 1, 10115 Berlin' }, { element: 'birthdate' }] }));
    expect(letter!.channel).toEqual({ kind: 'post' });
    const text = letterAsText(letter!, { locale: 'de', today: new Date('2026-11-23T12:00:00Z'), identity: [{ element: 'name', value: 'Eva Muster' }, { element: 'address', value: 'Hauptstr. 1, 10115 Berlin' }] });
    expect(text.split('\n').slice(0, 10)).toEqual([
      'Eva Muster', 'Hauptstr. 1', '10115 Berlin', '',
      'Eva Muster · Hauptstr. 1 · 10115 Berlin',
      'Creditreform Boniversum GmbH', 'Hellersbergstraße 11', '41460 Neuss', '',
      '[Ort], 23. November 2026',
    ]);
    // Posted from abroad, the address names the country.
    expect(buildLetters(facts({ locale: 'de', controller: boniversum, senderCountry: 'at' }))[0]!.recipient.addressLines.at(-1)).toBe('Deutschland');
    expect(text).toContain('[Ort], 23. November 2026\n\nAuskunftsersuchen nach Art. 15 DSGVO\n\nSehr geehrte Damen und Herren,');
    expect(text).toContain('Geburtsdatum: [Geburtsdatum]');
    expect(text).toContain('[Unterschrift]');
  });
});
