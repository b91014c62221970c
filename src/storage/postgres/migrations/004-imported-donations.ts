/** PostgreSQL's equivalent of SQLite's migration 004: imported surveys beside donors' donations. Never edited once shipped. */
export const postgresMigration004 = {
  version: 4,
  name: 'imported-donations',
  sql: `
    ALTER TABLE donations ADD COLUMN source TEXT NOT NULL DEFAULT 'donor' CHECK (source IN ('donor', 'import'));
    ALTER TABLE donations ADD COLUMN consent_basis TEXT;
  `,
};
