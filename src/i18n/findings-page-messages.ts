/**
 * What the public findings page says around the numbers — the short summary, the headlines of
 * collapsed comparisons, the one-line explanations of the statistics — in English, German and
 * French. Plain words first; every technical term gets one sentence. `{name}` marks a value.
 */
import type { Locale } from '../campaigns/types';
import { catalogueTranslator, type Translator } from './catalogue';

const en = {
  contentsLabel: 'On this page',
  contentsFindings: 'What we found',
  contentsWhatWeAsk: 'What we ask for, and why',
  contentsConsent: 'Your consent',
  summaryHeading: 'In short',
  summaryScope: 'We compared {comparisons} outcomes between groups of people, such as women and men.',
  summaryClearOne: 'One difference is clear enough that chance alone is unlikely to explain it:',
  summaryClearMany: '{count} differences are clear enough that chance alone is unlikely to explain them:',
  summaryClearNone: 'So far, no difference between groups is clear enough to rule out chance. That does not mean there is none: more donations make smaller differences visible.',
  summaryMore: 'And {count} more, listed below.',
  summaryRate: '{outcome}: {groupShare} for {group}, {referenceShare} for {reference}.',
  summaryMean: '{outcome}: on average {groupValue} for {group}, {referenceValue} for {reference}.',
  summaryHowSure: 'How sure is this? These are the records of about {people} people who chose to donate. They are not a random sample, and a difference between groups does not show its cause.',
  outcomeHeading: '{outcome}',
  headlineClear: 'clearest difference: {group} compared with {reference}',
  headlineNone: 'no clear difference so far',
  groupsShown: '{count} groups',
  notComparedYet: 'Not enough people yet to compare by: {names}.',
  longTableNote: 'Sorted from highest to lowest. {count} more groups have fewer than {k} people and are not shown.',
  notAdjustedCount: 'For {count} groups, a comparison with the same circumstances is not possible yet.',
  couldBeChanceCount: 'For {count} more groups, the difference could be chance.',
  likelyNotChance: 'unlikely to be chance',
  couldBeChanceShort: 'could be chance',
  oddsTimes: '{value} × the odds',
  glossaryHeading: 'How to read these numbers, and their limits',
  glossaryInterval: 'In brackets: the 95% interval, the range in which the true value most likely lies. The fewer people, the wider it is.',
  glossarySame: '"With the same circumstances": the difference that remains when people with the same situation (for example the same income) are compared.',
  glossaryChance: '"Unlikely to be chance": the difference is so large that it would rarely appear by chance alone, even though we make many comparisons at once (we correct for that with the Bonferroni method: the corrected number is the "adjusted p", below 0.05 counts as unlikely, and then the widened interval beside it leaves out "no difference").',
  glossaryOdds: '"× the odds": 2 means twice the odds of the comparison group, 1 means the same.',
  glossaryCoarsened: 'Small groups are never shown: a group of fewer than {k} people appears without numbers, so that no one can be recognised.',
  glossarySigned: 'The fingerprint here identifies the key with which this server signs its evidence packs (a SHA-256 digest: anyone can check that a pack came from here and was not changed).',
  plannerSummary: 'Who we still need',
  caveatsSummary: 'What these numbers can and cannot show',
  stratumHeading: '{heading} — {stratum}',
  allStrata: 'all together',
  pooledNote: 'All together: people are compared only with others of the same {fields}; scores are ranked within each {fields} (percentile, higher is better), so different scales can be put side by side.',
  pooledNoteRate: 'All together: each record counts against the share in its own {fields}, and people are compared only with others of the same {fields}.',
  strataSuppressed: 'Not compared, fewer than {k} people: {names}.',
  clusteredByDonor: 'The uncertainty is clustered by donor: one person with many records counts as one person.',
  quoted: '“{name}”',
};

type FindingsPageKey = keyof typeof en;
type Catalogue = Record<FindingsPageKey, string>;

