/**
 * Which findings may enter a donor's letter, and how the donor states them. A finding goes in
 * only when it helps the donor: it concerns the donor's own group, it points against that group
 * (the dictionary's `favourable` or `harmful` says which way is worse), and it holds after the
 * adjustment for the whole family of comparisons (its simultaneous interval excludes no
 * difference, which is the Bonferroni-adjusted p < 0.05: see family-adjustment.ts). A finding
 * of one stratum says which (“for SCHUFA, base score”); a pooled number outcome is a percentile
 * rank within each stratum, turned so that higher is favourable, and is said in percentile points. A finding that favours the donor's group, or that may be chance,
 * would hand the recipient an argument against the donor, so it stays in the pack, not the letter.
 */
import { localizedField } from '../../campaigns/localize';
import type { Campaign, CampaignField, Locale, RecordValues } from '../../campaigns/types';
import type { AdjustedEffect, Stratum } from '../campaign-analyses-types';
import { amountText, favourableDirection, letterFieldTitle, midSentence } from '../field-value';
import { favourableIn } from '../outcome-strata';
import { numberFormat } from '../../i18n/intl-formats';

export const LETTER_ALPHA = 0.05;

/** An adjusted effect of the donor's own group, as the pack carries it. */
export interface GroupEffect {
  outcome: string;
  attribute: string;
  level: string;
  /** The effect's stratum (absent: the outcome has none). */
  stratum?: Stratum;
  status: string;
  reference?: string;
  adjusted?: AdjustedEffect | null;
}

export type HelpfulFinding = GroupEffect & { reference: string; adjusted: AdjustedEffect };

/** The effects that may enter the donor's letters (see the file comment for the rule). */
export function helpfulFindings(campaign: Campaign, record: RecordValues, effects: readonly GroupEffect[]): HelpfulFinding[] {
  return effects.filter((effect): effect is HelpfulFinding => {
    if (effect.status !== 'compared' || !effect.adjusted || effect.reference === undefined) return false;
    // Ordered outcomes (proportional odds) have no letter wording yet: their findings stay in the pack.
    if (effect.adjusted.model === 'ordinal') return false;
    if (String(record[effect.attribute]) !== effect.level) return false;
    const outcome = campaign.schema.fields.find((field) => field.name === effect.outcome);
    if (!outcome) return false;
    // Pooled numbers are ranks turned so that higher is favourable, whatever each stratum's scale.
    const favourable = effect.stratum === null && outcome.type !== 'boolean' ? 'higher' : outcome.type === 'boolean' || !effect.stratum ? favourableDirection(outcome) : favourableIn(outcome, effect.stratum);
    if (!favourable) return false;
    const { familyCiLow, familyCiHigh, pValueAdjusted } = effect.adjusted;
    const against = favourable === 'higher' ? familyCiHigh < 0 : familyCiLow > 0;
    return against && pValueAdjusted < LETTER_ALPHA;
  });
}

