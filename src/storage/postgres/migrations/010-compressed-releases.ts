/**
 * PostgreSQL's equivalent of SQLite's migration 010: a release's document becomes bytes,
 * gzip-compressed from now on; a release stored before keeps its text as UTF-8 bytes and reads
 * as before. (PostgreSQL's own TOAST compression would shrink the stored text, but the server
 * would still receive and decode 6.2 MB of it on its event loop.) Never edited once shipped.
 */
export const postgresMigration010 = {
  version: 10,
  name: 'compressed-releases',
  sql: `
    ALTER TABLE findings_releases ALTER COLUMN findings_json TYPE BYTEA USING convert_to(findings_json, 'UTF8');
    ALTER TABLE findings_releases RENAME COLUMN findings_json TO document;
  `,
};
