/**
 * The shorter letters: rectification (Art. 16), objection (Art. 21(1), with restriction while it
 * is checked, Art. 18(1)(d)), and the follow-up when an answer leaves out the logic involved or
 * refuses it as a trade secret (C-203/22).
 */
import type { LetterFacts, LetterText } from './letter-types';
import { PHRASES } from './letter-phrases';

const RECTIFICATION = {
  en: (facts: LetterFacts): LetterText => ({
    title: 'Request for rectification (Art. 16 GDPR)',
    subject: 'Request to correct and complete my personal data under Article 16 GDPR',
    paragraphs: [
      `This concerns: ${facts.decision}.`,
      'Some of the data you hold about me are inaccurate or incomplete. Please correct the following without undue delay: [describe each wrong or missing entry, and what is correct].',
      'Please also recalculate any score or decision that relied on the wrong data, tell me every recipient to whom you disclosed the wrong data (Art. 19 GDPR), and inform them of the correction.',
      PHRASES.en.deadline,
    ],
    citations: ['Art. 16 GDPR', 'Art. 19 GDPR', 'Art. 12(3) GDPR'],
  }),
  de: (facts: LetterFacts): LetterText => ({
    title: 'Antrag auf Berichtigung (Art. 16 DSGVO)',
    subject: 'Berichtigung und Vervollständigung meiner Daten nach Art. 16 DSGVO',
    paragraphs: [
      `Es geht um: ${facts.decision}.`,
      'Einige der Daten, die Sie über mich speichern, sind unrichtig oder unvollständig. Bitte berichtigen Sie unverzüglich: [jeden falschen oder fehlenden Eintrag beschreiben und was richtig ist].',
      'Bitte berechnen Sie außerdem jeden Score und jede Entscheidung neu, die auf den falschen Daten beruhte, nennen Sie mir alle Empfänger, denen Sie die falschen Daten offengelegt haben (Art. 19 DSGVO), und teilen Sie ihnen die Berichtigung mit.',
      PHRASES.de.deadline,
    ],
    citations: ['Art. 16 DSGVO', 'Art. 19 DSGVO', 'Art. 12 Abs. 3 DSGVO'],
  }),
  fr: (facts: LetterFacts): LetterText => ({
    title: 'Demande de rectification (article 16 du RGPD)',
    subject: 'Demande de rectification et de complément de mes données au titre de l\u2019article 16 du RGPD',
    paragraphs: [
      `Cela concerne : ${facts.decision}.`,
      'Certaines données que vous détenez sur moi sont inexactes ou incomplètes. Merci de corriger dans les meilleurs délais : [décrivez chaque donnée fausse ou manquante, et ce qui est exact].',
      'Merci aussi de recalculer tout score ou toute décision fondé sur les données erronées, de m\u2019indiquer chaque destinataire à qui vous les avez communiquées (article 19 du RGPD) et de l\u2019informer de la rectification.',
      PHRASES.fr.deadline,
    ],
    citations: ['Article 16 du RGPD', 'Article 19 du RGPD', 'Article 12, paragraphe 3, du RGPD'],
  }),
};