const WORDS = {
  en: {
    quote: (text: string) => `\u201c${text}\u201d`,
    mean: (w: Words) => `Among the people who pooled their records in the crowdaudit project, those whose ${w.attribute} is ${w.level} had on average a ${w.outcome} ${w.amount} ${w.direction} than those whose ${w.attribute} is ${w.reference}${w.same} (confidence interval ${w.low} to ${w.high}, widened for the ${w.count} comparisons made; p ${w.p} after adjusting for the number of comparisons made).`,
    odds: (w: Words) => `Among the people who pooled their records in the crowdaudit project, the odds of ${w.outcome} being “yes” were ${w.ratio} times as high for those whose ${w.attribute} is ${w.level} as for those whose ${w.attribute} is ${w.reference}${w.same} (confidence interval ${w.low} to ${w.high}, widened for the ${w.count} comparisons made; p ${w.p} after adjusting for the number of comparisons made).`,
    meaning: (w: Words) => `This means that people in this group, in otherwise the same circumstances, fared worse on ${w.outcome}, and that this is unlikely to be chance. My ${w.attribute} is ${w.level}: I belong to this group.`,
    same: (factors: string) => `, with the same ${factors}`,
    among: (labels: string) => ` (for ${labels})`,
    within: (fields: string) => `, each ranked only against people with the same ${fields}`,
    points: (value: string) => `${value} percentile points`,
    lower: 'lower', higher: 'higher', and: ' and ',
  },
  de: {
    quote: (text: string) => `\u201e${text}\u201c`,
    mean: (w: Words) => `Unter den Menschen, die ihre Daten im Projekt crowdaudit zusammengetragen haben, lag bei denen mit ${w.attribute} ${w.level} der Wert ${w.outcome} im Durchschnitt um ${w.amount} ${w.direction} als bei denen mit ${w.attribute} ${w.reference}${w.same} (Konfidenzintervall ${w.low} bis ${w.high}, verbreitert für die ${w.count} durchgeführten Vergleiche; p ${w.p} nach Korrektur für die Zahl der durchgeführten Vergleiche).`,
    odds: (w: Words) => `Unter den Menschen, die ihre Daten im Projekt crowdaudit zusammengetragen haben, war die Chance (Odds), dass ${w.outcome} mit „ja“ beantwortet wurde, bei denen mit ${w.attribute} ${w.level} ${w.ratio}-mal so hoch wie bei denen mit ${w.attribute} ${w.reference}${w.same} (Konfidenzintervall ${w.low} bis ${w.high}, verbreitert für die ${w.count} durchgeführten Vergleiche; p ${w.p} nach Korrektur für die Zahl der durchgeführten Vergleiche).`,
    meaning: (w: Words) => `Das bedeutet: Menschen dieser Gruppe schnitten bei ${w.outcome} unter sonst gleichen Umständen schlechter ab, und ein Zufall ist unwahrscheinlich. Mein Merkmal ${w.attribute} ist ${w.level}: Ich gehöre zu dieser Gruppe.`,
    same: (factors: string) => `, bei gleichen Angaben zu ${factors}`,
    among: (labels: string) => ` (bei ${labels})`,
    within: (fields: string) => `, jeweils nur gereiht unter Menschen mit gleicher Angabe zu ${fields}`,
    points: (value: string) => `${value} Perzentilpunkte`,
    lower: 'niedriger', higher: 'höher', and: ' und ',
  },
  fr: {
    quote: (text: string) => `«\u00a0${text}\u00a0»`,
    mean: (w: Words) => `Parmi les personnes qui ont mis en commun leurs données dans le projet crowdaudit, celles dont la réponse à ${w.attribute} est ${w.level} avaient en moyenne un résultat ${w.outcome} ${w.direction} de ${w.amount} à celui des personnes dont la réponse à ${w.attribute} est ${w.reference}${w.same} (intervalle de confiance de ${w.low} à ${w.high}, élargi pour les ${w.count} comparaisons effectuées\u00a0; p ${w.p} après correction pour le nombre de comparaisons effectuées).`,
    odds: (w: Words) => `Parmi les personnes qui ont mis en commun leurs données dans le projet crowdaudit, la cote (odds) d’une réponse «\u00a0oui\u00a0» à ${w.outcome} était ${w.ratio} fois plus élevée pour celles dont la réponse à ${w.attribute} est ${w.level} que pour celles dont la réponse à ${w.attribute} est ${w.reference}${w.same} (intervalle de confiance de ${w.low} à ${w.high}, élargi pour les ${w.count} comparaisons effectuées\u00a0; p ${w.p} après correction pour le nombre de comparaisons effectuées).`,
    meaning: (w: Words) => `Cela signifie que les personnes de ce groupe, dans des circonstances par ailleurs identiques, s’en sortaient moins bien pour ${w.outcome}, et qu’il est peu probable que ce soit le hasard. Ma réponse à ${w.attribute} est ${w.level}\u00a0: j’appartiens à ce groupe.`,
    same: (factors: string) => `, à réponses égales sur les points suivants\u00a0: ${factors}`,
    among: (labels: string) => ` (pour ${labels})`,
    within: (fields: string) => `, chacune classée seulement parmi les personnes ayant la même réponse pour ${fields}`,
    points: (value: string) => `${value} points de percentile`,
    lower: 'inférieur', higher: 'supérieur', and: ' et ',
  },
};

