/**
 * A donor's personal evidence pack: their donation, the people like them, what a model on the
 * legitimate factors alone predicts for them, the adjusted effect of each of their protected
 * attributes, the caveats, letters filled with those facts, and a manifest to reproduce it.
 * Every figure about other people respects k: peers and groups under k are not described.
 */
import { peerComparison } from '../../../analysis/peer-comparison';
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
import { DONOR_COLUMN } from '../campaign-rows';
import { effectSentence, formatters } from '../effect-sentence';
import { NO_ANSWER_LEVELS } from '../group-comparison';
import { authorityForComplaint, buildLetters, CAMPAIGN_CONTROLLERS, letterAsText, type Letter, type Recipients } from '../letters';
import type { CampaignSnapshot } from './campaign-snapshot';
import { describeDecision, isDeactivation, primaryRecord } from './donor-record';

/** At most this many legitimate factors define "people like you": more, and exact matches vanish. */
const MAX_PEER_FACTORS = 3;

export interface PersonalPackOptions {
  locale: Locale;
  /** Controller slug from ../shared/recipients; default: the one the record names. */
  controller?: string;
  /** ISO country code of the donor, for the complaint's authority; default `de`. */
  country?: string;
  today?: Date;
}

export interface PersonalPack {
  donation: DonationView;
  peers: Array<Record<string, unknown> & { outcome: string; suppressed: boolean; sentence: string }>;
  prediction: Array<Record<string, unknown> & { outcome: string; available: boolean; sentence: string }>;
  effects: Array<Record<string, unknown> & { outcome: string; attribute: string; level: string; status: 'compared' | 'reference' | 'suppressed' | 'none'; sentence: string }>;
  caveats: Array<{ code: string; text: string }>;
  letters: Array<Letter & { text: string }>;
  manifest: {
    software: { name: 'crowdaudit'; version: string };
    datasetSha256: string;
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

function analysableOutcomes(campaign: Campaign): CampaignField[] {
  return campaign.fieldsWithRole('outcome').filter((field) => field.type === 'boolean' || field.type === 'integer' || field.type === 'number');
}

/** Peers match on the first categorical legitimate factors the donor answered (else on context choices). */
function peerFactors(campaign: Campaign, record: RecordValues): CampaignField[] {
  const answered = (field: CampaignField) => field.constraints.enum !== undefined && record[field.name] !== undefined && !NO_ANSWER_LEVELS.has(String(record[field.name]));
  const legitimate = campaign.fieldsWithRole('legitimate').filter(answered);
  return (legitimate.length > 0 ? legitimate : campaign.fieldsWithRole('context').filter(answered)).slice(0, MAX_PEER_FACTORS);
}

export async function buildPersonalPack(
  campaign: Campaign,
  donation: DonationView,
  snapshot: CampaignSnapshot,
  /** The latest public release (undefined before the first): effects and caveats come from it, as on the findings page. */
  findings: PublishedFindings | undefined,
  recipients: Recipients,
  options: PersonalPackOptions,
): Promise<PersonalPack> {
  const { locale } = options;
  const et = evidenceTranslator(locale);
  const ft = findingsTranslator(locale);
  const format = formatters(locale);
  const k = campaign.minGroupSize;
  const today = options.today ?? new Date();
  const record = primaryRecord(campaign, donation.records);
  const row: Row = Object.fromEntries(snapshot.columns.map((column) => [column, column === DONOR_COLUMN ? donation.id : cellOf(record[column])]));
  const title = (name: string) => localizedField(campaign.schema.fields.find((field) => field.name === name)!, locale);

  const factors = peerFactors(campaign, record);
  const factorText = factors.map((field) => title(field.name).title).join(', ');
  const peers: PersonalPack['peers'] = [];
  const prediction: PersonalPack['prediction'] = [];
  const legitimate = snapshot.usableFactors(campaign.fieldsWithRole('legitimate').map((field) => field.name)).filter((name) => row[name] !== null);
  for (const outcome of analysableOutcomes(campaign)) {
    if (row[outcome.name] === null) continue;
    const outcomeTitle = title(outcome.name).title;
    if (factors.length === 0) {
      peers.push({ outcome: outcome.name, suppressed: true, sentence: et('peersNone') });
    } else {
      const matchOn = factors.map((field) => field.name);
      // k counts people: a platform worker's forty jobs are one peer, not forty.
      const peerRows = snapshot.rowsMatching(matchOn, row).filter((candidate) => candidate[outcome.name] !== null);
      const peerDonors = new Set(peerRows.map((candidate) => candidate[DONOR_COLUMN])).size;
      // Only the matching rows go through the (row-by-row, async) comparison: a scan of all rows per request would not keep time.
      const comparison = peerDonors >= k ? await peerComparison(peerRows, row, { matchOn, outcome: outcome.name, minGroupSize: k }) : undefined;
      if (!comparison || comparison.suppressed) {
        peers.push({ outcome: outcome.name, matchOn, suppressed: true, sentence: et('peersSuppressed', { k, factors: factorText }) });
      } else {
        const sentence = comparison.rate !== undefined
          ? et('peersRate', { count: format.number(comparison.peers), factors: factorText, rate: format.value(comparison.rate, 'rate'), outcome: outcomeTitle, mine: et(row[outcome.name] === 1 ? 'yesWord' : 'noWord') })
          : et('peersMean', { count: format.number(comparison.peers), factors: factorText, outcome: outcomeTitle, mean: format.number(comparison.mean), value: format.number(Number(row[outcome.name])), percentile: format.number(Math.round(comparison.percentile ?? 50)) });
        peers.push({ outcome: outcome.name, matchOn, suppressed: false, peers: comparison.peers, rate: comparison.rate, mean: comparison.mean, median: comparison.median, percentile: comparison.percentile, sentence });
      }
    }
    try {
      if (snapshot.donors < k) throw new AnalysisError(et('peersSuppressed', { k, factors: factorText }));
      const predicted = (await snapshot.model(outcome.name, legitimate)).predict(row);
      const predictorText = predicted.predictors.map((name) => title(name).title).join(', ');
      const sentence = predicted.model === 'logistic'
        ? et('predictionRate', { factors: predictorText, outcome: outcomeTitle, predicted: format.value(predicted.predicted, 'rate') })
        : et('predictionMean', { factors: predictorText, outcome: outcomeTitle, predicted: format.number(predicted.predicted), actual: format.number(predicted.actual), difference: `${predicted.residual >= 0 ? '+' : ''}${format.number(predicted.residual)}`, percentile: format.number(Math.round(predicted.residualPercentile ?? 50)) });
      prediction.push({ outcome: outcome.name, available: true, ...predicted, sentence });
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error;
      // The analysis explains itself to analysts in English ("Give at least one predictor."); a
      // donor reads why in the pack's language. Only the k rule above speaks the donor's language.
      const reason = snapshot.donors < k ? error.message : et(legitimate.length === 0 ? 'predictionNoFactors' : 'predictionModelFailed');
      prediction.push({ outcome: outcome.name, available: false, sentence: et('predictionUnavailable', { outcome: outcomeTitle, reason }) });
    }
  }

  const effects: PersonalPack['effects'] = [];
  for (const comparison of findings?.comparisons ?? []) {
    const level = record[comparison.attribute];
    if (level === undefined || NO_ANSWER_LEVELS.has(String(level))) continue;
    const attribute = title(comparison.attribute);
    const base = { outcome: comparison.outcome, attribute: comparison.attribute, level: String(level) };
    const words = { outcome: title(comparison.outcome).title, attribute: attribute.title, level: attribute.label(String(level)), k };
    if (comparison.reference === null) effects.push({ ...base, status: 'none', sentence: et('effectNone', words) });
    else if (comparison.reference === String(level)) effects.push({ ...base, status: 'reference', sentence: et('effectReference', words) });
    else {
      const effect = findings!.effects.find((candidate) => candidate.outcome === comparison.outcome && candidate.attribute === comparison.attribute && candidate.level === String(level));
      if (!effect || effect.suppressed) effects.push({ ...base, status: 'suppressed', sentence: et('effectSuppressed', words) });
      else effects.push({ ...base, status: 'compared', reference: effect.reference, raw: effect.raw, adjusted: effect.adjusted, sentence: effectSentence(effect, attribute.label(effect.level), attribute.label(effect.reference), ft, format) });
    }
  }

  const caveats = (findings?.caveats ?? NO_RELEASE_CAVEATS).map((code) => ({ code, text: ft(`caveat.${code}`) }));
  const letters = buildPackLetters(campaign, record, recipients, options, today, [
    ...peers.filter((peer) => !peer.suppressed).map((peer) => peer.sentence),
    ...prediction.filter((item) => item.available).map((item) => item.sentence),
    ...effects.filter((effect) => effect.status === 'compared').map((effect) => effect.sentence),
  ]);
  return {
    donation,
    peers,
    prediction,
    effects,
    caveats,
    letters,
    manifest: {
      software: { name: 'crowdaudit', version },
      datasetSha256: snapshot.datasetSha256,
      campaign: campaign.slug,
      campaignVersion: campaign.version,
      records: roundCount(snapshot.rows.length),
      people: roundCount(snapshot.donors),
      generatedOn: today.toISOString().slice(0, 10),
      parameters: {
        minGroupSize: k,
        consentVersion: donation.consent.version,
        peerFactors: factors.map((field) => field.name),
        predictors: legitimate,
        models: { prediction: 'ols (numbers) or logistic (yes/no) on the predictors', effects: 'adjusted for the legitimate factors, as in the findings' },
        // The effects are those of this public release (null before the first one).
        findingsRelease: findings?.release ?? null,
        references: (findings?.comparisons ?? []).map((comparison) => ({ outcome: comparison.outcome, attribute: comparison.attribute, reference: comparison.reference })),
        adjust: 'holm',
        confidence: 0.95,
        locale,
      },
    },
  };
}

function buildPackLetters(campaign: Campaign, record: RecordValues, recipients: Recipients, options: PersonalPackOptions, today: Date, evidence: string[]) {
  const choice = CAMPAIGN_CONTROLLERS[campaign.slug];
  const slug = options.controller ?? (choice ? choice.byValue[String(record[choice.field])] : undefined) ?? Object.values(choice?.byValue ?? {})[0];
  const controller = recipients.controllers.find((candidate) => candidate.slug === slug);
  if (!controller) return [];
  const facts = {
    campaignKind: campaign.slug === 'platform-decisions' ? 'platform' as const : 'credit' as const,
    locale: options.locale,
    today,
    controller,
    complaintAuthority: authorityForComplaint(recipients, controller, options.country ?? 'de'),
    decision: describeDecision(campaign, record, options.locale),
    deactivation: isDeactivation(record),
    evidence,
  };
  return buildLetters(facts).map((letter) => ({ ...letter, text: letterAsText(letter, facts) }));
}
