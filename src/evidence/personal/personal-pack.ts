/**
 * A donor's personal evidence pack: a first page in plain words, their donation, the people like
 * them, what a model on the legitimate factors alone predicts for them, the adjusted effect of
 * each of their protected attributes, the caveats, letters that only help them, where to get
 * help, and a manifest naming the release. Every figure about other people comes from that one
 * release and respects k: peers and groups under k are not described.
 */
import { predictFromStoredModel } from '../../../analysis/stored-record-model';
import { AnalysisError } from '../../../analysis/analysis-error';
import type { Row } from '../../../analysis/types';
import { localizedField } from '../../campaigns/localize';
import type { Campaign, CampaignField, Locale, RecordValues } from '../../campaigns/types';
import type { DonationView } from '../../donations/donation-service';
import { evidenceTranslator, type EvidenceTranslate } from '../../i18n/evidence-messages';
import { findingsTranslator } from '../../i18n/findings-messages';
import { version } from '../../version';
import type { PublishedFindings } from '../campaign-analyses-types';
import { roundCount } from '../releases/public-findings';
import { effectSentence, formatters } from '../effect-sentence';
import { amountText } from '../field-value';
import { NO_ANSWER_LEVELS } from '../group-comparison';
import { outcomeRows } from '../outcome-strata';
import { effectsOf } from '../same-comparison';
import type { CountryAdvice } from '../advice/country-advice';
import { controllersFor, helpfulFindings, type Recipients } from '../letters';
import { analysableOutcomes, MAX_PEER_FACTORS, peerCandidates, peerKey, type PackStatistics } from './pack-statistics';
import { isDeactivation, primaryRecord } from './donor-record';
import { packHelp, packSummary, type PackHelp, type PackSummary } from './pack-guide';
import { packLetters, type DonorDetails, type PackLetter } from './pack-letters';

export interface PersonalPackOptions {
  locale: Locale;
  /** Controller slug from ../shared/recipients; default: the one the record names. */
  controller?: string;
  /** ISO country code of the donor, for the complaint's authority; default `de`. */
  country?: string;
  /** The donor's German Land (BY, BE, …): the complaint goes to its authority. */
  land?: string;
  /** Typed into the pack's form to fill the letters; never stored. */
  details?: DonorDetails;
  today?: Date;
}

export interface PersonalPack {
  /** The first page: what was found, what it means, what to do next and by when. */
  summary: PackSummary;
  donation: DonationView;
  peers: Array<Record<string, unknown> & { outcome: string; suppressed: boolean; sentence: string }>;
  prediction: Array<Record<string, unknown> & { outcome: string; available: boolean; sentence: string }>;
  effects: Array<Record<string, unknown> & { outcome: string; attribute: string; level: string; status: 'compared' | 'reference' | 'suppressed' | 'none'; sentence: string }>;
  caveats: Array<{ code: string; text: string }>;
  letters: PackLetter[];
  /** Where to get free help, per country of the campaign (the donor's first). */
  help: PackHelp;
  manifest: {
    software: { name: 'crowdaudit'; version: string };
    /** The findings release every statistic comes from (null before the first). */
    release: number | null;
    /** SHA-256 of the rows that release analysed (null before the first, or for a release stored before this was kept). */
    datasetSha256: string | null;
    campaign: string;
    campaignVersion: string;
    /** Rounded to 5, like the public findings: an exact count would change with each donation. */
    records: number;
    people: number;
    generatedOn: string;
    parameters: Record<string, unknown>;
  };
}

