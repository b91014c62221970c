/**
 * The access request (GDPR Art. 15): every item of Art. 15(1)(a)–(h), the copy of Art. 15(3),
 * what a credit bureau or a platform holds beyond that, an explicit statement for each item not
 * held, and the deadline of Art. 12(3).
 */
import type { LetterFacts, LetterText } from './letter-types';
import { PHRASES } from './letter-phrases';

const CREDIT = {
  en: ['all current and past scores about me, each with the date it was calculated, the score type and the score version;', 'the input factors used for each score and the weight of each factor;', 'the source of each entry you hold about me;', 'who received which score about me, and when.'],
  de: ['alle aktuellen und früheren Scores über mich, jeweils mit Datum der Berechnung, Art des Scores und Scoreversion;', 'die für jeden Score verwendeten Merkmale und deren Gewichtung;', 'die Herkunft jedes Eintrags, den Sie über mich speichern;', 'wer wann welchen Score über mich erhalten hat.'],
  fr: ['tous les scores actuels et passés me concernant, chacun avec sa date de calcul, son type et sa version ;', 'les facteurs utilisés pour chaque score et le poids de chacun ;', 'la source de chaque donnée que vous détenez sur moi ;', 'qui a reçu quel score me concernant, et à quelle date.'],
};
const PLATFORM = {
  en: ['the reasons for any deactivation, suspension or restriction of my account, and the data it was based on;', 'any fraud flags, risk scores or warnings about me;', 'my ratings and all performance metrics you keep about me (such as acceptance and cancellation rates), with their history;', 'how my pay for each job and the allocation of jobs to me were determined.'],
  de: ['die Gründe jeder Sperrung, Deaktivierung oder Einschränkung meines Kontos und die Daten, auf denen sie beruhte;', 'alle Betrugsmarkierungen, Risikowerte oder Warnungen über mich;', 'meine Bewertungen und alle Leistungskennzahlen, die Sie über mich führen (etwa Annahme- und Stornoquoten), mit ihrem Verlauf;', 'wie meine Bezahlung für jeden Auftrag und die Zuteilung von Aufträgen an mich bestimmt wurden.'],
  fr: ['les motifs de toute désactivation, suspension ou restriction de mon compte, et les données sur lesquelles elle reposait ;', 'tout signalement de fraude, score de risque ou avertissement me concernant ;', 'mes notes et tous les indicateurs de performance que vous conservez sur moi (taux d\u2019acceptation, d\u2019annulation…), avec leur historique ;', 'comment ma rémunération pour chaque course et l\u2019attribution des courses ont été déterminées.'],
};

