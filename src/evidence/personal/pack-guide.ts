/**
 * What an adviser would add to a donor's pack: a first page in plain words (what was found about
 * people like the donor, what it means and does not mean, what to do next and by when), where to
 * get free help in the campaign's countries, and for a deactivated worker the caution that the
 * deadline to contest a dismissal can be very short. Facts about help come from the advice data.
 */
import { localizedField } from '../../campaigns/localize';
import type { Campaign, Locale } from '../../campaigns/types';
import { guideTranslator } from '../../i18n/pack-guide-messages';
import { helpFor, type CountryAdvice } from '../advice/country-advice';
import { amountText, favourableDirection, midSentence } from '../field-value';
import type { HelpfulFinding } from '../letters';
import { dateTimeFormat, displayNames, numberFormat } from '../../i18n/intl-formats';

export interface PackSummary {
  heading: string;
  found: { heading: string; sentences: string[] };
  meaning: { heading: string; text: string };
  next: { heading: string; steps: string[] };
  /** For a deactivation or suspension: the short deadline to contest a dismissal, with its source. */
  caution?: { heading: string; text: string; deadline?: { text: string; source: string } };
}

export interface PackHelp {
  heading: string;
  countries: Array<{ country: string; heading: string; entries: Array<{ kind: string; name: string; web: string; text: string; source: string }> }>;
}

export interface PredictionGap {
  outcome: string;
  /** Actual minus predicted, in the outcome's units (negative: below what people like the donor get). */
  residual: number;
}

export function packSummary(campaign: Campaign, findings: HelpfulFinding[], gaps: PredictionGap[], advice: Map<string, CountryAdvice>, options: { locale: Locale; country: string; deactivation: boolean; today: Date }): PackSummary {
  const { locale } = options;
  const gt = guideTranslator(locale);
  const field = (name: string) => campaign.schema.fields.find((candidate) => candidate.name === name)!;
  const number = numberFormat(locale, { maximumFractionDigits: 2 });
  const sentences: string[] = [];
  for (const gap of gaps) {
    const outcome = field(gap.outcome);
    const direction = favourableDirection(outcome);
    const worse = direction === 'higher' ? gap.residual < 0 : direction === 'lower' ? gap.residual > 0 : false;
    if (worse && outcome.type !== 'boolean') sentences.push(gt('summaryBelowPrediction', { outcome: localizedField(outcome, locale).title, amount: amountText(outcome, Math.abs(gap.residual), locale) }));
  }
  for (const finding of findings) {
    const attribute = localizedField(field(finding.attribute), locale);
    const outcome = field(finding.outcome);
    const words = { attribute: midSentence(attribute.title, locale), level: attribute.label(finding.level), reference: attribute.label(finding.reference), outcome: localizedField(outcome, locale).title };
    const { adjusted } = finding;
    sentences.push(adjusted.model === 'logistic'
      ? gt('summaryOdds', { ...words, ratio: number.format(Math.exp(adjusted.estimate)) })
      : gt(adjusted.estimate < 0 ? 'summaryMeanLower' : 'summaryMeanHigher', { ...words, amount: amountText(outcome, Math.abs(adjusted.estimate), locale) }));
  }
  if (findings.length === 0) sentences.push(gt('summaryNothing'));
  const answerBy = new Date(options.today);
  answerBy.setUTCMonth(answerBy.getUTCMonth() + 1);
  const steps = [
    ...(options.deactivation ? [gt('stepAppeal')] : []),
    gt('stepSendNow'),
    gt('stepAnswerBy', { date: dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(answerBy) }),
    gt('stepFollowUp'),
  ];
  const deadline = advice.get(options.country)?.dismissalDeadline;
  return {
    heading: gt('summaryHeading'),
    found: { heading: gt('summaryFound'), sentences },
    meaning: { heading: gt('summaryMeaningHeading'), text: gt('summaryMeaning') },
    next: { heading: gt('summaryNextHeading'), steps },
    ...(options.deactivation ? { caution: { heading: gt('deadlineCautionHeading'), text: gt('deadlineCaution'), ...(deadline ? { deadline: { text: deadline.text[locale], source: deadline.source } } : {}) } } : {}),
  };
}

export function packHelp(campaign: Campaign, controller: string | undefined, advice: Map<string, CountryAdvice>, options: { locale: Locale; country: string; servedCountries?: string[] }): PackHelp {
  const gt = guideTranslator(options.locale);
  const countryNames = displayNames(options.locale, { type: 'region' });
  return {
    heading: gt('helpHeading'),
    countries: helpFor(advice, campaign.slug, controller, options.country, options.servedCountries).map((section) => ({
      country: section.country,
      heading: gt('helpCountry', { country: countryNames.of(section.country.toUpperCase()) ?? section.country }),
      entries: section.entries.map((entry) => ({ kind: entry.kind, name: entry.name, web: entry.web, text: entry.text[options.locale], source: entry.source })),
    })),
  };
}
