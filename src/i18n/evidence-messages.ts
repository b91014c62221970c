/**
 * What a donor's personal evidence pack says, in English, German and French: short, concrete,
 * no verdict beyond the numbers. `{name}` marks a value filled in at render.
 */
import type { Locale } from '../campaigns/types';
import { catalogueTranslator, type Translator } from './catalogue';

const en = {
  packTitle: 'Your evidence pack',
  packIntro: 'This pack puts your decision next to the decisions of other people who donated. You can send it with the letters below.',
  yourDonation: 'Your donation',
  donatedOnReceipt: 'Donated on {day}. Receipt fingerprint (SHA-256): {hash}.',
  consentGiven: 'Consent version {version}, agreed to: {purposes}.',
  peersHeading: 'People like you',
  peersSuppressed: 'Fewer than {k} people with the same {factors} have donated so far, so we show nothing about them yet.',
  peersRate: 'Of {count} people with the same {factors}, {rate} had "{outcome}". You are {mine}.',
  peersMean: 'Of {count} people with the same {factors}, the average {outcome} is {mean}; yours ({value}) is higher than about {percentile}% of theirs.',
  peersNone: 'You did not answer the questions we compare people on, so we cannot find people like you.',
  yesWord: 'among them',
  noWord: 'not among them',
  predictionHeading: 'What the data predict for you',
  predictionMean: 'From {factors} alone, people in your situation get an average {outcome} of {predicted}; yours is {actual} ({difference}). {percentile}% of people are further below their prediction than you.',
  predictionRate: 'From {factors} alone, the chance of "{outcome}" in your situation is {predicted}.',
  predictionUnavailable: 'No prediction is possible for "{outcome}" yet: {reason}',
  effectsHeading: 'Your group compared with others',
  effectReference: 'For "{outcome}", your group ({level}) is the comparison group for {attribute}.',
  effectSuppressed: 'For "{outcome}", fewer than {k} people of your group ({level}) have donated, so we show nothing yet.',
  effectNone: 'For "{outcome}", no comparison by {attribute} is possible yet.',
  caveatsHeading: 'What these numbers cannot show',
  lettersHeading: 'Letters you can send',
  lettersIntro: 'Each letter says how its recipient takes it (web form, e-mail or post) and is written in the recipient\u2019s language, with a translation for you where that differs. Fill in the blanks in [brackets], write your own statement in its space, and keep a copy.',
  manifestHeading: 'How this pack was made',
  noReleaseYet: 'the campaign\u2019s first release of findings is not out yet.',
  manifestText: 'Made on {day} by crowdaudit {version}. Every figure about other people comes from release {release} of the findings: {records} records of {people} people (dataset SHA-256 {hash}); your own donation is shown as stored today. Groups of fewer than {k} people are never shown. P-values are adjusted for many comparisons (Holm).',
  evidenceButtonPdf: 'Evidence pack (PDF)',
  evidenceButtonHtml: 'Evidence pack (web page)',
  evidenceButtonJson: 'Evidence pack (JSON)',
  evidenceSectionHeading: 'Your evidence pack',
  evidenceSectionIntro: 'Your decision next to other people\u2019s, with letters to ask for your data and a human review.',
  controllerLabel: 'Who made the decision',
  countryLabel: 'The country you live in',
  pageNote: 'Page {page}',
};

export type EvidenceMessageKey = keyof typeof en;
type Catalogue = Record<EvidenceMessageKey, string>;

