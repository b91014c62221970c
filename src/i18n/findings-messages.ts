/**
 * What the public findings say, in English, German and French: plain, modest, never a verdict
 * beyond the numbers. `{name}` marks a value filled in at render.
 */
import type { Locale } from '../campaigns/types';
import { catalogueTranslator, type Translator } from './catalogue';

const en = {
  release: 'Release {number}, published on {date}.',
  releaseRule: 'These numbers change only with a new release, made from time to time and only after at least {count} donations were added or withdrawn. So no single donation can be read from them.',
  counts: 'About {donations} donations with {records} records from {people} people (rounded to {rounded}).',
  signingKey: 'Evidence packs from this server are signed with the key whose fingerprint is',
  comparisonHeading: '{outcome} by {attribute}',
  chartRate: 'Share with "{outcome}" in each group, with its 95% interval.',
  chartMean: 'Average {outcome} in each group, with its 95% interval.',
  suppressed: 'fewer than {k} people: not shown',
  reference: '(comparison group)',
  notEnough: 'Not enough people in at least two groups yet, so no comparison is shown.',
  group: 'Group',
  people: 'People',
  share: 'Share',
  average: 'Average',
  interval: '95% interval',
  sameCircumstances: 'Difference with the same circumstances',
  adjustedP: 'p (Holm)',
  sameCircumstancesMeans: 'Same circumstances means the same: {name}.',
  sentenceOdds: 'With the same circumstances, the odds for {group} are {value} times those of {reference} (95% interval {low} to {high}).',
  sentenceMean: 'With the same circumstances, {group} differs from {reference} by {value} (95% interval {low} to {high}).',
  likelyReal: 'Such a difference is unlikely to be chance alone (adjusted p {name}).',
  couldBeChance: 'This could be chance (adjusted p {name}).',
  notAdjusted: 'No comparison with the same circumstances is possible yet for {group}.',
  caveatsHeading: 'What these numbers can and cannot show',
  'caveat.self-selected': 'The people who donate chose to do so. They are not a random sample of everyone affected.',
  'caveat.association-not-cause': 'A difference between groups shows an association, not its cause.',
  'caveat.clustered-records': 'One person gives many records; the intervals treat records as independent and may be too narrow.',
  'caveat.small-sample': 'Few people have donated so far, so the numbers can still change a lot.',
  'caveat.multiple-testing': 'Many comparisons are made at once; the p-values are adjusted for that (Holm).',
  plannerHeading: 'Who we still need',
  plannerRate: 'To see a gap of {gap} percentage points between {group} and {reference}: {need}.',
  plannerMean: 'To see a gap of {gap} in {outcome} between {group} and {reference}: {need}.',
  needMore: 'about {count} more people from {group}',
  needEnough: 'enough people from {group} have donated',
  needTotal: 'about {count} people from {group} in all',
  needReference: 'and {count} more from {reference}',
};

export type FindingsMessageKey = keyof typeof en;
type Catalogue = Record<FindingsMessageKey, string>;

const de: Catalogue = {
  release: 'Veröffentlichung {number} vom {date}.',
  releaseRule: 'Diese Zahlen ändern sich nur mit einer neuen Veröffentlichung. Sie kommt von Zeit zu Zeit und erst, wenn mindestens {count} Spenden hinzugekommen oder zurückgezogen sind. So lässt sich keine einzelne Spende aus ihnen ablesen.',
  counts: 'Etwa {donations} Spenden mit {records} Einträgen von {people} Menschen (auf {rounded} gerundet).',
  signingKey: 'Beweispakete dieses Servers sind mit dem Schlüssel mit diesem Fingerabdruck signiert:',
  comparisonHeading: '{outcome} nach {attribute}',
  chartRate: 'Anteil mit „{outcome}“ in jeder Gruppe, mit 95-%-Intervall.',
  chartMean: 'Durchschnitt von {outcome} in jeder Gruppe, mit 95-%-Intervall.',
  suppressed: 'weniger als {k} Menschen: nicht gezeigt',
  reference: '(Vergleichsgruppe)',
  notEnough: 'Noch nicht genug Menschen in mindestens zwei Gruppen, daher kein Vergleich.',
  group: 'Gruppe',
  people: 'Menschen',
  share: 'Anteil',
  average: 'Durchschnitt',
  interval: '95-%-Intervall',
  sameCircumstances: 'Unterschied bei gleichen Umständen',
  adjustedP: 'p (Holm)',
  sameCircumstancesMeans: 'Gleiche Umstände heißt gleich bei: {name}.',
  sentenceOdds: 'Bei gleichen Umständen ist die Chance für {group} {value}-mal so hoch wie für {reference} (95-%-Intervall {low} bis {high}).',
  sentenceMean: 'Bei gleichen Umständen unterscheidet sich {group} von {reference} um {value} (95-%-Intervall {low} bis {high}).',
  likelyReal: 'Ein solcher Unterschied ist kaum durch Zufall allein zu erklären (angepasstes p {name}).',
  couldBeChance: 'Das könnte Zufall sein (angepasstes p {name}).',
  notAdjusted: 'Ein Vergleich bei gleichen Umständen ist für {group} noch nicht möglich.',
  caveatsHeading: 'Was diese Zahlen zeigen können und was nicht',
  'caveat.self-selected': 'Wer spendet, hat sich selbst dafür entschieden. Das ist keine Zufallsstichprobe aller Betroffenen.',
  'caveat.association-not-cause': 'Ein Unterschied zwischen Gruppen zeigt einen Zusammenhang, nicht seine Ursache.',
  'caveat.clustered-records': 'Eine Person gibt viele Einträge; die Intervalle behandeln Einträge als unabhängig und können zu schmal sein.',
  'caveat.small-sample': 'Bisher haben wenige Menschen gespendet, die Zahlen können sich noch stark ändern.',
  'caveat.multiple-testing': 'Viele Vergleiche werden zugleich gemacht; die p-Werte sind dafür angepasst (Holm).',
  plannerHeading: 'Wen wir noch brauchen',
  plannerRate: 'Um einen Unterschied von {gap} Prozentpunkten zwischen {group} und {reference} zu sehen: {need}.',
  plannerMean: 'Um einen Unterschied von {gap} bei {outcome} zwischen {group} und {reference} zu sehen: {need}.',
  needMore: 'etwa {count} weitere Menschen aus {group}',
  needEnough: 'aus {group} haben genug Menschen gespendet',
  needTotal: 'insgesamt etwa {count} Menschen aus {group}',
  needReference: 'und {count} weitere aus {reference}',
};

