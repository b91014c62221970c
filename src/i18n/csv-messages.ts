/**
 * What the CSV donation pages and the browser preview say, in English, German and French.
 * TypeScript makes German and French carry every English key; `{name}` marks a value.
 */
import type { Locale } from '../campaigns/types';

const en = {
  csvFormIntro: 'Give your jobs and decisions as a CSV file, one row for each. Most apps and spreadsheet programs can save a table as CSV.',
  csvTemplateLink: 'Download the template (CSV)',
  csvTemplateHint: 'It has the right column names and one example row. Replace the example with your own rows.',
  csvFileLabel: 'Your CSV file',
  csvFileHint: 'At most {max} rows. Commas or semicolons both work.',
  csvCheckButton: 'Check my file',
  csvNoFile: 'Please choose a CSV file.',
  csvFileKept: 'Your file with {count} rows is kept. You can also choose another one.',
  csvProblemTitle: 'We could not read this file',
  'csvProblem.not-text': 'This is not a CSV text file. In your spreadsheet program choose "Save as", then "CSV", and upload that file.',
  'csvProblem.empty': 'The file is empty.',
  'csvProblem.no-header': 'The first row must name the columns. Please start from the template.',
  'csvProblem.no-records': 'The file has column names but no rows.',
  'csvProblem.unclosed-quote': 'Row {row} has a quotation mark (") that is never closed.',
  'csvProblem.too-many-records': 'The file has {count} rows. One donation can hold at most {max}. Please split it into several files.',
  'csvProblem.file-too-large': 'The file is too large. Please split it into several files.',
  'csvProblem.columns': 'The column names in the first row do not match the template.',
  csvUnknownColumns: 'Not in the template: {name}.',
  csvMissingColumns: 'Missing: {name}.',
  csvReviewTitle: 'Check your rows before you send',
  csvReviewIntro: 'This is exactly what will be sent. Nothing has been sent yet.',
  csvRowCount: 'Rows to send: {count}',
  csvRowsWithProblems: '{count} rows need attention. Tick them and remove them, or correct your file and upload it again.',
  csvAllRowsFine: 'All rows are fine.',
  csvRowHeading: 'Row',
  csvRemoveHeading: 'Remove',
  csvRemoveRow: 'Remove row {row}',
  csvRemoveTicked: 'Remove ticked rows and check again',
  csvCellProblem: 'Row {row}: {name}',
  csvTooManyCells: 'Row {row} has more cells than there are columns.',
  csvUploadAgain: 'Choose another file',
  csvPreviewHeading: 'Your rows (not sent yet)',
  csvPreviewSummary: '{count} rows read from your file. Nothing has been sent yet.',
  csvPreviewProblems: '{count} rows need attention. Remove them here, or correct your file.',
  csvPreviewRemove: 'Remove',
  csvPreviewNoRows: 'No rows are left. Please choose a file.',
};

export type CsvMessageKey = keyof typeof en;
type Catalogue = Record<CsvMessageKey, string>;

const de: Catalogue = {
  csvFormIntro: 'Geben Sie Ihre Aufträge und Entscheidungen als CSV-Datei, eine Zeile für jede. Die meisten Apps und Tabellenprogramme können eine Tabelle als CSV speichern.',
  csvTemplateLink: 'Vorlage herunterladen (CSV)',
  csvTemplateHint: 'Sie hat die richtigen Spaltennamen und eine Beispielzeile. Ersetzen Sie das Beispiel durch Ihre eigenen Zeilen.',
  csvFileLabel: 'Ihre CSV-Datei',
  csvFileHint: 'Höchstens {max} Zeilen. Komma oder Semikolon gehen beide.',
  csvCheckButton: 'Datei prüfen',
  csvNoFile: 'Bitte wählen Sie eine CSV-Datei.',
  csvFileKept: 'Ihre Datei mit {count} Zeilen bleibt erhalten. Sie können auch eine andere wählen.',
  csvProblemTitle: 'Wir konnten diese Datei nicht lesen',
  'csvProblem.not-text': 'Das ist keine CSV-Textdatei. Wählen Sie in Ihrem Tabellenprogramm „Speichern unter“ und dann „CSV“ und laden Sie diese Datei hoch.',
  'csvProblem.empty': 'Die Datei ist leer.',
  'csvProblem.no-header': 'Die erste Zeile muss die Spalten benennen. Bitte beginnen Sie mit der Vorlage.',
  'csvProblem.no-records': 'Die Datei hat Spaltennamen, aber keine Zeilen.',
  'csvProblem.unclosed-quote': 'In Zeile {row} steht ein Anführungszeichen ("), das nie geschlossen wird.',
  'csvProblem.too-many-records': 'Die Datei hat {count} Zeilen. Eine Spende kann höchstens {max} enthalten. Bitte teilen Sie sie auf mehrere Dateien auf.',
  'csvProblem.file-too-large': 'Die Datei ist zu groß. Bitte teilen Sie sie auf mehrere Dateien auf.',
  'csvProblem.columns': 'Die Spaltennamen in der ersten Zeile passen nicht zur Vorlage.',
  csvUnknownColumns: 'Nicht in der Vorlage: {name}.',
  csvMissingColumns: 'Es fehlt: {name}.',
  csvReviewTitle: 'Prüfen Sie Ihre Zeilen vor dem Senden',
  csvReviewIntro: 'Genau das wird gesendet. Noch ist nichts gesendet.',
  csvRowCount: 'Zeilen zum Senden: {count}',
  csvRowsWithProblems: '{count} Zeilen brauchen Ihre Aufmerksamkeit. Kreuzen Sie sie an und entfernen Sie sie, oder korrigieren Sie Ihre Datei und laden Sie sie neu hoch.',
  csvAllRowsFine: 'Alle Zeilen sind in Ordnung.',
  csvRowHeading: 'Zeile',
  csvRemoveHeading: 'Entfernen',
  csvRemoveRow: 'Zeile {row} entfernen',
  csvRemoveTicked: 'Angekreuzte Zeilen entfernen und neu prüfen',
  csvCellProblem: 'Zeile {row}: {name}',
  csvTooManyCells: 'Zeile {row} hat mehr Zellen, als es Spalten gibt.',
  csvUploadAgain: 'Andere Datei wählen',
  csvPreviewHeading: 'Ihre Zeilen (noch nicht gesendet)',
  csvPreviewSummary: '{count} Zeilen aus Ihrer Datei gelesen. Noch ist nichts gesendet.',
  csvPreviewProblems: '{count} Zeilen brauchen Ihre Aufmerksamkeit. Entfernen Sie sie hier oder korrigieren Sie Ihre Datei.',
  csvPreviewRemove: 'Entfernen',
  csvPreviewNoRows: 'Es sind keine Zeilen übrig. Bitte wählen Sie eine Datei.',
};

