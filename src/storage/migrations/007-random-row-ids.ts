/**
 * Donations and their records in no order that tells when they came.
 *
 * SQLite gave each donation and record the next rowid (1, 2, 3…), and a table without ORDER BY
 * is read in rowid order. The request log's times beside that order dated each donation to the
 * second, though only its day is stored. From now on rows get random rowids (random-row-id.ts);
 * this migration shuffles the rows already stored: first out of the way (negative), then each a
 * distinct random rank times 2^20 plus a random remainder, so no two collide and no order is left.
 * Import batches (import_batches) keep theirs: they come from one `crowdaudit import`, whose time
 * the audit log holds anyway, and their order is the survey file's.
 *
 * Shipped migrations are never edited: a change is a new numbered file.
 */
export const migration007 = {
  version: 7,
  name: 'random-row-ids',
  sql: `
    UPDATE donations SET rowid = -rowid;
    UPDATE donations SET rowid = shuffled.rank * 1048576 + (abs(random()) % 1048576)
      FROM (SELECT rowid AS old, row_number() OVER (ORDER BY random()) AS rank FROM donations) AS shuffled
      WHERE donations.rowid = shuffled.old;
    UPDATE records SET id = -id;
    UPDATE records SET id = shuffled.rank * 1048576 + (abs(random()) % 1048576)
      FROM (SELECT id AS old, row_number() OVER (ORDER BY random()) AS rank FROM records) AS shuffled
      WHERE records.id = shuffled.old;
  `,
};
