/** The parts every letter shares: greeting, closing, identification, the findings and the donor's own account. */
import type { Locale } from '../../campaigns/types';
import { labelled } from '../field-value';
import type { IdentityDetail, LetterFacts } from './letter-types';

interface Phrases {
  signature: string; greeting: string; closing: string; place: string; deadline: string;
  findingsIntro: string; noFinding: string;
  accountHeading: string; accountBlank: string;
  identityIntro: string; elements: Record<string, string>; blank: (label: string) => string;
  subjectLabel: string; toLabel: string; forward: string;
  lead: (lead: string, controller: string) => string;
}

export const PHRASES: Record<Locale, Phrases> = {
  en: {
    signature: '[signature]', greeting: 'Dear Sir or Madam,', closing: 'Yours faithfully,', place: '[place]',
    deadline: 'Please answer within one month of receipt (Art. 12(3) GDPR). This period may be extended by two further months only where necessary, taking into account the complexity and number of requests; in that case you must inform me of the extension and the reasons within the first month.',
    findingsIntro: 'Many people have pooled the records of decisions like mine in the crowdaudit project. These records show:',
    noFinding: 'In the crowdaudit project many people have pooled the records of decisions like mine. It has not (yet) found a difference in these decisions that affects a group I belong to. That does not show that the decision about me is right; it means that I depend all the more on your explanation of the logic involved and of the reasons for the decision about me.',
    accountHeading: 'My statement (my point of view, Art. 22(3) GDPR):',
    accountBlank: '[Space for your own statement: in your own words, what happened, why the decision is wrong or unfair for you, and what you want changed.]',
    identityIntro: 'To identify me, please use the following details:',
    elements: { name: 'Name', address: 'Postal address', email: 'E-mail address of my account', birthdate: 'Date of birth', phone: 'Telephone number of my account', 'customer-number': 'Customer number' },
    blank: (label) => `[${label}]`,
    subjectLabel: 'Subject', toLabel: 'To',
    forward: 'Should you not be competent, please forward this complaint to the competent supervisory authority.',
    lead: (lead, controller) => `The lead supervisory authority for ${controller} is ${lead} (Art. 56 GDPR); I ask you to handle this complaint in cooperation with it (Art. 60 GDPR).`,
  },
  de: {
    signature: '[Unterschrift]', greeting: 'Sehr geehrte Damen und Herren,', closing: 'Mit freundlichen Grüßen', place: '[Ort]',
    deadline: 'Bitte antworten Sie innerhalb eines Monats nach Eingang (Art. 12 Abs. 3 DSGVO). Diese Frist kann nur wenn nötig, unter Berücksichtigung der Komplexität und der Anzahl von Anträgen, um weitere zwei Monate verlängert werden; darüber müssen Sie mich innerhalb des ersten Monats unter Angabe der Gründe unterrichten.',
    findingsIntro: 'Im Projekt crowdaudit haben viele Menschen die Daten von Entscheidungen wie meiner zusammengetragen. Diese Daten zeigen:',
    noFinding: 'Im Projekt crowdaudit haben viele Menschen die Daten von Entscheidungen wie meiner zusammengetragen. Es hat (bisher) keinen Unterschied in diesen Entscheidungen gefunden, der eine Gruppe betrifft, zu der ich gehöre. Das zeigt nicht, dass die Entscheidung über mich richtig ist; es bedeutet, dass ich umso mehr auf Ihre Erläuterung der involvierten Logik und der Gründe der Entscheidung über mich angewiesen bin.',
    accountHeading: 'Meine Darstellung (mein Standpunkt, Art. 22 Abs. 3 DSGVO):',
    accountBlank: '[Platz für Ihre eigene Darstellung: in Ihren Worten, was geschehen ist, warum die Entscheidung für Sie falsch oder ungerecht ist und was geändert werden soll.]',
    identityIntro: 'Zu meiner Identifizierung verwenden Sie bitte folgende Angaben:',
    elements: { name: 'Name', address: 'Anschrift', email: 'E-Mail-Adresse meines Kontos', birthdate: 'Geburtsdatum', phone: 'Telefonnummer meines Kontos', 'customer-number': 'Kundennummer' },
    blank: (label) => `[${label}]`,
    subjectLabel: 'Betreff', toLabel: 'An',
    forward: 'Sollten Sie nicht zuständig sein, bitte ich um Abgabe an die zuständige Aufsichtsbehörde (§ 19 Abs. 2 BDSG).',
    lead: (lead, controller) => `Federführende Aufsichtsbehörde für ${controller} ist ${lead} (Art. 56 DSGVO); ich bitte Sie, die Beschwerde in Zusammenarbeit mit ihr zu bearbeiten (Art. 60 DSGVO).`,
  },
  fr: {
    signature: '[signature]', greeting: 'Madame, Monsieur,', closing: 'Veuillez agréer, Madame, Monsieur, l\u2019expression de mes salutations distinguées.', place: '[lieu]',
    deadline: 'Merci de répondre dans un délai d\u2019un mois à compter de la réception (article 12, paragraphe 3, du RGPD). Ce délai ne peut être prolongé de deux mois que si nécessaire, compte tenu de la complexité et du nombre de demandes ; vous devez alors m\u2019en informer, avec les motifs, dans le premier mois.',
    findingsIntro: 'Dans le projet crowdaudit, de nombreuses personnes ont mis en commun les données de décisions comme la mienne. Ces données montrent :',
    noFinding: 'Dans le projet crowdaudit, de nombreuses personnes ont mis en commun les données de décisions comme la mienne. Il n\u2019a pas (encore) constaté de différence dans ces décisions qui touche un groupe auquel j\u2019appartiens. Cela ne montre pas que la décision me concernant est juste ; cela signifie que je dépends d\u2019autant plus de votre explication de la logique sous-jacente et des motifs de la décision me concernant.',
    accountHeading: 'Mon exposé (mon point de vue, article 22, paragraphe 3, du RGPD) :',
    accountBlank: '[Espace pour votre propre exposé : avec vos mots, ce qui s\u2019est passé, pourquoi la décision est fausse ou injuste pour vous, et ce que vous voulez voir changer.]',
    identityIntro: 'Pour m\u2019identifier, merci d\u2019utiliser les informations suivantes :',
    elements: { name: 'Nom', address: 'Adresse postale', email: 'Adresse e-mail de mon compte', birthdate: 'Date de naissance', phone: 'Numéro de téléphone de mon compte', 'customer-number': 'Numéro de client' },
    blank: (label) => `[${label}]`,
    subjectLabel: 'Objet', toLabel: 'À',
    forward: 'Si vous n\u2019êtes pas compétents, merci de transmettre cette réclamation à l\u2019autorité de contrôle compétente.',
    lead: (lead, controller) => `L\u2019autorité de contrôle chef de file pour ${controller} est ${lead} (article 56 du RGPD) ; je vous demande de traiter cette réclamation en coopération avec elle (article 60 du RGPD).`,
  },
};