const TEXT = {
  en: (facts: LetterFacts) => ({
    title: 'Access request (Art. 15 GDPR)',
    subject: 'Request for access to my personal data under Article 15 GDPR',
    intro: `I ask you to confirm whether you process personal data about me and, if so, to give me access to it. My request concerns in particular: ${facts.decision}.`,
    items: [
      '(a) the purposes of the processing;', '(b) the categories of personal data concerned;', '(c) the recipients or categories of recipients to whom the data have been or will be disclosed, in particular recipients in third countries;',
      '(d) the period for which the data will be stored, or the criteria used to determine it;', '(e) my rights to rectification, erasure, restriction and objection;', '(f) my right to lodge a complaint with a supervisory authority;',
      '(g) where the data were not collected from me, all available information on their source;', '(h) the existence of automated decision-making, including profiling (Art. 22(1) and (4)), and meaningful information about the logic involved, as well as the significance and the envisaged consequences of such processing for me.',
    ],
    copy: 'Please also provide a copy of all personal data undergoing processing (Art. 15(3) GDPR), in a commonly used electronic form.',
    specific: 'In particular I ask for:',
    notHeld: 'For each item above that you say you do not hold, please state so explicitly, item by item.',
    identity: 'To identify me you may use the details given in this letter. Please ask for nothing more than you need to find my data.',
    citations: ['Art. 15(1)(a)–(h) GDPR', 'Art. 15(3) GDPR', 'Art. 12(3) GDPR', 'CJEU C-203/22 (Dun & Bradstreet Austria), 27 February 2025'],
  }),
  de: (facts: LetterFacts) => ({
    title: 'Auskunftsersuchen (Art. 15 DSGVO)',
    subject: 'Auskunftsersuchen nach Art. 15 DSGVO',
    intro: `Ich bitte Sie um Bestätigung, ob Sie mich betreffende personenbezogene Daten verarbeiten, und falls ja, um Auskunft darüber. Mein Ersuchen betrifft insbesondere: ${facts.decision}.`,
    items: [
      'a) die Verarbeitungszwecke;', 'b) die Kategorien personenbezogener Daten, die verarbeitet werden;', 'c) die Empfänger oder Kategorien von Empfängern, gegenüber denen die Daten offengelegt worden sind oder noch offengelegt werden, insbesondere Empfänger in Drittländern;',
      'd) die geplante Speicherdauer oder die Kriterien für ihre Festlegung;', 'e) meine Rechte auf Berichtigung, Löschung, Einschränkung und Widerspruch;', 'f) mein Beschwerderecht bei einer Aufsichtsbehörde;',
      'g) wenn die Daten nicht bei mir erhoben wurden, alle verfügbaren Informationen über ihre Herkunft;', 'h) das Bestehen einer automatisierten Entscheidungsfindung einschließlich Profiling (Art. 22 Abs. 1 und 4) und aussagekräftige Informationen über die involvierte Logik sowie die Tragweite und die angestrebten Auswirkungen einer derartigen Verarbeitung für mich.',
    ],
    copy: 'Bitte stellen Sie mir außerdem eine Kopie aller personenbezogenen Daten, die Gegenstand der Verarbeitung sind, in einem gängigen elektronischen Format zur Verfügung (Art. 15 Abs. 3 DSGVO).',
    specific: 'Insbesondere bitte ich um:',
    notHeld: 'Für jeden oben genannten Punkt, zu dem Sie nach Ihrer Auskunft keine Daten haben, bitte ich um eine ausdrückliche Erklärung, Punkt für Punkt.',
    identity: 'Zu meiner Identifizierung können Sie die Angaben in diesem Schreiben verwenden. Bitte verlangen Sie nicht mehr, als Sie zum Auffinden meiner Daten brauchen.',
    citations: ['Art. 15 Abs. 1 lit. a–h DSGVO', 'Art. 15 Abs. 3 DSGVO', 'Art. 12 Abs. 3 DSGVO', 'EuGH C-203/22 (Dun & Bradstreet Austria), 27. Februar 2025'],
  }),
  fr: (facts: LetterFacts) => ({
    title: 'Demande d\u2019accès (article 15 du RGPD)',
    subject: 'Demande d\u2019accès à mes données personnelles au titre de l\u2019article 15 du RGPD',
    intro: `Je vous demande de me confirmer si vous traitez des données personnelles me concernant et, le cas échéant, de m\u2019y donner accès. Ma demande porte notamment sur : ${facts.decision}.`,
    items: [
      'a) les finalités du traitement ;', 'b) les catégories de données personnelles concernées ;', 'c) les destinataires ou catégories de destinataires auxquels les données ont été ou seront communiquées, en particulier dans des pays tiers ;',
      'd) la durée de conservation envisagée ou les critères utilisés pour la déterminer ;', 'e) mes droits de rectification, d\u2019effacement, de limitation et d\u2019opposition ;', 'f) mon droit d\u2019introduire une réclamation auprès d\u2019une autorité de contrôle ;',
      'g) lorsque les données n\u2019ont pas été collectées auprès de moi, toute information disponible sur leur source ;', 'h) l\u2019existence d\u2019une prise de décision automatisée, y compris un profilage (article 22, paragraphes 1 et 4), et des informations utiles concernant la logique sous-jacente, ainsi que l\u2019importance et les conséquences prévues de ce traitement pour moi.',
    ],
    copy: 'Merci de me fournir également une copie de toutes les données personnelles faisant l\u2019objet du traitement (article 15, paragraphe 3, du RGPD), sous une forme électronique d\u2019usage courant.',
    specific: 'Je demande en particulier :',
    notHeld: 'Pour chaque point ci-dessus sur lequel vous déclarez ne détenir aucune donnée, merci de l\u2019indiquer expressément, point par point.',
    identity: 'Pour m\u2019identifier, vous pouvez utiliser les informations figurant dans ce courrier. Ne demandez pas plus que ce qui est nécessaire pour retrouver mes données.',
    citations: ['Article 15, paragraphe 1, points a) à h), du RGPD', 'Article 15, paragraphe 3, du RGPD', 'Article 12, paragraphe 3, du RGPD', 'CJUE C-203/22 (Dun & Bradstreet Austria), 27 février 2025'],
  }),
};

export function accessLetter(facts: LetterFacts): LetterText {
  const text = TEXT[facts.locale](facts);
  const specific = (facts.campaignKind === 'credit' ? CREDIT : PLATFORM)[facts.locale];
  return {
    title: text.title,
    subject: text.subject,
    paragraphs: [text.intro, ...text.items, text.copy, text.specific, ...specific.map((item) => `– ${item}`), text.notHeld, PHRASES[facts.locale].deadline, text.identity],
    citations: text.citations,
  };
}