function cellOf(value: RecordValues[string] | undefined): Row[string] {
  if (value === undefined) return null;
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** Before the first release there are no effects, but the caveats about donors still hold. */
const NO_RELEASE_CAVEATS: PublishedFindings['caveats'] = ['self-selected', 'association-not-cause'];

/** Peers match on the first categorical legitimate factors the donor answered (else on context choices). */
function peerFactors(campaign: Campaign, record: RecordValues): CampaignField[] {
  const answered = (field: CampaignField) => record[field.name] !== undefined && !NO_ANSWER_LEVELS.has(String(record[field.name]));
  const candidates = peerCandidates(campaign);
  const legitimate = candidates.legitimate.filter(answered);
  return (legitimate.length > 0 ? legitimate : candidates.context.filter(answered)).slice(0, MAX_PEER_FACTORS);
}

/** About where `value` stands among a group, read off its deciles (to the nearest 5: the grid is coarse). */
function percentileFromDeciles(deciles: readonly number[], value: number): number {
  if (value < deciles[0]!) return 5;
  if (value > deciles.at(-1)!) return 95;
  const tied = deciles.map((decile, index) => (decile === value ? index : -1)).filter((index) => index >= 0);
  if (tied.length > 0) return Math.round((10 * (tied[0]! + tied.at(-1)! + 2)) / 2 / 5) * 5;
  const index = deciles.findIndex((decile, position) => decile < value && value < deciles[position + 1]!);
  const exact = 10 * (index + 1) + (10 * (value - deciles[index]!)) / (deciles[index + 1]! - deciles[index]!);
  return Math.round(exact / 5) * 5;
}

export async function buildPersonalPack(
  campaign: Campaign,
  donation: DonationView,
  /**
   * The latest public release (undefined before the first): effects and caveats come from it, as
   * on the findings page, and peers and the prediction from the aggregates kept with it.
   */
  release: { findings: PublishedFindings; packStatistics?: PackStatistics } | undefined,
  recipients: Recipients,
  advice: Map<string, CountryAdvice>,
  options: PersonalPackOptions,
): Promise<PersonalPack> {
  const { locale } = options;
  const et = evidenceTranslator(locale);
  const ft = findingsTranslator(locale);
  const format = formatters(locale);
  const k = campaign.minGroupSize;
  const today = options.today ?? new Date();
  const record = primaryRecord(campaign, donation.records);
  const findings = release?.findings;
  const statistics = release?.packStatistics;
  // The donor's own record, read fresh: it is always in the pack, even before a release includes it.
  const row: Row = Object.fromEntries(campaign.schema.fields.map((field) => [field.name, cellOf(record[field.name])]));
  const title = (name: string) => localizedField(campaign.schema.fields.find((field) => field.name === name)!, locale);

  const factors = peerFactors(campaign, record);
  const factorText = factors.map((field) => title(field.name).title).join(', ');
  const peers: PersonalPack['peers'] = [];
  const prediction: PersonalPack['prediction'] = [];
  let legitimate: string[] = [];
  for (const outcome of analysableOutcomes(campaign)) {
    if (row[outcome.name] === null) continue;
    const outcomeTitle = title(outcome.name).title;
    const outcomeStatistics = statistics?.outcomes[outcome.name];
    if (findings && !statistics) {
      // A release stored before packs kept their aggregates: nothing to place the donor against until the next one.
      peers.push({ outcome: outcome.name, suppressed: true, sentence: et('statisticsNextRelease') });
      prediction.push({ outcome: outcome.name, available: false, sentence: et('statisticsNextRelease') });
      continue;
    }
    if (factors.length === 0) {
      peers.push({ outcome: outcome.name, suppressed: true, sentence: et('peersNone') });
    } else {
      const matchOn = factors.map((field) => field.name);
      // Only groups of at least k donors were kept with the release; any other is not described.
      const group = outcomeStatistics?.peers[matchOn.join(',')]?.[peerKey(matchOn, row)];
      if (!group) {
        peers.push({ outcome: outcome.name, matchOn, suppressed: true, sentence: et('peersSuppressed', { k, factors: factorText }) });
      } else {
        const count = roundCount(group.donors);
        const percentile = percentileFromDeciles(group.deciles, Number(row[outcome.name]));
        const sentence = group.rate !== undefined
          ? et('peersRate', { count: format.number(count), factors: factorText, rate: format.value(group.rate, 'rate'), outcome: outcomeTitle, mine: et(row[outcome.name] === 1 ? 'yesWord' : 'noWord') })
          : et('peersMean', { count: format.number(count), factors: factorText, outcome: outcomeTitle, mean: format.number(group.mean), value: format.number(Number(row[outcome.name])), percentile: format.number(percentile) });
        peers.push({ outcome: outcome.name, matchOn, suppressed: false, peers: count, rate: group.rate, mean: group.mean, median: group.median, percentile, sentence });
      }
    }
    try {
      if (!outcomeStatistics) throw new AnalysisError(et('noReleaseYet'));
      const stored = outcomeStatistics.prediction;
      if (!stored.available) {
        throw new AnalysisError(stored.reason === 'too-few-donors' ? et('peersSuppressed', { k, factors: factorText }) : et(stored.reason === 'no-factors' ? 'predictionNoFactors' : 'predictionModelFailed'));
      }
      // The release's model uses every usable legitimate factor: a donor who left one open, or gave
      // an answer no one in the release gave, is told which, in their language.
      const missing = stored.model.predictors.filter((name) => row[name] === null);
      if (missing.length > 0) throw new AnalysisError(et('predictionNeedsAnswers', { missing: missing.map((name) => title(name).title).join(', ') }));
      const unseen = Object.entries(stored.model.levels).filter(([column, levels]) => !levels.includes(String(row[column]).trim())).map(([column]) => title(column).title);
      if (unseen.length > 0) throw new AnalysisError(et('predictionUnseenAnswer', { factors: unseen.join(', ') }));
      const predicted = predictFromStoredModel(stored.model, row, outcome.name);
      legitimate = predicted.predictors;
      const predictorText = predicted.predictors.map((name) => title(name).title).join(', ');
      const sentence = predicted.model === 'logistic'
        ? et('predictionRate', { factors: predictorText, outcome: outcomeTitle, predicted: format.value(predicted.predicted, 'rate') })
        : et('predictionMean', { factors: predictorText, outcome: outcomeTitle, predicted: format.number(predicted.predicted), actual: format.number(predicted.actual), difference: `${predicted.residual >= 0 ? '+' : ''}${format.number(predicted.residual)}`, percentile: format.number(Math.round(predicted.residualPercentile ?? 50)) });
      prediction.push({ outcome: outcome.name, available: true, ...predicted, sentence });
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      // Every reason above is already in the pack's language.
      prediction.push({ outcome: outcome.name, available: false, sentence: et('predictionUnavailable', { outcome: outcomeTitle, reason: error.message }) });
    }
  }

  const effects: PersonalPack['effects'] = [];
  // Differences in the outcome's unit ("1.81 €", not "181"), as the letters say them.
  const withUnit = (outcome: string) => ({ ...format, number: (value: number) => amountText(campaign.schema.fields.find((field) => field.name === outcome)!, value, locale) });
  for (const comparison of findings?.comparisons ?? []) {
    const level = record[comparison.attribute];
    if (level === undefined || NO_ANSWER_LEVELS.has(String(level))) continue;
    // Only comparisons of records like the donor's: the outcome applies to the record, and it is in the comparison's stratum (or the pooled one).
    const outcomeField = campaign.schema.fields.find((candidate) => candidate.name === comparison.outcome);
    if (!outcomeField || outcomeRows(outcomeField, [row]).length === 0) continue;
    if (comparison.stratum !== null && Object.entries(comparison.stratum).some(([name, value]) => String(record[name]) !== value)) continue;
    const attribute = title(comparison.attribute);
    const base = { outcome: comparison.outcome, stratum: comparison.stratum, attribute: comparison.attribute, level: String(level) };
    const words = { outcome: title(comparison.outcome).title, attribute: attribute.title, level: attribute.label(String(level)), k };
    if (comparison.reference === null) effects.push({ ...base, status: 'none', sentence: et('effectNone', words) });
    else if (comparison.reference === String(level)) effects.push({ ...base, status: 'reference', sentence: et('effectReference', words) });
    else {
      const effect = effectsOf(findings!, comparison).find((candidate) => candidate.level === String(level));
      if (!effect || effect.suppressed) effects.push({ ...base, status: 'suppressed', sentence: et('effectSuppressed', words) });
      else effects.push({ ...base, status: 'compared', reference: effect.reference, raw: effect.raw, adjusted: effect.adjusted, sentence: effectSentence(effect, attribute.label(effect.level), attribute.label(effect.reference), ft, withUnit(comparison.outcome), comparison.ordered) });
    }
  }

  const caveats = (findings?.caveats ?? NO_RELEASE_CAVEATS).map((code) => ({ code, text: ft(`caveat.${code}`) }));
  // Only findings that help the donor enter the letters and the first page (see helpfulFindings).
  const helpful = helpfulFindings(campaign, record, effects);
  const country = options.country ?? 'de';
  const { controller, letters } = packLetters(campaign, record, helpful, recipients, advice, { ...options, today });
  const gaps = prediction.filter((item) => item.available && typeof item.residual === 'number').map((item) => ({ outcome: item.outcome, residual: item.residual as number }));
  const summary = packSummary(campaign, helpful, gaps, advice, { locale, country, deactivation: isDeactivation(record), today });
  return {
    summary,
    donation,
    peers,
    prediction,
    effects,
    caveats,
    letters,
    help: packHelp(campaign, controller, advice, { locale, country, servedCountries: [...new Set(controllersFor(recipients, campaign).flatMap((candidate) => candidate['relevant-countries'] ?? ['all']))] }),
    manifest: {
      software: { name: 'crowdaudit', version },
      // Every statistic in the pack comes from this release; the donor's own donation is read as stored now.
      release: findings?.release.number ?? null,
      datasetSha256: statistics?.datasetSha256 ?? null,
      campaign: campaign.slug,
      campaignVersion: campaign.version,
      records: findings?.records ?? 0,
      people: findings?.donors ?? 0,
      generatedOn: today.toISOString().slice(0, 10),
      parameters: {
        minGroupSize: k,
        consentVersion: donation.consent.version,
        peerFactors: factors.map((field) => field.name),
        predictors: legitimate,
        models: { prediction: 'ols (numbers) or logistic (yes/no) on the predictors', effects: 'adjusted for the legitimate factors, as in the findings' },
        // The effects are those of this public release (null before the first one).
        findingsRelease: findings?.release ?? null,
        references: (findings?.comparisons ?? []).map((comparison) => ({ outcome: comparison.outcome, stratum: comparison.stratum, attribute: comparison.attribute, reference: comparison.reference })),
        adjust: 'bonferroni',
        confidence: 0.95,
        locale,
      },
    },
  };
}
