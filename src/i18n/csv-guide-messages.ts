/**
 * What the CSV column guide says, in English, German and French. TypeScript makes German and
 * French carry every English key; `{name}` marks a value.
 */
import type { Locale } from '../campaigns/types';
import { catalogueTranslator, type Translator } from './catalogue';

const en = {
  guideTitle: 'The columns of the CSV file: {name}',
  guideIntro: 'One row for each record. The first row names the columns. You may name a column by its short name or by its title in English, German or French. Answers may be the value or its label in any of these languages; capitals and accents do not matter.',
  guideSeparators: 'Commas or semicolons both work (German and French spreadsheets use semicolons). Numbers may have a decimal comma.',
  guideLink: 'What goes in each column',
  guideShortName: 'Short name',
  guideRequired: 'Required: every row needs it.',
  guideOptional: 'Optional: leave the cell empty if you do not know.',
  guideValue: 'Write',
  guideMeaning: 'Meaning',
  guideMonth: 'A month, for example 2025-06, 06/2025, 06.2025 or Jun 2025.',
  guideNumber: 'A number from {min} to {max}.',
  guideAnyNumber: 'A number.',
  guideWhole: 'A whole number from {min} to {max}.',
  guideYesNo: 'Yes or no (also ja/nein, oui/non, 1/0).',
  guidePattern: 'Example: {name}.',
  guidePostcode: 'A full postcode works too: only its first {count} digits are kept.',
  guideExample: 'Example: {name}',
  guideTemplate: 'Download the template (CSV)',
};

type CsvGuideKey = keyof typeof en;
type Catalogue = Record<CsvGuideKey, string>;

const de: Catalogue = {
  guideTitle: 'Die Spalten der CSV-Datei: {name}',
  guideIntro: 'Eine Zeile für jeden Eintrag. Die erste Zeile nennt die Spalten. Sie können eine Spalte mit ihrem Kurznamen oder ihrem Titel auf Deutsch, Englisch oder Französisch benennen. Antworten können der Wert oder seine Bezeichnung in einer dieser Sprachen sein; Groß- und Kleinschreibung und Akzente spielen keine Rolle.',
  guideSeparators: 'Kommas oder Semikolons gehen beide (deutsche und französische Tabellenprogramme nehmen Semikolons). Zahlen dürfen ein Dezimalkomma haben.',
  guideLink: 'Was in jede Spalte gehört',
  guideShortName: 'Kurzname',
  guideRequired: 'Pflicht: Jede Zeile braucht sie.',
  guideOptional: 'Freiwillig: Lassen Sie die Zelle leer, wenn Sie es nicht wissen.',
  guideValue: 'Schreiben Sie',
  guideMeaning: 'Bedeutung',
  guideMonth: 'Ein Monat, zum Beispiel 2025-06, 06/2025, 06.2025 oder Juni 2025.',
  guideNumber: 'Eine Zahl von {min} bis {max}.',
  guideAnyNumber: 'Eine Zahl.',
  guideWhole: 'Eine ganze Zahl von {min} bis {max}.',
  guideYesNo: 'Ja oder nein (auch yes/no, oui/non, 1/0).',
  guidePattern: 'Beispiel: {name}.',
  guidePostcode: 'Eine ganze Postleitzahl geht auch: Nur die ersten {count} Ziffern werden behalten.',
  guideExample: 'Beispiel: {name}',
  guideTemplate: 'Vorlage herunterladen (CSV)',
};

const fr: Catalogue = {
  guideTitle: 'Les colonnes du fichier CSV : {name}',
  guideIntro: 'Une ligne par entrée. La première ligne nomme les colonnes. Vous pouvez nommer une colonne par son nom court ou par son titre en français, en anglais ou en allemand. Les réponses peuvent être la valeur ou son libellé dans l\u2019une de ces langues ; majuscules et accents ne comptent pas.',
  guideSeparators: 'Virgules ou points-virgules conviennent tous deux (les tableurs français et allemands utilisent le point-virgule). Les nombres peuvent avoir une virgule décimale.',
  guideLink: 'Ce que contient chaque colonne',
  guideShortName: 'Nom court',
  guideRequired: 'Obligatoire : chaque ligne en a besoin.',
  guideOptional: 'Facultatif : laissez la cellule vide si vous ne savez pas.',
  guideValue: 'Écrivez',
  guideMeaning: 'Signification',
  guideMonth: 'Un mois, par exemple 2025-06, 06/2025, 06.2025 ou juin 2025.',
  guideNumber: 'Un nombre de {min} à {max}.',
  guideAnyNumber: 'Un nombre.',
  guideWhole: 'Un nombre entier de {min} à {max}.',
  guideYesNo: 'Oui ou non (aussi yes/no, ja/nein, 1/0).',
  guidePattern: 'Exemple : {name}.',
  guidePostcode: 'Un code postal complet convient aussi : seuls ses {count} premiers chiffres sont gardés.',
  guideExample: 'Exemple : {name}',
  guideTemplate: 'Télécharger le modèle (CSV)',
};

const catalogues: Record<Locale, Catalogue> = { en, de, fr };

export type CsvGuideTranslate = Translator<CsvGuideKey>;

export function csvGuideTranslator(locale: Locale): CsvGuideTranslate {
  return catalogueTranslator(catalogues, locale);
}

export { catalogues as csvGuideCatalogues };