const de: Catalogue = {
  packTitle: 'Ihr Beweispaket',
  packIntro: 'Dieses Paket stellt Ihre Entscheidung neben die Entscheidungen anderer Menschen, die gespendet haben. Sie können es mit den Briefen unten verschicken.',
  yourDonation: 'Ihre Spende',
  donatedOnReceipt: 'Gespendet am {day}. Fingerabdruck des Belegs (SHA-256): {hash}.',
  consentGiven: 'Einwilligung Version {version}, zugestimmt zu: {purposes}.',
  peersHeading: 'Menschen wie Sie',
  peersSuppressed: 'Bisher haben weniger als {k} Menschen mit gleichem {factors} gespendet, daher zeigen wir über sie noch nichts.',
  peersRate: 'Von {count} Menschen mit gleichem {factors} hatten {rate} „{outcome}“. Sie sind {mine}.',
  peersMean: 'Bei {count} Menschen mit gleichem {factors} liegt {outcome} im Durchschnitt bei {mean}; Ihr Wert ({value}) ist höher als bei etwa {percentile} % von ihnen.',
  peersNone: 'Sie haben die Fragen nicht beantwortet, nach denen wir Menschen vergleichen, daher finden wir keine Menschen wie Sie.',
  yesWord: 'darunter',
  noWord: 'nicht darunter',
  predictionHeading: 'Was die Daten für Sie vorhersagen',
  predictionMean: 'Allein nach {factors} erhalten Menschen in Ihrer Lage im Durchschnitt {outcome} {predicted}; Ihr Wert ist {actual} ({difference}). {percentile} % der Menschen liegen weiter unter ihrer Vorhersage als Sie.',
  predictionRate: 'Allein nach {factors} liegt die Wahrscheinlichkeit für „{outcome}“ in Ihrer Lage bei {predicted}.',
  predictionUnavailable: 'Für „{outcome}“ ist noch keine Vorhersage möglich: {reason}',
  effectsHeading: 'Ihre Gruppe im Vergleich',
  effectReference: 'Bei „{outcome}“ ist Ihre Gruppe ({level}) die Vergleichsgruppe für {attribute}.',
  effectSuppressed: 'Bei „{outcome}“ haben weniger als {k} Menschen Ihrer Gruppe ({level}) gespendet, daher zeigen wir noch nichts.',
  effectNone: 'Bei „{outcome}“ ist ein Vergleich nach {attribute} noch nicht möglich.',
  caveatsHeading: 'Was diese Zahlen nicht zeigen können',
  lettersHeading: 'Briefe, die Sie verschicken können',
  lettersIntro: 'Zu jedem Brief steht, wie der Empfänger ihn annimmt (Webformular, E-Mail oder Post); er ist in der Sprache des Empfängers geschrieben, mit einer Übersetzung für Sie, wo sie abweicht. Füllen Sie die Lücken in [Klammern] aus, schreiben Sie Ihre eigene Darstellung an die vorgesehene Stelle und behalten Sie eine Kopie.',
  manifestHeading: 'Wie dieses Paket entstand',
  noReleaseYet: 'Die erste Veröffentlichung der Ergebnisse dieser Kampagne steht noch aus.',
  manifestText: 'Erstellt am {day} mit crowdaudit {version}. Jede Zahl über andere Menschen stammt aus Veröffentlichung {release} der Ergebnisse: {records} Einträge von {people} Menschen (Datensatz SHA-256 {hash}); Ihre eigene Spende ist so gezeigt, wie sie heute gespeichert ist. Gruppen mit weniger als {k} Menschen werden nie gezeigt. Die p-Werte sind für viele Vergleiche angepasst (Holm).',
  evidenceButtonPdf: 'Beweispaket (PDF)',
  evidenceButtonHtml: 'Beweispaket (Webseite)',
  evidenceButtonJson: 'Beweispaket (JSON)',
  evidenceSectionHeading: 'Ihr Beweispaket',
  evidenceSectionIntro: 'Ihre Entscheidung neben denen anderer, mit Briefen, um Ihre Daten und eine Überprüfung durch einen Menschen zu verlangen.',
  controllerLabel: 'Wer hat entschieden',
  countryLabel: 'Das Land, in dem Sie leben',
  pageNote: 'Seite {page}',
};

