/**
 * What the guided donation form says about several records (the person's facts once, one block
 * per record, add and remove) and the language switch, in English, German and French.
 * TypeScript makes German and French carry every English key; `{name}` marks a value.
 */
import type { Locale } from '../campaigns/types';
import { catalogueTranslator, type Translator } from './catalogue';

const en = {
  aboutYouHeading: 'About you',
  aboutYouIntro: 'You answer these once. They are the same for all your records.',
  recordsHeading: 'Your records',
  recordsIntro: 'One block for each record. You can add up to {max} here.',
  recordHeading: 'Record {number}',
  addRecord: 'Add another record',
  removeRecord: 'Remove record {number}',
  recordLimitReached: 'You have reached the limit of {max} records for this form.',
  csvInstead: 'Many records? You can also upload them as a CSV file.',
  formInstead: 'Only a few records? Use the form instead.',
  noAnswer: 'No answer',
  switchLanguage: 'Change language (your answers are kept)',
  recordAdded: 'A new empty block was added at the end: record {number}.',
  recordRemoved: 'The record was removed.',
  coarsenedMeans: '“Coarsened” means made less exact: for example a wider age group, a year instead of a month, one postcode digit instead of two, until each row fits at least {k} people.',
};

type FormMessageKey = keyof typeof en;
type Catalogue = Record<FormMessageKey, string>;

const de: Catalogue = {
  aboutYouHeading: 'Über Sie',
  aboutYouIntro: 'Diese Fragen beantworten Sie nur einmal. Sie gelten für alle Ihre Einträge.',
  recordsHeading: 'Ihre Einträge',
  recordsIntro: 'Ein Block für jeden Eintrag. Hier können Sie bis zu {max} angeben.',
  recordHeading: 'Eintrag {number}',
  addRecord: 'Weiteren Eintrag hinzufügen',
  removeRecord: 'Eintrag {number} entfernen',
  recordLimitReached: 'Sie haben die Grenze von {max} Einträgen für dieses Formular erreicht.',
  csvInstead: 'Viele Einträge? Sie können sie auch als CSV-Datei hochladen.',
  formInstead: 'Nur wenige Einträge? Nutzen Sie lieber das Formular.',
  noAnswer: 'Keine Antwort',
  switchLanguage: 'Sprache wechseln (Ihre Angaben bleiben erhalten)',
  recordAdded: 'Am Ende wurde ein neuer leerer Block hinzugefügt: Eintrag {number}.',
  recordRemoved: 'Der Eintrag wurde entfernt.',
  coarsenedMeans: '„Vergröbert“ heißt ungenauer gemacht: zum Beispiel eine breitere Altersgruppe, ein Jahr statt eines Monats, eine Ziffer der Postleitzahl statt zwei, bis jede Zeile auf mindestens {k} Menschen passt.',
};

const fr: Catalogue = {
  aboutYouHeading: 'À propos de vous',
  aboutYouIntro: 'Vous répondez une seule fois. Ces réponses valent pour toutes vos entrées.',
  recordsHeading: 'Vos entrées',
  recordsIntro: 'Un bloc par entrée. Vous pouvez en ajouter jusqu\u2019à {max} ici.',
  recordHeading: 'Entrée {number}',
  addRecord: 'Ajouter une autre entrée',
  removeRecord: 'Retirer l\u2019entrée {number}',
  recordLimitReached: 'Vous avez atteint la limite de {max} entrées pour ce formulaire.',
  csvInstead: 'Beaucoup d\u2019entrées ? Vous pouvez aussi les envoyer dans un fichier CSV.',
  formInstead: 'Seulement quelques entrées ? Utilisez plutôt le formulaire.',
  noAnswer: 'Pas de réponse',
  switchLanguage: 'Changer de langue (vos réponses sont conservées)',
  recordAdded: 'Un nouveau bloc vide a été ajouté à la fin : entrée {number}.',
  recordRemoved: 'L\u2019entrée a été retirée.',
  coarsenedMeans: '« Sous une forme simplifiée » veut dire moins précise : par exemple une tranche d\u2019âge plus large, une année au lieu d\u2019un mois, un chiffre du code postal au lieu de deux, jusqu\u2019à ce que chaque ligne corresponde à au moins {k} personnes.',
};

const catalogues: Record<Locale, Catalogue> = { en, de, fr };

export type FormTranslate = Translator<FormMessageKey>;

export function formTranslator(locale: Locale): FormTranslate {
  return catalogueTranslator(catalogues, locale);
}

export { catalogues as formCatalogues };
