/** The parts every letter shares: blanks for the sender, greeting, closing, the address note. */
import type { Locale } from '../../campaigns/types';

export const PHRASES: Record<Locale, {
  name: string; address: string; birthDate: string; signature: string; greeting: string; closing: string;
  addressUsed: string; place: string; evidenceIntro: string; deadline: string;
}> = {
  en: {
    name: '[your full name]', address: '[your postal address]', birthDate: '[your date of birth]', signature: '[signature]',
    greeting: 'Dear Sir or Madam,', closing: 'Yours faithfully,',
    addressUsed: 'Address used: {name} (source: datenanfragen.de, CC0 — please check it is still current).', place: '[place]',
    evidenceIntro: 'Records pooled by many people through the crowdaudit project show the following about decisions like mine:',
    deadline: 'Please answer within one month of receipt (Art. 12(3) GDPR). This period may be extended by two further months only where necessary, taking into account the complexity and number of requests; in that case you must inform me of the extension and the reasons within the first month.',
  },
  de: {
    name: '[Ihr vollständiger Name]', address: '[Ihre Anschrift]', birthDate: '[Ihr Geburtsdatum]', signature: '[Unterschrift]',
    greeting: 'Sehr geehrte Damen und Herren,', closing: 'Mit freundlichen Grüßen',
    addressUsed: 'Verwendete Anschrift: {name} (Quelle: datenanfragen.de, CC0 – bitte prüfen Sie, ob sie noch stimmt).', place: '[Ort]',
    evidenceIntro: 'Daten, die viele Menschen über das Projekt crowdaudit zusammengetragen haben, zeigen zu Entscheidungen wie meiner Folgendes:',
    deadline: 'Bitte antworten Sie innerhalb eines Monats nach Eingang (Art. 12 Abs. 3 DSGVO). Diese Frist kann nur wenn nötig, unter Berücksichtigung der Komplexität und der Anzahl von Anträgen, um weitere zwei Monate verlängert werden; darüber müssen Sie mich innerhalb des ersten Monats unter Angabe der Gründe unterrichten.',
  },
  fr: {
    name: '[vos nom et prénom]', address: '[votre adresse postale]', birthDate: '[votre date de naissance]', signature: '[signature]',
    greeting: 'Madame, Monsieur,', closing: 'Veuillez agréer, Madame, Monsieur, l\u2019expression de mes salutations distinguées.',
    addressUsed: 'Adresse utilisée : {name} (source : datenanfragen.de, CC0 – vérifiez qu\u2019elle est toujours à jour).', place: '[lieu]',
    evidenceIntro: 'Les données mises en commun par de nombreuses personnes dans le projet crowdaudit montrent ceci au sujet de décisions comme la mienne :',
    deadline: 'Merci de répondre dans un délai d\u2019un mois à compter de la réception (article 12, paragraphe 3, du RGPD). Ce délai ne peut être prolongé de deux mois que si nécessaire, compte tenu de la complexité et du nombre de demandes ; vous devez alors m\u2019en informer, avec les motifs, dans le premier mois.',
  },
};
