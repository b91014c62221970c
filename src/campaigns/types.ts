/**
 * The shape of a campaign as the rest of the server sees it. The data-dictionary file is the
 * single source; `load-campaigns.ts` validates it and derives the schemas below.
 */
import type { z } from 'zod';
import type { Comparability } from './comparability-schema';
import type { PopulationMarginsFile } from './population-margins-file';

export const LOCALES = ['en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported locale. */
export type Localized = Record<Locale, string>;

/** What a field means for the analyses (DESIGN.md "Campaigns"). */
export type FieldRole = 'outcome' | 'protected' | 'legitimate' | 'context' | 'donor-only';

/** Frictionless Table Schema field types that the dictionary allows. `yearmonth` is "YYYY-MM". */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'yearmonth';

export interface FieldConstraints {
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

/** How a quasi-identifier is coarsened, step by step, for a k-anonymous export. */
export type Generalisation =
  | { method: 'suppress' }
  | { method: 'bands'; width: number[] } // numeric: successive band widths, e.g. [10, 20]
  | { method: 'map'; levels: Array<Record<string, string>> } // enum: successive level merges
  | { method: 'truncate'; lengths: number[] } // string prefix: e.g. postcode region [2, 1]
  | { method: 'year' }; // yearmonth -> year

export interface FieldTranslation {
  title: string;
  description: string;
  /** Labels for each enum value (required when the field has an enum). */
  enumLabels?: Record<string, string>;
}

/** A Frictionless Table Schema field with crowdaudit's extensions. English at top level. */
export interface CampaignField {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  constraints: FieldConstraints;
  role: FieldRole;
  quasiIdentifier: boolean;
  /**
   * A fact about the person (age band, income…), the same in each of their records: the web
   * form asks it once and copies it into every record. Absent: a fact of one record.
   */
  perDonor?: boolean;
  /**
   * For a boolean outcome: true when `true` is the harmful value (a refusal, a deactivation),
   * false when it is the favourable one. The four-fifths rule compares favourable rates.
   */
  harmful?: boolean;
  /**
   * A special category of personal data (GDPR Art. 9: racial or ethnic origin, health, religion…,
   * e.g. migration background): its processing needs explicit consent, Art. 9(2)(a).
   */
  specialCategory?: boolean;
  generalisation?: Generalisation;
  /** Example value for the CSV template and docs. */
  example: string | number | boolean;
  enumLabels?: Record<string, string>;
  translations: { de: FieldTranslation; fr: FieldTranslation };
  /** On a field that names who decided (bureau, platform): each answer's recipient slug (../shared/recipients). */
  recipients?: Record<string, string>;
  /** On a number outcome: the direction that is good for the donor (yes/no outcomes say `harmful`). */
  favourable?: 'higher' | 'lower';
  /**
   * On a string field with an enum: the enum's values are ordered levels, listed from first to
   * last (`direction` says which end is best), except the `outsideOrder` values (an answer such as
   * "unknown", which analyses read as missing). See `orderedLevelsOf`.
   */
  ordered?: boolean;
  direction?: 'best-first' | 'worst-first';
  outsideOrder?: string[];
  /** How the donor's letters name the field (first person), when the title speaks to the donor. */
  letterTitle?: Localized;
  /** On a number: shown divided by `divisor` with the label ("€", "points"). */
  unit?: { divisor?: number; label: Localized };
  /**
   * On an outcome: which records carry it (`appliesWhere`), within which context fields records
   * are comparable (`within`: each combination is a stratum), legitimate factors for it alone
   * (`adjustFor`), and strata whose scale runs the other way (`favourableWhere`).
   */
  comparable?: Comparability;
}

export interface ConsentPurpose {
  id: 'research' | 'ngo-sharing' | 'collective-action';
  required: boolean;
  title: Localized;
  description: Localized;
}

export interface CampaignConsent {
  version: string;
  text: Localized;
  purposes: ConsentPurpose[];
}

/** The dictionary file as written by campaigners (after validation). */
export interface CampaignDefinition {
  slug: string;
  version: string;
  status: 'open' | 'closed';
  title: Localized;
  description: Localized;
  decisionMaker: Localized;
  /** `form`: donors fill a web form; `csv`: donors upload many records as a CSV file. */
  entry: 'form' | 'csv';
  maxRecords: number;
  retentionDays: number;
  minGroupSize: number;
  /** Donations added or withdrawn before the public findings may change (default 2·k). */
  releaseMinChanges?: number;
  /** ISO 8601 duration: the shortest time between two releases of the findings (default P1D). */
  releaseInterval?: string;
  consent: CampaignConsent;
  schema: { fields: CampaignField[]; missingValues: string[] };
}

/** A validated record: field name -> typed value (absent optional fields are omitted). */
export type RecordValues = Record<string, string | number | boolean>;

export interface DonationBody {
  consent: { version: string; purposes: string[] };
  records: RecordValues[];
  locale?: Locale;
}

/** A loaded campaign: the definition plus everything derived from it once, at start. */
export interface Campaign extends CampaignDefinition {
  /** SHA-256 (hex) of the canonical JSON of `consent` — stored with each donation. */
  consentSha256: string;
  /** zod schema of one record (typed JSON values), `.strict()`. */
  recordSchema: z.ZodType<RecordValues>;
  /** zod schema of the JSON donation body, `.strict()`. */
  donationSchema: z.ZodType<DonationBody>;
  /** Turns text input (form fields, CSV cells) into typed values before `recordSchema`; '' -> absent. */
  coerceRecord(raw: Record<string, unknown>): Record<string, unknown>;
  fieldsWithRole(role: FieldRole): CampaignField[];
  /**
   * The population margins shipped beside the dictionary (`margins/<slug>.json`), checked against
   * it at start; absent when the campaign ships none. The findings weight donors to them.
   */
  populationMargins?: PopulationMarginsFile;
}

/** Read access to the loaded campaigns (the registry from `campaigns/load-campaigns`). */
export interface CampaignLookup {
  get(slug: string): Campaign | undefined;
  list(): Campaign[];
}