const OBJECTION = {
  en: (facts: LetterFacts): LetterText => ({
    title: 'Objection to processing (Art. 21 GDPR)',
    subject: 'Objection under Article 21(1) GDPR',
    paragraphs: [
      `This concerns: ${facts.decision}.`,
      'I object to the processing of my personal data based on Art. 6(1)(e) or (f) GDPR, including profiling, on grounds relating to my particular situation: [describe your situation in a few sentences].',
      'You must stop this processing unless you demonstrate compelling legitimate grounds that override my interests, rights and freedoms. Until you have checked this, please restrict the processing of my data (Art. 18(1)(d) GDPR) and confirm that you have done so.',
      PHRASES.en.deadline,
    ],
    citations: ['Art. 21(1) GDPR', 'Art. 18(1)(d) GDPR', 'Art. 12(3) GDPR'],
  }),
  de: (facts: LetterFacts): LetterText => ({
    title: 'Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)',
    subject: 'Widerspruch nach Art. 21 Abs. 1 DSGVO',
    paragraphs: [
      `Es geht um: ${facts.decision}.`,
      'Aus Gründen, die sich aus meiner besonderen Situation ergeben, widerspreche ich der Verarbeitung meiner personenbezogenen Daten auf Grundlage von Art. 6 Abs. 1 lit. e oder f DSGVO einschließlich Profiling: [beschreiben Sie Ihre Lage in wenigen Sätzen].',
      'Sie müssen diese Verarbeitung einstellen, sofern Sie nicht zwingende schutzwürdige Gründe nachweisen, die meine Interessen, Rechte und Freiheiten überwiegen. Bis Sie dies geprüft haben, bitte ich um Einschränkung der Verarbeitung meiner Daten (Art. 18 Abs. 1 lit. d DSGVO) und um Bestätigung.',
      PHRASES.de.deadline,
    ],
    citations: ['Art. 21 Abs. 1 DSGVO', 'Art. 18 Abs. 1 lit. d DSGVO', 'Art. 12 Abs. 3 DSGVO'],
  }),
  fr: (facts: LetterFacts): LetterText => ({
    title: 'Opposition au traitement (article 21 du RGPD)',
    subject: 'Opposition au titre de l\u2019article 21, paragraphe 1, du RGPD',
    paragraphs: [
      `Cela concerne : ${facts.decision}.`,
      'Je m\u2019oppose, pour des raisons tenant à ma situation particulière, au traitement de mes données personnelles fondé sur l\u2019article 6, paragraphe 1, point e) ou f), du RGPD, y compris le profilage : [décrivez votre situation en quelques phrases].',
      'Vous devez cesser ce traitement, sauf à démontrer des motifs légitimes et impérieux qui prévalent sur mes intérêts, droits et libertés. En attendant cette vérification, merci de limiter le traitement de mes données (article 18, paragraphe 1, point d), du RGPD) et de me le confirmer.',
      PHRASES.fr.deadline,
    ],
    citations: ['Article 21, paragraphe 1, du RGPD', 'Article 18, paragraphe 1, point d), du RGPD', 'Article 12, paragraphe 3, du RGPD'],
  }),
};

