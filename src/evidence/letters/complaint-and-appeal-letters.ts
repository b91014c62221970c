/**
 * The complaint to a supervisory authority (Art. 77) and, for platform workers, the appeal
 * against a deactivation or suspension under the Platform Work Directive (EU) 2024/2831, whose
 * Art. 8–11 require information on automated systems, human oversight and a human review of
 * decisions that restrict, suspend or terminate an account.
 */
import type { LetterFacts, LetterText } from './letter-types';
import { localAddress } from './local-address';
import { accountParagraphs, findingsParagraphs } from './letter-phrases';

const COMPLAINT = {
  en: (facts: LetterFacts): LetterText => ({
    title: 'Complaint to the supervisory authority (Art. 77 GDPR)',
    subject: `Complaint under Article 77 GDPR against ${facts.controller.name}`,
    paragraphs: [
      `I lodge a complaint against ${facts.controller.name} (${localAddress(facts.controller.address, facts.locale).join(', ')}).`,
      `It concerns: ${facts.decision}.`,
      'On [date] I asked the controller for access to my data (Art. 15 GDPR) and for a human review of an automated decision (Art. 22(3) GDPR). [Describe the answer: none within one month, incomplete, without the logic involved, or a refusal.]',
      ...accountParagraphs(facts),
      ...findingsParagraphs(facts),
      'I ask you to examine whether the controller complies with Articles 12, 15 and 22 GDPR, to order it to answer my requests in full, and to inform me of the progress and outcome of the complaint (Art. 77(2) GDPR).',
      'Attached: my letters to the controller, its answers, and my crowdaudit evidence pack.',
    ],
    citations: ['Art. 77 GDPR', 'Art. 12, 15 and 22 GDPR'],
  }),
  de: (facts: LetterFacts): LetterText => ({
    title: 'Beschwerde bei der Aufsichtsbehörde (Art. 77 DSGVO)',
    subject: `Beschwerde nach Art. 77 DSGVO gegen ${facts.controller.name}`,
    paragraphs: [
      `Ich erhebe Beschwerde gegen ${facts.controller.name} (${localAddress(facts.controller.address, facts.locale).join(', ')}).`,
      `Es geht um: ${facts.decision}.`,
      'Am [Datum] habe ich den Verantwortlichen um Auskunft über meine Daten (Art. 15 DSGVO) und um Überprüfung einer automatisierten Entscheidung durch einen Menschen (Art. 22 Abs. 3 DSGVO) gebeten. [Beschreiben Sie die Antwort: keine innerhalb eines Monats, unvollständig, ohne die involvierte Logik, oder eine Ablehnung.]',
      ...accountParagraphs(facts),
      ...findingsParagraphs(facts),
      'Ich bitte Sie zu prüfen, ob der Verantwortliche die Art. 12, 15 und 22 DSGVO einhält, ihn anzuweisen, meine Anträge vollständig zu beantworten, und mich über den Stand und das Ergebnis der Beschwerde zu unterrichten (Art. 77 Abs. 2 DSGVO).',
      'Anlagen: meine Schreiben an den Verantwortlichen, seine Antworten und mein crowdaudit-Beweispaket.',
    ],
    citations: ['Art. 77 DSGVO', 'Art. 12, 15 und 22 DSGVO'],
  }),
  fr: (facts: LetterFacts): LetterText => ({
    title: 'Réclamation auprès de l\u2019autorité de contrôle (article 77 du RGPD)',
    subject: `Réclamation au titre de l\u2019article 77 du RGPD contre ${facts.controller.name}`,
    paragraphs: [
      `J\u2019introduis une réclamation contre ${facts.controller.name} (${localAddress(facts.controller.address, facts.locale).join(', ')}).`,
      `Elle concerne : ${facts.decision}.`,
      'Le [date], j\u2019ai demandé au responsable du traitement l\u2019accès à mes données (article 15 du RGPD) et le réexamen humain d\u2019une décision automatisée (article 22, paragraphe 3, du RGPD). [Décrivez la réponse : aucune en un mois, incomplète, sans la logique sous-jacente, ou un refus.]',
      ...accountParagraphs(facts),
      ...findingsParagraphs(facts),
      'Je vous demande d\u2019examiner si le responsable respecte les articles 12, 15 et 22 du RGPD, de lui ordonner de répondre entièrement à mes demandes et de m\u2019informer de l\u2019état d\u2019avancement et de l\u2019issue de la réclamation (article 77, paragraphe 2, du RGPD).',
      'Pièces jointes : mes courriers au responsable, ses réponses et mon dossier de preuves crowdaudit.',
    ],
    citations: ['Article 77 du RGPD', 'Articles 12, 15 et 22 du RGPD'],
  }),
};

