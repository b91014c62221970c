/**
 * The request for human intervention and the contest of an automated decision (GDPR Art. 22(3)):
 * the donor's view with the pack's facts, review by a person with authority to change the
 * decision, the reasons and the procedure and principles actually applied. For credit scores
 * the CJEU's SCHUFA judgment (C-634/21) makes the score itself a decision under Art. 22(1).
 */
import type { LetterFacts, LetterText } from './letter-types';
import { accountParagraphs, findingsParagraphs, PHRASES } from './letter-phrases';

const TEXT = {
  en: {
    title: 'Request for human review and contest of an automated decision (Art. 22(3) GDPR)',
    subject: 'Art. 22(3) GDPR: request for human intervention, my point of view, and contest of the decision',
    decision: (decision: string) => `This letter concerns the following decision about me: ${decision}. I consider that it was based solely on automated processing, including profiling, and that it significantly affects me (Art. 22(1) GDPR).`,
    credit: 'The Court of Justice of the EU has held that the automated calculation of a probability value (a score) is itself such a decision where a third party draws strongly on it to decide about a person (judgment of 7 December 2023, SCHUFA Holding, C-634/21).',
    view: 'My point of view (Art. 22(3) GDPR):',
    noEvidence: 'I consider the decision wrong and I ask you to check it against my actual situation.',
    demands: [
      'I contest this decision.',
      'I ask that the decision be reviewed by a natural person who has the authority and competence to change it, and who takes account of my point of view and the facts above.',
      'Please tell me the reasons for the decision and the procedure and principles actually applied to my data to reach it, in a way I can understand, as the Court of Justice requires (judgment of 27 February 2025, Dun & Bradstreet Austria, C-203/22). If you consider parts of this to be trade secrets, they must be given to the supervisory authority or a court, which weighs the interests; they cannot simply be withheld.',
      'Please also tell me the result of the review and what you changed.',
    ],
    citations: ['Art. 22(1) and (3) GDPR', 'CJEU C-634/21 (SCHUFA Holding), 7 December 2023', 'CJEU C-203/22 (Dun & Bradstreet Austria), 27 February 2025', 'Art. 12(3) GDPR'],
  },
  de: {
    title: 'Antrag auf Überprüfung durch einen Menschen und Anfechtung einer automatisierten Entscheidung (Art. 22 Abs. 3 DSGVO)',
    subject: 'Art. 22 Abs. 3 DSGVO: Eingreifen einer Person, Darlegung meines Standpunkts und Anfechtung der Entscheidung',
    decision: (decision: string) => `Dieses Schreiben betrifft folgende Entscheidung über mich: ${decision}. Ich gehe davon aus, dass sie ausschließlich auf einer automatisierten Verarbeitung einschließlich Profiling beruht und mich erheblich beeinträchtigt (Art. 22 Abs. 1 DSGVO).`,
    credit: 'Der Gerichtshof der EU hat entschieden, dass bereits die automatisierte Berechnung eines Wahrscheinlichkeitswerts (Score) eine solche Entscheidung ist, wenn ein Dritter maßgeblich darauf zurückgreift, um über eine Person zu entscheiden (Urteil vom 7. Dezember 2023, SCHUFA Holding, C-634/21).',
    view: 'Mein Standpunkt (Art. 22 Abs. 3 DSGVO):',
    noEvidence: 'Ich halte die Entscheidung für falsch und bitte Sie, sie anhand meiner tatsächlichen Lage zu prüfen.',
    demands: [
      'Ich fechte diese Entscheidung an.',
      'Ich verlange, dass die Entscheidung von einer natürlichen Person überprüft wird, die befugt und fachlich in der Lage ist, sie zu ändern, und die meinen Standpunkt und die obigen Tatsachen berücksichtigt.',
      'Bitte teilen Sie mir die Gründe der Entscheidung sowie das Verfahren und die Grundsätze mit, die auf meine Daten tatsächlich angewandt wurden, und zwar so, dass ich sie verstehen kann, wie es der Gerichtshof verlangt (Urteil vom 27. Februar 2025, Dun & Bradstreet Austria, C-203/22). Soweit Sie Teile davon für Geschäftsgeheimnisse halten, sind sie der Aufsichtsbehörde oder einem Gericht vorzulegen, das die Interessen abwägt; sie dürfen nicht einfach zurückgehalten werden.',
      'Bitte teilen Sie mir auch das Ergebnis der Überprüfung mit und was Sie geändert haben.',
    ],
    citations: ['Art. 22 Abs. 1 und 3 DSGVO', 'EuGH C-634/21 (SCHUFA Holding), 7. Dezember 2023', 'EuGH C-203/22 (Dun & Bradstreet Austria), 27. Februar 2025', 'Art. 12 Abs. 3 DSGVO'],
  },
  fr: {
    title: 'Demande d\u2019intervention humaine et contestation d\u2019une décision automatisée (article 22, paragraphe 3, du RGPD)',
    subject: 'Article 22, paragraphe 3, du RGPD : intervention humaine, expression de mon point de vue et contestation de la décision',
    decision: (decision: string) => `Ce courrier concerne la décision suivante me concernant : ${decision}. J\u2019estime qu\u2019elle est fondée exclusivement sur un traitement automatisé, y compris un profilage, et qu\u2019elle m\u2019affecte de manière significative (article 22, paragraphe 1, du RGPD).`,
    credit: 'La Cour de justice de l\u2019UE a jugé que le calcul automatisé d\u2019une valeur de probabilité (un score) constitue lui-même une telle décision lorsqu\u2019un tiers s\u2019y fonde de manière déterminante pour décider à l\u2019égard d\u2019une personne (arrêt du 7 décembre 2023, SCHUFA Holding, C-634/21).',
    view: 'Mon point de vue (article 22, paragraphe 3, du RGPD) :',
    noEvidence: 'J\u2019estime que la décision est erronée et je vous demande de la vérifier au regard de ma situation réelle.',
    demands: [
      'Je conteste cette décision.',
      'Je demande qu\u2019elle soit réexaminée par une personne physique ayant le pouvoir et la compétence de la modifier, qui tienne compte de mon point de vue et des faits ci-dessus.',
      'Merci de me communiquer les motifs de la décision ainsi que la procédure et les principes effectivement appliqués à mes données, de manière compréhensible, comme l\u2019exige la Cour de justice (arrêt du 27 février 2025, Dun & Bradstreet Austria, C-203/22). Si vous estimez que certains éléments relèvent du secret des affaires, ils doivent être communiqués à l\u2019autorité de contrôle ou à une juridiction, qui met en balance les intérêts ; ils ne peuvent pas simplement être refusés.',
      'Merci également de m\u2019informer du résultat du réexamen et de ce que vous avez modifié.',
    ],
    citations: ['Article 22, paragraphes 1 et 3, du RGPD', 'CJUE C-634/21 (SCHUFA Holding), 7 décembre 2023', 'CJUE C-203/22 (Dun & Bradstreet Austria), 27 février 2025', 'Article 12, paragraphe 3, du RGPD'],
  },
};

export function art22Letter(facts: LetterFacts): LetterText {
  const text = TEXT[facts.locale];
  const phrases = PHRASES[facts.locale];
  return {
    title: text.title,
    subject: text.subject,
    paragraphs: [text.decision(facts.decision), ...(facts.campaignKind === 'credit' ? [text.credit] : []), ...accountParagraphs(facts), ...findingsParagraphs(facts), text.noEvidence, ...text.demands, phrases.deadline],
    citations: facts.campaignKind === 'credit' ? text.citations : text.citations.filter((citation) => !citation.includes('C-634/21')),
  };
}