const fr: Catalogue = {
  packTitle: 'Votre dossier de preuves',
  packIntro: 'Ce dossier place votre décision à côté de celles d\u2019autres personnes qui ont donné. Vous pouvez l\u2019envoyer avec les courriers ci-dessous.',
  yourDonation: 'Votre don',
  donatedOnReceipt: 'Donné le {day}. Empreinte du reçu (SHA-256) : {hash}.',
  consentGiven: 'Consentement version {version}, accepté pour : {purposes}.',
  peersHeading: 'Les personnes comme vous',
  peersSuppressed: 'Moins de {k} personnes avec les mêmes {factors} ont donné jusqu\u2019ici : nous ne montrons encore rien à leur sujet.',
  peersRate: 'Sur {count} personnes avec les mêmes {factors}, {rate} ont eu « {outcome} ». Vous êtes {mine}.',
  peersMean: 'Pour {count} personnes avec les mêmes {factors}, {outcome} vaut en moyenne {mean} ; votre valeur ({value}) dépasse celle d\u2019environ {percentile} % d\u2019entre elles.',
  peersNone: 'Vous n\u2019avez pas répondu aux questions sur lesquelles nous comparons les personnes : nous ne trouvons pas de personnes comme vous.',
  yesWord: 'parmi elles',
  noWord: 'pas parmi elles',
  predictionHeading: 'Ce que les données prédisent pour vous',
  predictionMean: 'D\u2019après {factors} seulement, les personnes dans votre situation obtiennent en moyenne {outcome} {predicted} ; votre valeur est {actual} ({difference}). {percentile} % des personnes sont plus loin sous leur prédiction que vous.',
  predictionRate: 'D\u2019après {factors} seulement, la probabilité de « {outcome} » dans votre situation est de {predicted}.',
  predictionUnavailable: 'Aucune prédiction n\u2019est encore possible pour « {outcome} » : {reason}',
  effectsHeading: 'Votre groupe comparé aux autres',
  effectReference: 'Pour « {outcome} », votre groupe ({level}) est le groupe de comparaison pour {attribute}.',
  effectSuppressed: 'Pour « {outcome} », moins de {k} personnes de votre groupe ({level}) ont donné : nous ne montrons encore rien.',
  effectNone: 'Pour « {outcome} », aucune comparaison selon {attribute} n\u2019est encore possible.',
  caveatsHeading: 'Ce que ces chiffres ne peuvent pas montrer',
  lettersHeading: 'Courriers que vous pouvez envoyer',
  lettersIntro: 'Chaque courrier indique comment son destinataire le reçoit (formulaire en ligne, e-mail ou poste) ; il est rédigé dans la langue du destinataire, avec une traduction pour vous si elle diffère. Complétez les blancs entre [crochets], écrivez votre propre exposé à l\u2019endroit prévu et gardez une copie.',
  manifestHeading: 'Comment ce dossier a été fait',
  noReleaseYet: 'la première publication des résultats de la campagne n\u2019est pas encore parue.',
  manifestText: 'Établi le {day} par crowdaudit {version}. Chaque chiffre sur d\u2019autres personnes provient de la publication {release} des résultats : {records} enregistrements de {people} personnes (jeu de données SHA-256 {hash}) ; votre propre don est montré tel qu\u2019il est enregistré aujourd\u2019hui. Les groupes de moins de {k} personnes ne sont jamais montrés. Les valeurs p sont ajustées pour les comparaisons multiples (Holm).',
  evidenceButtonPdf: 'Dossier de preuves (PDF)',
  evidenceButtonHtml: 'Dossier de preuves (page web)',
  evidenceButtonJson: 'Dossier de preuves (JSON)',
  evidenceSectionHeading: 'Votre dossier de preuves',
  evidenceSectionIntro: 'Votre décision à côté de celles des autres, avec des courriers pour demander vos données et un réexamen humain.',
  controllerLabel: 'Qui a pris la décision',
  countryLabel: 'Le pays où vous vivez',
  pageNote: 'Page {page}',
};

const catalogues: Record<Locale, Catalogue> = { en, de, fr };

export type EvidenceTranslate = Translator<EvidenceMessageKey>;

export function evidenceTranslator(locale: Locale): EvidenceTranslate {
  return catalogueTranslator(catalogues, locale);
}
