/**
 * The personal pack's guidance to the donor (never inside a letter): the first page in plain
 * words, how to send each letter, where to get help, and the form that fills the letters.
 */
import type { Locale } from '../campaigns/types';
import { catalogueTranslator, type Translator } from './catalogue';

const en = {
  summaryHeading: 'In short',
  summaryFound: 'What was found about people like you',
  summaryNothing: 'The campaign has not (yet) found a difference that affects a group you belong to. Your letters therefore ask the company to explain how it decided about you.',
  summaryMeanLower: 'People whose {attribute} is “{level}” got a {outcome} {amount} lower on average than people whose {attribute} is “{reference}” in the same circumstances. This is unlikely to be chance.',
  summaryMeanHigher: 'People whose {attribute} is “{level}” got a {outcome} {amount} higher on average than people whose {attribute} is “{reference}” in the same circumstances. This is unlikely to be chance.',
  summaryOdds: 'For people whose {attribute} is “{level}”, “{outcome}” happened more often than for people whose {attribute} is “{reference}” in the same circumstances (odds {ratio} times as high). This is unlikely to be chance.',
  summaryBelowPrediction: 'Your {outcome} is {amount} below what people with your circumstances get on average.',
  summaryMeaningHeading: 'What this means, and what it does not',
  summaryMeaning: 'These numbers compare groups of people who chose to donate their records. They do not prove that the decision about you was wrong, nor why it was made. They are good reasons to ask the company to explain it and to have a person review it; only findings that point against your group and are unlikely to be chance go into your letters.',
  summaryNextHeading: 'What to do next, and by when',
  stepSendNow: 'Now: send the access request (Art. 15) and the request for a human review (Art. 22). Keep a copy and note the day you sent them.',
  stepAppeal: 'Now: send the appeal against the deactivation. The platform should answer within two weeks.',
  stepAnswerBy: 'The company must answer within one month: if you send today, by {date}.',
  stepFollowUp: 'No answer by then, or no explanation of the logic: send the follow-up letter, then the complaint to the data-protection authority. A complaint costs nothing.',
  deadlineCautionHeading: 'Caution: a short deadline may apply',
  deadlineCaution: 'If you may legally be an employee rather than self-employed, losing your account can be a dismissal, and the deadline to contest a dismissal can be very short. Ask a union or a lawyer at once; do not wait for the platform’s answer.',
  helpHeading: 'Where to get free help',
  helpCountry: 'In {country}',
  sendWebform: 'Send through the web form at {url}: paste the subject and the text.',
  sendEmail: 'Send by e-mail to {address}.',
  sendPost: 'Print, sign and send by post; the address fits a window envelope.',
  addressUsed: 'Address used: {address} (source: datenanfragen.de, CC0; please check it is still current).',
  blanksToFill: 'Fill in before sending: {blanks}.',
  translationHeading: 'Translation for you (do not send)',
  writtenIn: 'This letter is written in {language}, the language of its recipient.',
  identityHeading: 'Details for your letters (optional, never stored)',
  identityHint: 'What you type here is written into the letters of this download only. It is not stored.',
  labelName: 'Your full name',
  labelAddress: 'Your postal address',
  labelEmail: 'The e-mail address of your account',
  labelBirthdate: 'Your date of birth',
  labelAccount: 'Your own account of what happened (optional)',
  labelLand: 'Your Land (for the complaint to its data-protection authority)',
  landNone: 'Not in Germany / not given',
  receiptPackHeading: 'Your evidence pack',
  receiptPackIntro: 'Your decision next to other people’s, with letters ready to send. You can also get it later at “My donation” with your receipt code.',
};

export type GuideMessageKey = keyof typeof en;
type Catalogue = Record<GuideMessageKey, string>;