const de: Catalogue = {
  contentsLabel: 'Auf dieser Seite',
  contentsFindings: 'Was wir gefunden haben',
  contentsWhatWeAsk: 'Was wir erfragen und warum',
  contentsConsent: 'Ihre Einwilligung',
  summaryHeading: 'Kurz gesagt',
  summaryScope: 'Wir haben {comparisons} Ergebnisse zwischen Gruppen von Menschen verglichen, etwa zwischen Frauen und Männern.',
  summaryClearOne: 'Ein Unterschied ist so deutlich, dass Zufall allein ihn kaum erklärt:',
  summaryClearMany: '{count} Unterschiede sind so deutlich, dass Zufall allein sie kaum erklärt:',
  summaryClearNone: 'Bisher ist kein Unterschied zwischen Gruppen deutlich genug, um Zufall auszuschließen. Das heißt nicht, dass es keinen gibt: Mehr Spenden machen kleinere Unterschiede sichtbar.',
  summaryMore: 'Und {count} weitere, unten aufgeführt.',
  summaryRate: '{outcome}: {groupShare} bei {group}, {referenceShare} bei {reference}.',
  summaryMean: '{outcome}: im Durchschnitt {groupValue} bei {group}, {referenceValue} bei {reference}.',
  summaryHowSure: 'Wie sicher ist das? Es sind die Angaben von etwa {people} Menschen, die sich fürs Spenden entschieden haben. Sie sind keine Zufallsstichprobe, und ein Unterschied zwischen Gruppen zeigt nicht seine Ursache.',
  outcomeHeading: '{outcome}',
  headlineClear: 'deutlichster Unterschied: {group} im Vergleich zu {reference}',
  headlineNone: 'bisher kein deutlicher Unterschied',
  groupsShown: '{count} Gruppen',
  notComparedYet: 'Noch nicht genug Menschen für einen Vergleich nach: {names}.',
  longTableNote: 'Vom höchsten zum niedrigsten Wert sortiert. {count} weitere Gruppen haben weniger als {k} Menschen und werden nicht gezeigt.',
  notAdjustedCount: 'Für {count} Gruppen ist ein Vergleich bei gleichen Umständen noch nicht möglich.',
  couldBeChanceCount: 'Bei {count} weiteren Gruppen könnte der Unterschied Zufall sein.',
  likelyNotChance: 'kaum Zufall',
  couldBeChanceShort: 'könnte Zufall sein',
  oddsTimes: '{value}-fache Chance',
  glossaryHeading: 'So lesen Sie diese Zahlen, und ihre Grenzen',
  glossaryInterval: 'In Klammern: das 95-%-Intervall, der Bereich, in dem der wahre Wert sehr wahrscheinlich liegt. Je weniger Menschen, desto breiter ist es.',
  glossarySame: '„Bei gleichen Umständen“: der Unterschied, der bleibt, wenn man Menschen in gleicher Lage vergleicht (zum Beispiel mit gleichem Einkommen).',
  glossaryChance: '„Kaum Zufall“: Der Unterschied ist so groß, dass er durch Zufall allein selten entstünde, obwohl wir viele Vergleiche zugleich machen (dafür korrigieren wir mit der Bonferroni-Methode: Die korrigierte Zahl ist das „angepasste p“, unter 0,05 gilt als kaum Zufall, und dann schließt das verbreiterte Intervall daneben „kein Unterschied“ aus).',
  glossaryOdds: '„-fache Chance“: 2 heißt doppelt so hohe Chance wie die Vergleichsgruppe, 1 heißt gleich.',
  glossaryCoarsened: 'Kleine Gruppen zeigen wir nie: Eine Gruppe mit weniger als {k} Menschen erscheint ohne Zahlen, damit niemand erkannt werden kann.',
  glossarySigned: 'Der Fingerabdruck hier bezeichnet den Schlüssel, mit dem dieser Server seine Beweispakete signiert (eine SHA-256-Prüfsumme: Jede und jeder kann prüfen, dass ein Paket von hier kommt und nicht verändert wurde).',
  plannerSummary: 'Wen wir noch brauchen',
  caveatsSummary: 'Was diese Zahlen zeigen können und was nicht',
  stratumHeading: '{heading} — {stratum}',
  allStrata: 'alle zusammen',
  pooledNote: 'Alle zusammen: Menschen werden nur mit anderen mit gleicher Angabe zu {fields} verglichen; Scores werden innerhalb jeder Angabe zu {fields} gereiht (Perzentil, höher ist besser), damit verschiedene Skalen vergleichbar werden.',
  pooledNoteRate: 'Alle zusammen: Jeder Eintrag zählt gegenüber dem Anteil bei gleicher Angabe zu {fields}, und Menschen werden nur mit anderen mit gleicher Angabe zu {fields} verglichen.',
  strataSuppressed: 'Nicht verglichen, weniger als {k} Menschen: {names}.',
  clusteredByDonor: 'Die Unsicherheit ist nach Spendenden geclustert: Eine Person mit vielen Einträgen zählt als eine Person.',
  quoted: '„{name}“',
};