const fr: Catalogue = {
  release: 'Publication {number} du {date}.',
  releaseRule: 'Ces chiffres ne changent qu\u2019avec une nouvelle publication. Elle a lieu de temps en temps, et seulement après au moins {count} dons ajoutés ou retirés. Ainsi, aucun don ne peut en être déduit.',
  counts: 'Environ {donations} dons avec {records} enregistrements de {people} personnes (arrondi à {rounded}).',
  signingKey: 'Les dossiers de preuves de ce serveur sont signés avec la clé dont l\u2019empreinte est',
  comparisonHeading: '{outcome} selon {attribute}',
  chartRate: 'Part avec « {outcome} » dans chaque groupe, avec son intervalle à 95 %.',
  chartMean: 'Moyenne de {outcome} dans chaque groupe, avec son intervalle à 95 %.',
  suppressed: 'moins de {k} personnes : non affiché',
  reference: '(groupe de comparaison)',
  notEnough: 'Pas encore assez de personnes dans au moins deux groupes : aucune comparaison affichée.',
  group: 'Groupe',
  people: 'Personnes',
  share: 'Part',
  average: 'Moyenne',
  interval: 'Intervalle à 95 %',
  sameCircumstances: 'Écart à circonstances égales',
  adjustedP: 'p (Holm)',
  sameCircumstancesMeans: 'À circonstances égales signifie à valeurs égales de : {name}.',
  sentenceOdds: 'À circonstances égales, la chance pour {group} est {value} fois celle de {reference} (intervalle à 95 % de {low} à {high}).',
  sentenceMean: 'À circonstances égales, {group} diffère de {reference} de {value} (intervalle à 95 % de {low} à {high}).',
  likelyReal: 'Un tel écart s\u2019explique difficilement par le hasard seul (p ajusté {name}).',
  couldBeChance: 'Cela pourrait être le hasard (p ajusté {name}).',
  notAdjusted: 'Une comparaison à circonstances égales n\u2019est pas encore possible pour {group}.',
  caveatsHeading: 'Ce que ces chiffres peuvent montrer, et ce qu\u2019ils ne peuvent pas',
  'caveat.self-selected': 'Les donateurs ont choisi de donner. Ils ne sont pas un échantillon au hasard de toutes les personnes concernées.',
  'caveat.association-not-cause': 'Un écart entre groupes montre une association, pas sa cause.',
  'caveat.clustered-records': 'Une personne donne de nombreux enregistrements ; les intervalles les traitent comme indépendants et peuvent être trop étroits.',
  'caveat.small-sample': 'Peu de personnes ont donné jusqu\u2019ici, les chiffres peuvent encore beaucoup changer.',
  'caveat.multiple-testing': 'De nombreuses comparaisons sont faites à la fois ; les valeurs p sont ajustées en conséquence (Holm).',
  plannerHeading: 'Qui il nous manque encore',
  plannerRate: 'Pour voir un écart de {gap} points de pourcentage entre {group} et {reference} : {need}.',
  plannerMean: 'Pour voir un écart de {gap} sur {outcome} entre {group} et {reference} : {need}.',
  needMore: 'environ {count} personnes de plus parmi {group}',
  needEnough: 'assez de personnes parmi {group} ont donné',
  needTotal: 'environ {count} personnes parmi {group} au total',
  needReference: 'et {count} de plus parmi {reference}',
};

const catalogues: Record<Locale, Catalogue> = { en, de, fr };

export type FindingsTranslate = Translator<FindingsMessageKey>;

export function findingsTranslator(locale: Locale): FindingsTranslate {
  return catalogueTranslator(catalogues, locale);
}