const APPEAL = {
  en: (facts: LetterFacts): LetterText => ({
    title: 'Appeal against a deactivation (Directive (EU) 2024/2831)',
    subject: 'Request for human review of the deactivation or suspension of my account',
    paragraphs: [
      `My account was restricted, suspended or deactivated: ${facts.decision}.`,
      'Under the Platform Work Directive (EU) 2024/2831, a decision to restrict, suspend or terminate a worker\u2019s account must be taken by a human being (Art. 10(5)), and I have the right to an explanation and to a review of decisions taken or supported by automated systems (Art. 11). I ask for both.',
      'Please give me in writing the reasons for the decision, the facts and data it was based on, and the automated monitoring or decision-making systems involved (Art. 9), and let me discuss them with a person who has the authority to change the decision.',
      ...accountParagraphs(facts),
      ...findingsParagraphs(facts),
      'I ask you to reverse the decision and restore my account. If the decision infringes my rights, the Directive requires you to rectify it without delay or, where that is not possible, to provide adequate compensation (Art. 11(3)). Please answer within two weeks (Art. 11(2)). This request is made without prejudice to my rights under Articles 15 and 22 GDPR.',
    ],
    citations: ['Directive (EU) 2024/2831, Art. 9, 10 and 11', 'Art. 22(3) GDPR'],
  }),
  de: (facts: LetterFacts): LetterText => ({
    title: 'Einspruch gegen eine Kontosperrung (Richtlinie (EU) 2024/2831)',
    subject: 'Antrag auf Überprüfung der Sperrung oder Deaktivierung meines Kontos durch einen Menschen',
    paragraphs: [
      `Mein Konto wurde eingeschränkt, gesperrt oder deaktiviert: ${facts.decision}.`,
      'Nach der Plattformarbeitsrichtlinie (EU) 2024/2831 muss eine Entscheidung, das Konto einer Arbeitskraft einzuschränken, auszusetzen oder zu schließen, von einem Menschen getroffen werden (Art. 10 Abs. 5), und ich habe das Recht auf eine Erklärung und auf Überprüfung von Entscheidungen, die von automatisierten Systemen getroffen oder unterstützt werden (Art. 11). Ich beantrage beides.',
      'Bitte nennen Sie mir schriftlich die Gründe der Entscheidung, die Tatsachen und Daten, auf denen sie beruht, und die beteiligten automatisierten Überwachungs- oder Entscheidungssysteme (Art. 9), und ermöglichen Sie mir, sie mit einer Person zu besprechen, die befugt ist, die Entscheidung zu ändern.',
      ...accountParagraphs(facts),
      ...findingsParagraphs(facts),
      'Ich fordere Sie auf, die Entscheidung aufzuheben und mein Konto wiederherzustellen. Verletzt die Entscheidung meine Rechte, müssen Sie sie nach der Richtlinie unverzüglich berichtigen oder, wenn das nicht möglich ist, angemessen entschädigen (Art. 11 Abs. 3). Bitte antworten Sie innerhalb von zwei Wochen (Art. 11 Abs. 2). Meine Rechte aus Art. 15 und 22 DSGVO bleiben unberührt.',
    ],
    citations: ['Richtlinie (EU) 2024/2831, Art. 9, 10 und 11', 'Art. 22 Abs. 3 DSGVO'],
  }),
  fr: (facts: LetterFacts): LetterText => ({
    title: 'Recours contre une désactivation (directive (UE) 2024/2831)',
    subject: 'Demande de réexamen humain de la désactivation ou de la suspension de mon compte',
    paragraphs: [
      `Mon compte a été restreint, suspendu ou désactivé : ${facts.decision}.`,
      'Selon la directive (UE) 2024/2831 relative au travail via une plateforme, la décision de restreindre, suspendre ou clôturer le compte d\u2019un travailleur doit être prise par un être humain (article 10, paragraphe 5), et j\u2019ai droit à une explication et au réexamen des décisions prises ou appuyées par des systèmes automatisés (article 11). Je demande les deux.',
      'Merci de m\u2019indiquer par écrit les motifs de la décision, les faits et données sur lesquels elle repose et les systèmes automatisés de surveillance ou de décision en cause (article 9), et de me permettre d\u2019en discuter avec une personne habilitée à modifier la décision.',
      ...accountParagraphs(facts),
      ...findingsParagraphs(facts),
      'Je vous demande d\u2019annuler la décision et de rétablir mon compte. Si la décision porte atteinte à mes droits, la directive vous oblige à la rectifier sans tarder ou, à défaut, à accorder une indemnisation adéquate (article 11, paragraphe 3). Merci de répondre dans un délai de deux semaines (article 11, paragraphe 2). Cette demande est sans préjudice de mes droits au titre des articles 15 et 22 du RGPD.',
    ],
    citations: ['Directive (UE) 2024/2831, articles 9, 10 et 11', 'Article 22, paragraphe 3, du RGPD'],
  }),
};

export function complaintLetter(facts: LetterFacts): LetterText {
  return COMPLAINT[facts.locale](facts);
}

export function deactivationAppealLetter(facts: LetterFacts): LetterText {
  return APPEAL[facts.locale](facts);
}