const de: Catalogue = {
  summaryHeading: 'Das Wichtigste in Kürze',
  summaryFound: 'Was über Menschen wie Sie gefunden wurde',
  summaryNothing: 'Die Kampagne hat (bisher) keinen Unterschied gefunden, der eine Gruppe betrifft, zu der Sie gehören. Ihre Briefe bitten das Unternehmen daher, zu erklären, wie es über Sie entschieden hat.',
  summaryMeanLower: 'Menschen mit {attribute} „{level}“ erhielten unter gleichen Umständen im Durchschnitt einen um {amount} niedrigeren Wert bei {outcome} als Menschen mit {attribute} „{reference}“. Ein Zufall ist unwahrscheinlich.',
  summaryMeanHigher: 'Menschen mit {attribute} „{level}“ erhielten unter gleichen Umständen im Durchschnitt einen um {amount} höheren Wert bei {outcome} als Menschen mit {attribute} „{reference}“. Ein Zufall ist unwahrscheinlich.',
  summaryOdds: 'Bei Menschen mit {attribute} „{level}“ kam „{outcome}“ unter gleichen Umständen häufiger vor als bei Menschen mit {attribute} „{reference}“ (Chance {ratio}-mal so hoch). Ein Zufall ist unwahrscheinlich.',
  summaryBelowPrediction: 'Ihr Wert bei {outcome} liegt {amount} unter dem, was Menschen mit Ihren Umständen im Durchschnitt erhalten.',
  summaryMeaningHeading: 'Was das bedeutet und was nicht',
  summaryMeaning: 'Diese Zahlen vergleichen Gruppen von Menschen, die ihre Daten freiwillig gespendet haben. Sie beweisen nicht, dass die Entscheidung über Sie falsch war, und nicht, warum sie so ausfiel. Sie sind gute Gründe, das Unternehmen um Erklärung und um Überprüfung durch einen Menschen zu bitten; in Ihre Briefe kommen nur Ergebnisse, die gegen Ihre Gruppe sprechen und kaum Zufall sein können.',
  summaryNextHeading: 'Was Sie jetzt tun, und bis wann',
  stepSendNow: 'Jetzt: Schicken Sie das Auskunftsersuchen (Art. 15) und den Antrag auf Überprüfung durch einen Menschen (Art. 22). Behalten Sie eine Kopie und notieren Sie den Tag des Versands.',
  stepAppeal: 'Jetzt: Schicken Sie den Einspruch gegen die Sperrung. Die Plattform soll innerhalb von zwei Wochen antworten.',
  stepAnswerBy: 'Das Unternehmen muss innerhalb eines Monats antworten: wenn Sie heute schicken, bis zum {date}.',
  stepFollowUp: 'Keine Antwort bis dahin oder keine Erklärung der Logik: Schicken Sie die Nachfrage, dann die Beschwerde an die Datenschutzbehörde. Eine Beschwerde kostet nichts.',
  deadlineCautionHeading: 'Achtung: Es kann eine kurze Frist laufen',
  deadlineCaution: 'Wenn Sie rechtlich Arbeitnehmerin oder Arbeitnehmer statt selbstständig sein könnten, kann die Sperrung Ihres Kontos eine Kündigung sein, und die Frist, dagegen vorzugehen, kann sehr kurz sein. Fragen Sie sofort eine Gewerkschaft oder eine Anwältin oder einen Anwalt; warten Sie nicht auf die Antwort der Plattform.',
  helpHeading: 'Wo Sie kostenlos Hilfe bekommen',
  helpCountry: 'In {country}',
  sendWebform: 'Über das Webformular unter {url} senden: Betreff und Text hineinkopieren.',
  sendEmail: 'Per E-Mail an {address} senden.',
  sendPost: 'Ausdrucken, unterschreiben und per Post senden; die Anschrift passt in ein Fensterkuvert (DIN 5008).',
  addressUsed: 'Verwendete Anschrift: {address} (Quelle: datenanfragen.de, CC0; bitte prüfen Sie, ob sie noch stimmt).',
  blanksToFill: 'Vor dem Senden ausfüllen: {blanks}.',
  translationHeading: 'Übersetzung für Sie (nicht mitschicken)',
  writtenIn: 'Dieser Brief ist auf {language} geschrieben, in der Sprache des Empfängers.',
  identityHeading: 'Angaben für Ihre Briefe (freiwillig, werden nicht gespeichert)',
  identityHint: 'Was Sie hier eingeben, wird nur in die Briefe dieses Downloads geschrieben. Es wird nicht gespeichert.',
  labelName: 'Ihr vollständiger Name',
  labelAddress: 'Ihre Anschrift',
  labelEmail: 'Die E-Mail-Adresse Ihres Kontos',
  labelBirthdate: 'Ihr Geburtsdatum',
  labelAccount: 'Ihre eigene Darstellung, was geschehen ist (freiwillig)',
  labelLand: 'Ihr Bundesland (für die Beschwerde an seine Datenschutzbehörde)',
  landNone: 'Nicht in Deutschland / keine Angabe',
  receiptPackHeading: 'Ihr Beweispaket',
  receiptPackIntro: 'Ihre Entscheidung neben denen anderer, mit Briefen zum Verschicken. Sie bekommen es auch später unter „Meine Spende“ mit Ihrem Belegcode.',
};