const fr: Catalogue = {
  contentsLabel: 'Sur cette page',
  contentsFindings: 'Ce que nous avons trouvé',
  contentsWhatWeAsk: 'Ce que nous demandons, et pourquoi',
  contentsConsent: 'Votre consentement',
  summaryHeading: 'En bref',
  summaryScope: 'Nous avons comparé {comparisons} résultats entre groupes de personnes, par exemple entre femmes et hommes.',
  summaryClearOne: 'Un écart est assez net pour que le hasard seul l\u2019explique difficilement :',
  summaryClearMany: '{count} écarts sont assez nets pour que le hasard seul les explique difficilement :',
  summaryClearNone: 'Pour l\u2019instant, aucun écart entre groupes n\u2019est assez net pour écarter le hasard. Cela ne veut pas dire qu\u2019il n\u2019y en a pas : plus de dons rendent visibles des écarts plus petits.',
  summaryMore: 'Et {count} autres, plus bas.',
  summaryRate: '{outcome} : {groupShare} pour {group}, {referenceShare} pour {reference}.',
  summaryMean: '{outcome} : en moyenne {groupValue} pour {group}, {referenceValue} pour {reference}.',
  summaryHowSure: 'Quelle certitude ? Ce sont les données d\u2019environ {people} personnes qui ont choisi de donner. Elles ne sont pas un échantillon au hasard, et un écart entre groupes n\u2019en montre pas la cause.',
  outcomeHeading: '{outcome}',
  headlineClear: 'écart le plus net : {group} par rapport à {reference}',
  headlineNone: 'pas d\u2019écart net pour l\u2019instant',
  groupsShown: '{count} groupes',
  notComparedYet: 'Pas encore assez de personnes pour comparer selon : {names}.',
  longTableNote: 'Trié de la valeur la plus haute à la plus basse. {count} autres groupes comptent moins de {k} personnes et ne sont pas affichés.',
  notAdjustedCount: 'Pour {count} groupes, une comparaison à circonstances égales n\u2019est pas encore possible.',
  couldBeChanceCount: 'Pour {count} autres groupes, l\u2019écart pourrait être le hasard.',
  likelyNotChance: 'peu probablement le hasard',
  couldBeChanceShort: 'pourrait être le hasard',
  oddsTimes: 'chance × {value}',
  glossaryHeading: 'Comment lire ces chiffres, et leurs limites',
  glossaryInterval: 'Entre parenthèses : l\u2019intervalle à 95 %, la plage où se trouve très probablement la vraie valeur. Moins il y a de personnes, plus il est large.',
  glossarySame: '« À circonstances égales » : l\u2019écart qui reste quand on compare des personnes dans la même situation (par exemple au même revenu).',
  glossaryChance: '« Peu probablement le hasard » : l\u2019écart est si grand qu\u2019il apparaîtrait rarement par hasard seul, même si nous faisons beaucoup de comparaisons à la fois (nous corrigeons cela avec la méthode de Bonferroni : le nombre corrigé est le « p ajusté », en dessous de 0,05 le hasard est peu probable, et l\u2019intervalle élargi à côté exclut alors « aucun écart »).',
  glossaryOdds: '« Chance × 2 » : deux fois la chance du groupe de comparaison ; × 1 : la même.',
  glossaryCoarsened: 'Les petits groupes ne sont jamais affichés : un groupe de moins de {k} personnes apparaît sans chiffres, pour que personne ne puisse être reconnu.',
  glossarySigned: 'L\u2019empreinte ci-après identifie la clé avec laquelle ce serveur signe ses dossiers de preuves (une empreinte SHA-256 : chacun peut vérifier qu\u2019un dossier vient d\u2019ici et n\u2019a pas été modifié).',
  plannerSummary: 'Qui il nous manque encore',
  caveatsSummary: 'Ce que ces chiffres peuvent montrer, et ce qu\u2019ils ne peuvent pas',
  stratumHeading: '{heading} — {stratum}',
  allStrata: 'tous ensemble',
  pooledNote: 'Tous ensemble : chaque personne n\u2019est comparée qu\u2019aux autres ayant la même réponse pour {fields} ; les scores sont classés au sein de chaque réponse pour {fields} (percentile, plus haut est meilleur), pour que des échelles différentes soient comparables.',
  pooledNoteRate: 'Tous ensemble : chaque enregistrement compte par rapport à la part observée pour la même réponse à {fields}, et chaque personne n\u2019est comparée qu\u2019aux autres ayant la même réponse pour {fields}.',
  strataSuppressed: 'Non comparés, moins de {k} personnes : {names}.',
  clusteredByDonor: 'L\u2019incertitude est regroupée par donateur : une personne avec de nombreux enregistrements compte pour une personne.',
  quoted: '« {name} »',
};

const catalogues: Record<Locale, Catalogue> = { en, de, fr };

export type FindingsPageTranslate = Translator<FindingsPageKey>;

export function findingsPageTranslator(locale: Locale): FindingsPageTranslate {
  return catalogueTranslator(catalogues, locale);
}

export { catalogues as findingsPageCatalogues };
