/**
 * `--cluster COLUMN` for regress, disparity and compare: whose records are not independent.
 * A campaign's records (`--db … --campaign …`) are clustered by donor unless `--cluster none`
 * says otherwise, since a donor gives several records; a CSV file is clustered only when asked,
 * so its output stays as it was.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { ClusteredErrors } from '../../analysis/cluster-robust-covariance';
import { DONOR_COLUMN } from '../../analysis/load-sqlite';
import type { InputOptions } from './analysis-input';
import type { Tabular } from './output-format';

/** The word that turns clustering off. */
export const NO_CLUSTER = 'none';

export interface ClusterChoice {
  /** The column to cluster by, or undefined for independent records. */
  column?: string;
  /** True when the column is the default (a campaign's donor), not asked for. */
  byDefault: boolean;
  /** True when `--cluster none` turned clustering off. */
  turnedOff: boolean;
}

export function addClusterOption(command: Command): Command {
  return command.option(
    '--cluster <column>',
    `cluster the standard errors by this column (a donor's records are not independent); with --db the default is each record's donor ("${DONOR_COLUMN}"); "${NO_CLUSTER}" turns clustering off`,
  );
}

/**
 * Which column to cluster by; `options.cluster` is set to it (or removed) so that the row source
 * reads the donor key when it is needed.
 */
export function resolveCluster(options: InputOptions): ClusterChoice {
  const asked = options.cluster?.trim();
  if (asked === '') throw new InvalidArgumentError(`--cluster needs a column name, or "${NO_CLUSTER}".`);
  if (asked === NO_CLUSTER) {
    options.cluster = undefined;
    return { byDefault: false, turnedOff: true };
  }
  if (asked !== undefined) {
    options.cluster = asked;
    return { column: asked, byDefault: false, turnedOff: false };
  }
  if (options.db) {
    options.cluster = DONOR_COLUMN;
    return { column: DONOR_COLUMN, byDefault: true, turnedOff: false };
  }
  return { byDefault: false, turnedOff: false };
}

/** The sentence under a table that says how the errors were computed. */
export function clusterNote(choice: ClusterChoice, clusters: number | undefined, db: boolean): string | undefined {
  if (choice.column !== undefined) {
    const unit = choice.column === DONOR_COLUMN && db ? 'donors' : 'clusters';
    return `Standard errors clustered by ${choice.column} (G = ${clusters} ${unit})${choice.byDefault ? `: the default for a campaign, since a donor may give several records; --cluster ${NO_CLUSTER} turns it off` : ''}.`;
  }
  if (choice.turnedOff && db) return `Standard errors not clustered (--cluster ${NO_CLUSTER}): every record counts as an independent person, though a donor may give several records, so intervals may be too narrow and p-values too small.`;
  if (choice.turnedOff) return `Standard errors not clustered (--cluster ${NO_CLUSTER}).`;
  return undefined;
}

/**
 * What a regression (OLS, logistic, ordinal) prints about its clustering: the note under the
 * table, and `clusteredBy` and `clusters` columns in csv — only when clustered, so that the csv of
 * an unclustered fit keeps its columns.
 */
export function regressionClusterReport(choice: ClusterChoice, clustered: ClusteredErrors | undefined, db: boolean): { notes: string[]; summary: NonNullable<Tabular['summary']> } {
  const note = clusterNote(choice, clustered?.clusters, db);
  return {
    notes: note ? [note] : [],
    summary: clustered ? [['clusteredBy', clustered.column], ['clusters', clustered.clusters]] : [],
  };
}
