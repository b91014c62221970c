/**
 * Imported surveys stored one row per batch instead of one row per record.
 *
 * A million-record import wrote a million `records` rows, each a JSON object that repeated every
 * field name, and updated two indexes per row: about 330 bytes and three B-tree inserts per
 * record, so SQLite alone took seven seconds, five times papaparse's parse time for the same
 * file. A batch row names its fields and enum levels once (`layout_json`) and holds its records
 * as one JSON array of value arrays, enum values by position (`records_json`, see
 * `import-batch-codec.ts`): about 67 bytes a record (measured on the synthetic platform survey)
 * and one insert per ten thousand records.
 *
 * The batch's donation row (source 'import', migration 004) still carries its consent, purposes,
 * day and record count, so retention, revisions and deletions work as before: deleting the
 * donation deletes the batch (ON DELETE CASCADE). Records imported before this migration stay
 * in `records`, where the readers still find them.
 *
 * Shipped migrations are never edited: a change is a new numbered file.
 */
export const migration005 = {
  version: 5,
  name: 'import-batches',
  sql: `
    CREATE TABLE import_batches (
      id            INTEGER PRIMARY KEY,
      donation_id   TEXT NOT NULL UNIQUE REFERENCES donations (id) ON DELETE CASCADE,
      campaign_slug TEXT NOT NULL,
      -- The field names in the order of each record's values, and each enum field's levels:
      -- {"fields":["platform","month",…],"levels":{"platform":["uber","bolt",…],…}}
      layout_json   TEXT NOT NULL,
      -- One array of values per record, an enum value as its level's position, null where a
      -- record has no answer: [[0,"2025-01",…],…]
      records_json  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_batches_by_campaign ON import_batches (campaign_slug);
  `,
};
