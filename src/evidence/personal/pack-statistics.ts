/**
 * What personal packs need from a release, computed when the release is cut and kept with it as
 * aggregates only: per outcome, the peer groups (every combination of up to three peer factors)
 * of at least k donors with their count, rate or mean, median and deciles, and the model on the
 * legitimate factors as coefficients and a residual percentile grid. A pack places the donor's
 * own record, read fresh, against these numbers: two packs fetched before and after one donation
 * or withdrawal show the same statistics, so no receipt holder can difference another donor out
 * of their own pack, and a withdrawn donor's rows are not kept anywhere for it.
 */
import { createHash } from 'node:crypto';
import { AnalysisError } from '../../../analysis/analysis-error';
import { fitRecordModel } from '../../../analysis/record-prediction';
import type { StoredRecordModel } from '../../../analysis/stored-record-model';
import type { Row } from '../../../analysis/types';
import type { Campaign, CampaignField } from '../../campaigns/types';
import { DONOR_COLUMN } from '../campaign-rows';
import { NO_ANSWER_LEVELS, usableFactors } from '../group-comparison';

/** At most this many factors define "people like you": more, and exact matches vanish. */
export const MAX_PEER_FACTORS = 3;

export interface PeerGroupStatistics {
  donors: number;
  /** Share of 1s, for a yes/no outcome. */
  rate?: number;
  mean: number;
  median: number;
  /** The outcome's 10th … 90th percentiles among the group's records (R's `quantile(type = 7)`). */
  deciles: number[];
}

export interface OutcomeStatistics {
  /** Per peer-factor set (its names joined by ","), the groups of at least k donors keyed by their values (JSON). */
  peers: Record<string, Record<string, PeerGroupStatistics>>;
  /** Why no model: too few donors (k), no usable legitimate factor, or a fit that failed (too few or too alike rows). */
  prediction: { available: true; model: StoredRecordModel } | { available: false; reason: 'too-few-donors' | 'no-factors' | 'model-failed' };
}

export interface PackStatistics {
  /** SHA-256 of the analysed rows (without donor keys), in stored order. */
  datasetSha256: string;
  records: number;
  donors: number;
  outcomes: Record<string, OutcomeStatistics>;
}

/** The outcomes a pack describes: yes/no and numbers. */
export function analysableOutcomes(campaign: Campaign): CampaignField[] {
  return campaign.fieldsWithRole('outcome').filter((field) => field.type === 'boolean' || field.type === 'integer' || field.type === 'number');
}

/** The factors a donor's peers may match on, in the dictionary's order: categorical legitimate factors, else context choices. */
export function peerCandidates(campaign: Campaign): { legitimate: CampaignField[]; context: CampaignField[] } {
  const categorical = (field: CampaignField) => field.constraints.enum !== undefined;
  return { legitimate: campaign.fieldsWithRole('legitimate').filter(categorical), context: campaign.fieldsWithRole('context').filter(categorical) };
}

/** The key of a peer group: its factors' values as text. */
export function peerKey(matchOn: readonly string[], row: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(matchOn.map((name) => String(row[name])));
}

function subsetsUpTo<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  const walk = (start: number, chosen: T[]) => {
    if (chosen.length > 0) result.push(chosen);
    if (chosen.length === size) return;
    for (let index = start; index < items.length; index += 1) walk(index + 1, [...chosen, items[index]!]);
  };
  walk(0, []);
  return result;
}

function quantile(sorted: readonly number[], probability: number): number {
  const position = probability * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
}

/** A peer group's figures from its members' outcomes (in any order) and its number of donors. */
function groupStatistics(outcomes: number[], donors: number, binary: boolean): PeerGroupStatistics {
  const values = outcomes.sort((first, second) => first - second);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    donors,
    ...(binary ? { rate: mean } : {}),
    mean,
    median: quantile(values, 0.5),
    deciles: Array.from({ length: 9 }, (_unused, index) => quantile(values, (index + 1) / 10)),
  };
}

/** A peer group being collected: its members' outcomes and donors. */
interface PeerGroup {
  outcomes: number[];
  donors: Set<Row[string]>;
}

export async function computePackStatistics(campaign: Campaign, columns: readonly string[], rows: readonly Row[]): Promise<PackStatistics> {
  const k = campaign.minGroupSize;
  const hash = createHash('sha256');
  const fields = columns.filter((column) => column !== DONOR_COLUMN);
  for (const row of rows) hash.update(`${JSON.stringify(fields.map((name) => row[name]))}\n`);
  const donors = new Set(rows.map((row) => row[DONOR_COLUMN])).size;
  const candidates = peerCandidates(campaign);
  const factorSets = [...subsetsUpTo(candidates.legitimate, MAX_PEER_FACTORS), ...subsetsUpTo(candidates.context, MAX_PEER_FACTORS)].map((set) => set.map((field) => field.name));
  const legitimate = usableFactors(rows, campaign.fieldsWithRole('legitimate').map((field) => field.name));
  const analysed = analysableOutcomes(campaign);
  // Each row's peer key is the same for every outcome: computed once per factor set, and every
  // outcome's groups collected in the same pass (each in the rows' order, as one pass per outcome did).
  const peersOf = analysed.map((): OutcomeStatistics['peers'] => ({}));
  for (const matchOn of factorSets) {
    const groupsOf = analysed.map(() => new Map<string, PeerGroup>());
    for (const row of rows) {
      if (matchOn.some((name) => row[name] === null || row[name] === undefined || NO_ANSWER_LEVELS.has(String(row[name])))) continue;
      let key: string | undefined;
      analysed.forEach((outcome, index) => {
        const value = row[outcome.name];
        if (value === null || value === undefined) return;
        key ??= peerKey(matchOn, row);
        const groups = groupsOf[index];
        let group = groups.get(key);
        if (!group) {
          group = { outcomes: [], donors: new Set() };
          groups.set(key, group);
        }
        group.outcomes.push(Number(value));
        group.donors.add(row[DONOR_COLUMN]);
      });
    }
    analysed.forEach((outcome, index) => {
      const kept: Record<string, PeerGroupStatistics> = {};
      for (const [key, group] of groupsOf[index]) {
        // k counts people: a platform worker's forty jobs are one peer, not forty.
        if (group.donors.size >= k) kept[key] = groupStatistics(group.outcomes, group.donors.size, outcome.type === 'boolean');
      }
      peersOf[index][matchOn.join(',')] = kept;
    });
  }
  const outcomes: Record<string, OutcomeStatistics> = {};
  for (const [index, outcome] of analysed.entries()) {
    const peers = peersOf[index];
    let prediction: OutcomeStatistics['prediction'];
    if (donors < k) prediction = { available: false, reason: 'too-few-donors' };
    else if (legitimate.length === 0) prediction = { available: false, reason: 'no-factors' };
    else {
      try {
        prediction = { available: true, model: (await fitRecordModel(rows, { outcome: outcome.name, legitimate })).stored() };
      } catch (error) {
        // The analysis explains itself to analysts in English; the pack says why in the donor's language.
        if (!(error instanceof AnalysisError)) throw error;
        prediction = { available: false, reason: 'model-failed' };
      }
    }
    outcomes[outcome.name] = { peers, prediction };
  }
  return { datasetSha256: hash.digest('hex'), records: rows.length, donors, outcomes };
}