const fr: Catalogue = {
  summaryHeading: 'L’essentiel',
  summaryFound: 'Ce qui a été constaté pour les personnes comme vous',
  summaryNothing: 'La campagne n’a pas (encore) constaté de différence qui touche un groupe auquel vous appartenez. Vos courriers demandent donc à l’entreprise d’expliquer comment elle a décidé à votre sujet.',
  summaryMeanLower: 'Les personnes dont la réponse à « {attribute} » est « {level} » ont obtenu en moyenne un résultat « {outcome} » inférieur de {amount} à celui des personnes dont la réponse est « {reference} », dans les mêmes circonstances. Il est peu probable que ce soit le hasard.',
  summaryMeanHigher: 'Les personnes dont la réponse à « {attribute} » est « {level} » ont obtenu en moyenne un résultat « {outcome} » supérieur de {amount} à celui des personnes dont la réponse est « {reference} », dans les mêmes circonstances. Il est peu probable que ce soit le hasard.',
  summaryOdds: 'Pour les personnes dont la réponse à « {attribute} » est « {level} », « {outcome} » est arrivé plus souvent que pour les personnes dont la réponse est « {reference} », dans les mêmes circonstances (cote {ratio} fois plus élevée). Il est peu probable que ce soit le hasard.',
  summaryBelowPrediction: 'Votre résultat « {outcome} » est inférieur de {amount} à ce qu’obtiennent en moyenne les personnes dans votre situation.',
  summaryMeaningHeading: 'Ce que cela signifie, et ce que cela ne signifie pas',
  summaryMeaning: 'Ces chiffres comparent des groupes de personnes qui ont choisi de donner leurs données. Ils ne prouvent pas que la décision vous concernant était fausse, ni pourquoi elle a été prise. Ce sont de bonnes raisons de demander à l’entreprise de l’expliquer et de la faire réexaminer par une personne ; seuls les résultats défavorables à votre groupe et peu probablement dus au hasard figurent dans vos courriers.',
  summaryNextHeading: 'Que faire maintenant, et avant quand',
  stepSendNow: 'Maintenant : envoyez la demande d’accès (article 15) et la demande de réexamen humain (article 22). Gardez une copie et notez la date d’envoi.',
  stepAppeal: 'Maintenant : envoyez le recours contre la désactivation. La plateforme doit répondre dans les deux semaines.',
  stepAnswerBy: 'L’entreprise doit répondre dans un délai d’un mois : si vous envoyez aujourd’hui, avant le {date}.',
  stepFollowUp: 'Sans réponse à cette date, ou sans explication de la logique : envoyez la relance, puis la réclamation à l’autorité de protection des données. Une réclamation est gratuite.',
  deadlineCautionHeading: 'Attention : un délai court peut s’appliquer',
  deadlineCaution: 'Si vous pouvez juridiquement être salarié plutôt qu’indépendant, la perte de votre compte peut être un licenciement, et le délai pour le contester peut être très court. Demandez tout de suite conseil à un syndicat ou à un avocat ; n’attendez pas la réponse de la plateforme.',
  helpHeading: 'Où obtenir une aide gratuite',
  helpCountry: 'Pays : {country}',
  sendWebform: 'Envoyez par le formulaire en ligne {url} : collez l’objet et le texte.',
  sendEmail: 'Envoyez par e-mail à {address}.',
  sendPost: 'Imprimez, signez et envoyez par la poste ; l’adresse est placée pour une enveloppe à fenêtre.',
  addressUsed: 'Adresse utilisée : {address} (source : datenanfragen.de, CC0 ; vérifiez qu’elle est toujours à jour).',
  blanksToFill: 'À compléter avant l’envoi : {blanks}.',
  translationHeading: 'Traduction pour vous (à ne pas envoyer)',
  writtenIn: 'Ce courrier est rédigé en {language}, la langue de son destinataire.',
  identityHeading: 'Informations pour vos courriers (facultatives, jamais enregistrées)',
  identityHint: 'Ce que vous saisissez ici est écrit uniquement dans les courriers de ce téléchargement. Rien n’est enregistré.',
  labelName: 'Vos nom et prénom',
  labelAddress: 'Votre adresse postale',
  labelEmail: 'L’adresse e-mail de votre compte',
  labelBirthdate: 'Votre date de naissance',
  labelAccount: 'Votre propre exposé de ce qui s’est passé (facultatif)',
  labelLand: 'Votre Land (pour la réclamation à son autorité de protection des données)',
  landNone: 'Pas en Allemagne / non indiqué',
  receiptPackHeading: 'Votre dossier de preuves',
  receiptPackIntro: 'Votre décision à côté de celles des autres, avec des courriers prêts à envoyer. Vous pouvez aussi l’obtenir plus tard dans « Mon don » avec votre code de reçu.',
};

const catalogues: Record<Locale, Catalogue> = { en, de, fr };

export type GuideTranslate = Translator<GuideMessageKey>;

export function guideTranslator(locale: Locale): GuideTranslate {
  return catalogueTranslator(catalogues, locale);
}