interface Words {
  attribute: string; level: string; reference: string; outcome: string; same: string;
  amount: string; direction: string; ratio: string; low: string; high: string; p: string; count: string;
}

function fieldNamed(campaign: Campaign, name: string): CampaignField {
  const field = campaign.schema.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`The campaign "${campaign.slug}" has no field "${name}".`);
  return field;
}

/** Which stratum a finding is about, in words (“ (for SCHUFA, Base score)”); nothing for an outcome without strata or a pooled one. */
function stratumScope(campaign: Campaign, finding: HelpfulFinding, locale: Locale): string {
  if (!finding.stratum || Object.keys(finding.stratum).length === 0) return '';
  const labels = Object.entries(finding.stratum).map(([name, value]) => localizedField(fieldNamed(campaign, name), locale).label(value));
  return WORDS[locale].among(labels.join(', '));
}

/** The fields a pooled finding holds fixed, by their titles mid-sentence. */
function poolFields(campaign: Campaign, outcome: CampaignField, locale: Locale): string {
  const titles = (outcome.comparable?.within ?? []).map((name) => midSentence(localizedField(fieldNamed(campaign, name), locale).title, locale));
  return titles.length <= 1 ? titles.join('') : `${titles.slice(0, -1).join(', ')}${WORDS[locale].and}${titles.at(-1)}`;
}

/** The finding as two sentences in the donor's voice, in the letter's language, with units. */
export function findingSentences(campaign: Campaign, finding: HelpfulFinding, locale: Locale): string[] {
  const words = WORDS[locale];
  const attributeField = fieldNamed(campaign, finding.attribute);
  const attribute = localizedField(attributeField, locale);
  const outcomeField = fieldNamed(campaign, finding.outcome);
  const { adjusted } = finding;
  const number = numberFormat(locale, { maximumFractionDigits: 2 });
  const small = numberFormat(locale, { maximumSignificantDigits: 2 });
  const factors = adjusted.adjustedFor.map((name) => midSentence(localizedField(fieldNamed(campaign, name), locale).title, locale));
  const factorList = factors.length <= 1 ? factors.join('') : `${factors.slice(0, -1).join(', ')}${words.and}${factors.at(-1)}`;
  const base = {
    attribute: locale === 'fr' ? words.quote(attribute.title) : midSentence(attribute.title, locale),
    level: words.quote(attribute.label(finding.level)),
    reference: words.quote(attribute.label(finding.reference)),
    outcome: `${words.quote(letterFieldTitle(outcomeField, locale))}${stratumScope(campaign, finding, locale)}`,
    same: `${finding.stratum === null ? words.within(poolFields(campaign, outcomeField, locale)) : ''}${factors.length > 0 ? words.same(factorList) : ''}`,
    p: adjusted.pValueAdjusted < 0.001 ? `< ${small.format(0.001)}` : `= ${small.format(adjusted.pValueAdjusted)}`,
    count: number.format(adjusted.familySize),
  };
  // A pooled number is a percentile rank within its stratum: said in percentile points, not the outcome's unit.
  const amount = (value: number) => (finding.stratum === null ? words.points(number.format(value)) : amountText(outcomeField, value, locale));
  const text: Words = adjusted.model === 'logistic'
    ? { ...base, amount: '', direction: '', ratio: number.format(Math.exp(adjusted.estimate)), low: number.format(Math.exp(adjusted.familyCiLow)), high: number.format(Math.exp(adjusted.familyCiHigh)) }
    : {
        ...base,
        amount: amount(Math.abs(adjusted.estimate)),
        direction: adjusted.estimate < 0 ? words.lower : words.higher,
        ratio: '',
        // The interval excludes zero (see helpfulFindings), so it is said as magnitudes in the sentence's direction.
        low: amount(Math.min(Math.abs(adjusted.familyCiLow), Math.abs(adjusted.familyCiHigh))),
        high: amount(Math.max(Math.abs(adjusted.familyCiLow), Math.abs(adjusted.familyCiHigh))),
      };
  return [adjusted.model === 'logistic' ? words.odds(text) : words.mean(text), words.meaning(text)];
}
