/**
 * SQLite's migration 007 shuffled the rowids of rows stored before random ids. A PostgreSQL
 * database starts with random record ids (the repositories draw them) and its donations have no
 * row number, so there is nothing to shuffle: this migration only keeps the numbering of both
 * engines alike. (A heap's physical order is another matter: see SECURITY.md, "PostgreSQL".)
 * Never edited once shipped.
 */
export const postgresMigration007 = {
  version: 7,
  name: 'random-row-ids',
  sql: `SELECT 1;`,
};