const FOLLOW_UP = {
  en: (facts: LetterFacts): LetterText => ({
    title: 'Follow-up: the logic involved is missing (Art. 15(1)(h) GDPR)',
    subject: 'My access request: meaningful information about the logic involved is still missing',
    paragraphs: [
      `I asked you for access to my data, including about: ${facts.decision}. Your answer of [date of their answer] does not give meaningful information about the logic involved in the automated decision (Art. 15(1)(h) GDPR), or refuses it as a trade secret.`,
      'The Court of Justice has held that I am entitled to an explanation of the procedure and principles actually applied to my personal data to obtain the result, in a concise, transparent, intelligible and easily accessible form; handing over a complex formula or an algorithm does not suffice (judgment of 27 February 2025, Dun & Bradstreet Austria, C-203/22).',
      'Where you consider that this information includes trade secrets or third parties\u2019 data, you must communicate it to the competent supervisory authority or court, which weighs the rights and interests at stake. A blanket refusal is not lawful.',
      'Please send the missing information within one month. Otherwise I will lodge a complaint with the supervisory authority (Art. 77 GDPR).',
    ],
    citations: ['Art. 15(1)(h) GDPR', 'CJEU C-203/22 (Dun & Bradstreet Austria), 27 February 2025', 'Art. 77 GDPR'],
  }),
  de: (facts: LetterFacts): LetterText => ({
    title: 'Nachfrage: Die involvierte Logik fehlt (Art. 15 Abs. 1 lit. h DSGVO)',
    subject: 'Mein Auskunftsersuchen: aussagekräftige Informationen über die involvierte Logik fehlen noch',
    paragraphs: [
      `Ich habe Sie um Auskunft über meine Daten gebeten, auch zu: ${facts.decision}. Ihre Antwort vom [Datum der Antwort] enthält keine aussagekräftigen Informationen über die involvierte Logik der automatisierten Entscheidung (Art. 15 Abs. 1 lit. h DSGVO) oder verweigert sie als Geschäftsgeheimnis.`,
      'Der Gerichtshof hat entschieden, dass ich Anspruch auf eine Erläuterung des Verfahrens und der Grundsätze habe, die konkret auf meine Daten angewandt wurden, um das Ergebnis zu erhalten, und zwar in präziser, transparenter, verständlicher und leicht zugänglicher Form; die Übermittlung einer komplexen Formel oder eines Algorithmus genügt nicht (Urteil vom 27. Februar 2025, Dun & Bradstreet Austria, C-203/22).',
      'Soweit diese Informationen nach Ihrer Ansicht Geschäftsgeheimnisse oder Daten Dritter enthalten, müssen Sie sie der zuständigen Aufsichtsbehörde oder dem Gericht übermitteln, die die Rechte und Interessen abwägen. Eine pauschale Verweigerung ist nicht zulässig.',
      'Bitte senden Sie mir die fehlenden Informationen innerhalb eines Monats. Andernfalls werde ich Beschwerde bei der Aufsichtsbehörde einlegen (Art. 77 DSGVO).',
    ],
    citations: ['Art. 15 Abs. 1 lit. h DSGVO', 'EuGH C-203/22 (Dun & Bradstreet Austria), 27. Februar 2025', 'Art. 77 DSGVO'],
  }),
  fr: (facts: LetterFacts): LetterText => ({
    title: 'Relance : la logique sous-jacente manque (article 15, paragraphe 1, point h), du RGPD)',
    subject: 'Ma demande d\u2019accès : les informations utiles sur la logique sous-jacente manquent encore',
    paragraphs: [
      `Je vous ai demandé l\u2019accès à mes données, notamment au sujet de : ${facts.decision}. Votre réponse du [date de leur réponse] ne contient pas d\u2019informations utiles sur la logique sous-jacente de la décision automatisée (article 15, paragraphe 1, point h), du RGPD), ou les refuse au titre du secret des affaires.`,
      'La Cour de justice a jugé que j\u2019ai droit à une explication de la procédure et des principes concrètement appliqués à mes données pour obtenir le résultat, sous une forme concise, transparente, compréhensible et aisément accessible ; la communication d\u2019une formule complexe ou d\u2019un algorithme ne suffit pas (arrêt du 27 février 2025, Dun & Bradstreet Austria, C-203/22).',
      'Si vous estimez que ces informations contiennent des secrets d\u2019affaires ou des données de tiers, vous devez les communiquer à l\u2019autorité de contrôle ou à la juridiction compétente, qui met en balance les droits et intérêts en cause. Un refus général n\u2019est pas licite.',
      'Merci de m\u2019envoyer les informations manquantes dans un délai d\u2019un mois. À défaut, j\u2019introduirai une réclamation auprès de l\u2019autorité de contrôle (article 77 du RGPD).',
    ],
    citations: ['Article 15, paragraphe 1, point h), du RGPD', 'CJUE C-203/22 (Dun & Bradstreet Austria), 27 février 2025', 'Article 77 du RGPD'],
  }),
};

export function rectificationLetter(facts: LetterFacts): LetterText {
  return RECTIFICATION[facts.locale](facts);
}

export function objectionLetter(facts: LetterFacts): LetterText {
  return OBJECTION[facts.locale](facts);
}

export function followUpLetter(facts: LetterFacts): LetterText {
  return FOLLOW_UP[facts.locale](facts);
}