export function elementLabel(locale: Locale, element: string): string {
  return PHRASES[locale].elements[element] ?? element;
}

/** The findings that help the donor, as "– " paragraphs after an introduction; else the sentence that none was found. */
export function findingsParagraphs(facts: Pick<LetterFacts, 'locale' | 'findings'>): string[] {
  const phrases = PHRASES[facts.locale];
  if (facts.findings.length === 0) return [phrases.noFinding];
  return [phrases.findingsIntro, ...facts.findings.map((sentences) => `– ${sentences.join(' ')}`)];
}

/** The marked space for the donor's own account, or what the donor typed into it. */
export function accountParagraphs(facts: Pick<LetterFacts, 'locale' | 'account'>): string[] {
  const phrases = PHRASES[facts.locale];
  const account = facts.account?.trim();
  return [phrases.accountHeading, account ? account : phrases.accountBlank];
}

/**
 * The identification details other than the name (it signs the letter) and, by post, the
 * postal address (it heads the letter); an e-mail or web-form text states the address here.
 */
export function identityParagraphs(locale: Locale, identity: readonly IdentityDetail[], byPost = true): string[] {
  const extra = identity.filter((detail) => detail.element !== 'name' && !(byPost && detail.element === 'address'));
  if (extra.length === 0) return [];
  const phrases = PHRASES[locale];
  return [phrases.identityIntro, ...extra.map((detail) => labelled(elementLabel(locale, detail.element), (detail.value ?? phrases.blank(elementLabel(locale, detail.element))).replace(/\r?\n/g, ', '), locale))];
}