const fr: Catalogue = {
  csvFormIntro: 'Donnez vos courses et décisions dans un fichier CSV, une ligne pour chacune. La plupart des applications et des tableurs savent enregistrer un tableau en CSV.',
  csvTemplateLink: 'Télécharger le modèle (CSV)',
  csvTemplateHint: 'Il contient les bons noms de colonnes et une ligne d\u2019exemple. Remplacez l\u2019exemple par vos propres lignes.',
  csvFileLabel: 'Votre fichier CSV',
  csvFileHint: '{max} lignes au plus. La virgule et le point-virgule fonctionnent tous les deux.',
  csvCheckButton: 'Vérifier mon fichier',
  csvNoFile: 'Veuillez choisir un fichier CSV.',
  csvFileKept: 'Votre fichier de {count} lignes est conservé. Vous pouvez aussi en choisir un autre.',
  csvProblemTitle: 'Nous n\u2019avons pas pu lire ce fichier',
  'csvProblem.not-text': 'Ce n\u2019est pas un fichier texte CSV. Dans votre tableur, choisissez « Enregistrer sous », puis « CSV », et envoyez ce fichier.',
  'csvProblem.empty': 'Le fichier est vide.',
  'csvProblem.no-header': 'La première ligne doit nommer les colonnes. Veuillez partir du modèle.',
  'csvProblem.no-records': 'Le fichier a des noms de colonnes mais aucune ligne.',
  'csvProblem.unclosed-quote': 'La ligne {row} contient un guillemet (") qui n\u2019est jamais fermé.',
  'csvProblem.too-many-records': 'Le fichier a {count} lignes. Un don peut en contenir {max} au plus. Veuillez le partager en plusieurs fichiers.',
  'csvProblem.file-too-large': 'Le fichier est trop volumineux. Veuillez le partager en plusieurs fichiers.',
  'csvProblem.columns': 'Les noms de colonnes de la première ligne ne correspondent pas au modèle.',
  csvUnknownColumns: 'Absent du modèle : {name}.',
  csvMissingColumns: 'Manquant : {name}.',
  csvReviewTitle: 'Vérifiez vos lignes avant l\u2019envoi',
  csvReviewIntro: 'Voici exactement ce qui sera envoyé. Rien n\u2019a encore été envoyé.',
  csvRowCount: 'Lignes à envoyer : {count}',
  csvRowsWithProblems: '{count} lignes demandent votre attention. Cochez-les et retirez-les, ou corrigez votre fichier et envoyez-le à nouveau.',
  csvAllRowsFine: 'Toutes les lignes sont correctes.',
  csvRowHeading: 'Ligne',
  csvRemoveHeading: 'Retirer',
  csvRemoveRow: 'Retirer la ligne {row}',
  csvRemoveTicked: 'Retirer les lignes cochées et vérifier à nouveau',
  csvCellProblem: 'Ligne {row} : {name}',
  csvTooManyCells: 'La ligne {row} a plus de cellules qu\u2019il n\u2019y a de colonnes.',
  csvUploadAgain: 'Choisir un autre fichier',
  csvPreviewHeading: 'Vos lignes (pas encore envoyées)',
  csvPreviewSummary: '{count} lignes lues dans votre fichier. Rien n\u2019a encore été envoyé.',
  csvPreviewProblems: '{count} lignes demandent votre attention. Retirez-les ici ou corrigez votre fichier.',
  csvPreviewRemove: 'Retirer',
  csvPreviewNoRows: 'Il ne reste aucune ligne. Veuillez choisir un fichier.',
};

const catalogues: Record<Locale, Catalogue> = { en, de, fr };

export type CsvTranslate = (key: CsvMessageKey, values?: Record<string, string | number>) => string;

export function csvTranslator(locale: Locale): CsvTranslate {
  const catalogue = catalogues[locale];
  return (key, values = {}) => catalogue[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export { catalogues as csvCatalogues };
